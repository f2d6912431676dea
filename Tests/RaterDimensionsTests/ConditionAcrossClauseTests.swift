import Rater
import Testing

/// A condition stated in the clause before a return or an expectation governs it (如果停车方便一点，我们应该还会再来;
/// "If they sort out the booking system, we'd come back"): the return is not settled. A threat to leave stays at
/// risk, a condition put to the reader is advice, and a recovery after a condition is a habit told. Sentences
/// written for these tests, several trades.
@Suite struct ConditionAcrossClauseTests {
    @Test(arguments: ["If they sort out the booking system, we'd come back.",
                      "If the prices drop a little, I will definitely shop here again.",
                      "如果停车方便一点，我们应该还会再来", "要是物流快一点，下次还会回购",
                      // "nothing else" and 没有 open real conditions too (a code review: read as settled).
                      "If nothing else goes wrong with the order, we will come back next summer.",
                      "如果没有那么多人排队，我们下次还会再来"])
    func conditionalReturnIsNotSettled(_ text: String) throws {
        let found = try signals(text)
        #expect(!found.contains(.loyal), "\(text)")
        #expect(!found.contains(.atRisk), "\(text)")
    }

    /// An "if" inside its clause, a parenthesis, a counterfactual cause or a condition three clauses back governs
    /// nothing after it (a code review: each read no loyalty or expectation).
    @Test(arguments: ["I called to ask if they had a table for six, and we will definitely be back.",
                      "如果不是朋友推荐，我都不知道这家店，味道很好，下次还会再来",
                      "要不是同事介绍我不会来，环境不错，下次还来",
                      "如果早点去能有位子，我们去的时候排了一会，菜很好吃，下次还来"])
    func aConditionThatGovernsNothingAfterItLeavesTheReturn(_ text: String) throws {
        #expect(try signals(text).contains(.loyal), "\(text)")
    }

    @Test func aParenthesisIsNoCondition() throws {
        #expect(try signals("If I'm honest, the food exceeded my expectations.").contains(.exceeded))
        #expect(try signals("If anything, the suite was better than advertised.").contains(.exceeded))
    }

    @Test(arguments: ["如果下次还这样，我就换一家", "If the app crashes once more, we're switching to another bank."])
    func conditionalThreatStaysAtRisk(_ text: String) throws {
        #expect(try signals(text).contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["If you like spicy food, I highly recommend this place.", "如果你喜欢川菜，强烈推荐这家"])
    func conditionPutToTheReaderIsAdvice(_ text: String) throws {
        #expect(try signals(text).contains(.loyal), "\(text)")
    }

    @Test func recoveryAfterAConditionIsAHabit() throws {
        let found = try signals("If anything goes wrong with the boiler, they sort it out the same day.")
        #expect(!found.contains(.unresolved))
    }
}
