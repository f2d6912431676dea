import Rater
import Testing

/// A past habit or state ("used to", `IrrealisRole.bygone`) says how things were, not how they are: praise in it names
/// what was lost. Sentences written for these tests.
@Suite struct BygoneHabitTests {
    @Test(arguments: ["I used to love this place, not anymore.", "We used to adore the brunch here, no longer."])
    func praiseRetractedIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    @Test(arguments: ["This place used to be great.", "The staff used to be so friendly."])
    func praiseOfThePastIsNoPraise(_ text: String) throws {
        #expect(try label(text) != .positive, "\(text)")
        #expect(try rules(text).contains("irrealis"), "\(text)")
    }

    /// Being used to something is no past habit: "got used to the noise", "I'm used to great service" keep their
    /// reading.
    @Test(arguments: ["I got used to the bed and it was comfortable", "I'm used to great service and got it here too"])
    func beingUsedToSomethingIsNoPast(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try !rules(text).contains("irrealis"), "\(text)")
    }
}
