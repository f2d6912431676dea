import Rater
import Testing

/// Loyalty said in everyday phrasings: a contraction or an adverb between the modal and the cue, keeping up one's
/// custom (继续支持), an answered question hedged ("Probably not."), and "last time" only as a final visit.
/// Sentences written for these tests, several trades.
@Suite struct LoyaltyPhrasingTests {
    @Test(arguments: ["We'll definitely be back.", "I'll certainly be back next summer for the sea bass.",
                      "They'll surely be back, the kids adored the pool.", "We'll go back for the dumplings.",
                      "会继续支持这家店的", "以后还会继续来", "这家理发店我会一直支持", "药店服务好，会继续光顾"])
    func keptCustomIsLoyal(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.loyal), "\(text)")
        #expect(!found.contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["不会继续支持了", "这种服务，以后不会继续来了"])
    func negatedKeptCustomIsAtRisk(_ text: String) throws {
        #expect(try signals(text).contains(.atRisk), "\(text)")
    }

    /// A churn verb negated is no churn ("I will never switch banks").
    @Test(arguments: ["We will not switch.", "I will never switch banks, they have been brilliant."])
    func negatedChurnVerbIsNotAtRisk(_ text: String) throws {
        #expect(try !signals(text).contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["Would I shop here again? Probably not.", "Will we stay here again? I doubt it."])
    func hedgedNoAnswersTheQuestion(_ text: String) throws {
        #expect(try signals(text).contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["The waiter remembered our order from last time.",
                      "Last time the staff were rude, this time they were lovely.",
                      "The mechanic fixed the rattle he had missed last time."])
    func lastTimeNarratesAVisit(_ text: String) throws {
        #expect(try !signals(text).contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["That was the last time I will ever eat there.", "We stayed there for the last time.",
                      "It's the last time we ever use this courier."])
    func lastVisitIsAtRisk(_ text: String) throws {
        #expect(try signals(text).contains(.atRisk), "\(text)")
    }
}
