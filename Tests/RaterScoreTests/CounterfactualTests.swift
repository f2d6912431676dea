import Rater
import Testing

/// Counterfactuals, disappointed expectations and hypothetical results (`IrrealisRole.counterfactual`,
/// `.consequent`). Sentences written for these tests.
@Suite struct CounterfactualTests {
    @Test(arguments: [
        "如果前台能再耐心一点就更好了", "要是客服回复快一点,就好了", "本以为客房很整洁",
        "It would have been lovely if the porter had been polite.",
        "The lobby would be perfect if the receptionist were friendlier.",
        "If only the concierge had been helpful.", "I wish the waiter had been more attentive.",
    ])
    func praiseInACounterfactualNamesWhatWasMissing(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    @Test func aHypotheticalResultAloneSettlesNothing() throws {
        // "would" turns a conditional of its sentence into a counterfactual, and does nothing by itself.
        #expect(try label("We would happily stay here again, the beds are comfortable.") == .positive)
        #expect(try !rules("The beds would be comfortable for most guests.").contains("irrealis"))
        // A plain condition stays a damped condition.
        #expect(try score("If you want a comfortable bed, the suite is ideal.") >= 0)
    }

    @Test func theDimensionTakesTheMissingPraiseAsAComplaint() throws {
        let report = try analyse("I wish the receptionist had been more helpful.").report
        #expect(!report.dimensions.contains { $0.label == .positive })
    }
}

/// Wishes and suggestions (`IrrealisRole.wish`): praise asked for is not praise given.
@Suite struct WishTests {
    @Test(arguments: ["希望前台能热情一点", "建议客服耐心一点", "I hope the staff will be friendlier next time."])
    func praiseInAWishIsNoPraise(_ text: String) throws {
        #expect(try label(text) != .positive, "\(text)")
    }

    /// A wish for more than there is (再, 一点, 些, "a bit") names what was missing.
    @Test(arguments: ["希望客服回复再及时些", "希望包装能结实一点", "I hope the porter is a bit friendlier next time."])
    func aWishForMoreIsNoPraise(_ text: String) throws {
        #expect(try label(text) != .positive, "\(text)")
        #expect(try rules(text).contains("irrealis"))
    }

    /// A wish that asks for nothing more hopes for what is expected: a hopeful close, mildly positive.
    @Test func aHopefulWishKeepsSomeOfItsPraise() throws {
        #expect(try label("刚收到,希望好用") == .positive)
        #expect(try label("买给同事的,希望耐用") == .positive)
        #expect(try score("送给妈妈的,希望她喜欢") < score("送给妈妈的,她很喜欢"))
        // The marker of "more" on its own settles nothing: the clause is plain praise.
        #expect(try !rules("这次发货再快不过了,很满意").contains("irrealis"))
    }
}
