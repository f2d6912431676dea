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

    /// "Used to" after "noun + pronoun" is the verb "use" in a relative clause without "that" (used in order to), not a
    /// habit: the praise and complaints of the clause keep their weight (`RelativeUsedTo`).
    @Test(arguments: ["The app we used to book the room was fast and easy.",
                      "The booking site I used to reserve a table was simple and quick."])
    func usedInOrderToKeepsPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try !rules(text).contains("irrealis"), "\(text)")
    }

    @Test(arguments: ["The card I used to pay was charged twice.", "The brush they used to clean our table was filthy."])
    func usedInOrderToKeepsComplaints(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try !rules(text).contains("irrealis"), "\(text)")
    }

    /// The habit after its subject, after a conjunction, after a pronoun with no noun phrase before it, after "that",
    /// and "used to be" after a noun phrase and pronoun all stay past habits.
    @Test(arguments: ["When we used to live nearby the bakery was wonderful.",
                      "In college I used to love their pizza.",
                      "The staff that we used to adore were lovely.",
                      "The cafe we used to be regulars at was great.",
                      "Honestly the food used to be amazing."])
    func habitKeepsItsMarker(_ text: String) throws {
        #expect(try rules(text).contains("irrealis"), "\(text)")
    }

    /// A time noun before the pronoun heads a time phrase, not a noun phrase: "back in the day we used to" is a habit.
    @Test(arguments: ["Back in the day we used to adore this bakery, now the bread is stale.",
                      "In the old days we used to love this pub, now it is dirty.",
                      "At the time we used to trust this garage, now they overcharge."])
    func aTimePhraseKeepsTheHabit(_ text: String) throws {
        #expect(try rules(text).contains("irrealis"), "\(text)")
        #expect(try label(text) == .negative, "\(text)")
    }
}
