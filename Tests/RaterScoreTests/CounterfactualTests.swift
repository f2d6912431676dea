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
}
