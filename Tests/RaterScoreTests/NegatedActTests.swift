import Rater
import Testing

/// A remedial act under a negator was not done (`LexiconEntry.negatedAct`, kind `act`): "without fixing anything",
/// "never explained the charge", 没有答复 are complaints, and the negation is spent on the act rather than reaching
/// the object after it. Alone the act says nothing. Sentences written for these tests, from several industries.
@Suite struct NegatedActTests {
    @Test(arguments: [
        "The agent closed my ticket without fixing anything.",
        "The technician left without solving the problem.",
        "The bank never explained the extra charge on my statement.",
        "The clinic did not respond to any of my messages.",
        "The landlord didn't apologise.",
        "师傅没修就走了",
        "客服到现在都没有答复",
        "银行一直没有解释这笔费用",
    ])
    func anActNotDoneIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try rules(text).contains("negated_act"), "\(text)")
    }

    /// A remedial act withheld leaves the failure open: the recovery is unresolved.
    @Test(arguments: ["The agent closed my ticket without fixing anything.", "The technician left without solving the problem."])
    func anActWithheldLeavesTheCaseOpen(_ text: String) throws {
        #expect(try analyse(text).report.signals.contains { $0.value == .unresolved }, "\(text)")
    }

    /// The object of the act is not what the negator negates: the problem left unsolved is still a problem.
    @Test func theObjectReadsOnItsOwn() throws {
        let problem = try analyse("The technician left without solving the problem.").scored.contributions
            .first { $0.term == "problem" }
        #expect(problem.map { $0.weight < 0 } == true)
        #expect(problem?.rules.contains { $0.name == "negated" } == false)
    }

    /// Without a negator the act scores nothing of its own.
    @Test(arguments: ["The engineer will fix it tomorrow.", "They said they would explain the fee."])
    func anActAloneSaysNothing(_ text: String) throws {
        let terms = try analyse(text).scored.contributions.map(\.term)
        #expect(!terms.contains("fix") && !terms.contains("explain"), "\(text): \(terms)")
    }

    /// "can't help but", 不解释 ("needless to say") withhold no act.
    @Test(arguments: ["I can't help but love this little bakery", "好评不解释"])
    func idiomsWithholdNoAct(_ text: String) throws {
        #expect(try !rules(text).contains("negated_act"), "\(text)")
        #expect(try label(text) == .positive, "\(text)")
    }
}
