import Rater
import Testing

/// Loyalty cue phrases match with their verb in another form (`Lexicons/en/inflections.tsv`, kind `inflection`):
/// "order from them again" reads in "never ordering from them again", "book here again" in "booked here again".
/// Sentences written for these tests, several trades.
@Suite struct InflectedLoyaltyCueTests {
    @Test(arguments: ["Never ordering from them again.", "We won't be booking here again.",
                      "Not eating here again, the fish was off.", "I'm never visiting again after that checkup."])
    func negatedInflectedCueIsAtRisk(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.atRisk), "\(text)")
        #expect(!found.contains(.loyal), "\(text)")
    }

    @Test(arguments: ["We ordered from them again last week and it was just as good.",
                      "Booked here again for our anniversary.", "Bought again for my sister, she loves it.",
                      "Ate here again on Friday, the curry is still superb."])
    func inflectedCueIsLoyal(_ text: String) throws {
        #expect(try signals(text).contains(.loyal), "\(text)")
    }

    /// The past of come and return narrates what staff did as often as a visit, so it is no form of those cues.
    @Test(arguments: ["The waiter never came back to our table.", "The engineer never returned my call."])
    func staffComingBackIsNoChurn(_ text: String) throws {
        #expect(try !signals(text).contains(.atRisk), "\(text)")
    }
}
