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

    /// Only loyal phrases are inflected, never a verb after "to": an at-risk phrase's other forms narrate ("we loved
    /// staying away from the centre"), and "used to coming here" is being accustomed, not a lapsed custom.
    @Test(arguments: ["We loved staying away from the noisy city centre.", "I got used to coming here every week.",
                      "Staying away from the main road made the drive much calmer.",
                      "The kids quickly got used to going there for their checkups."])
    func inflectedFormThatChangesMeaningIsNoChurn(_ text: String) throws {
        #expect(try !signals(text).contains(.atRisk), "\(text)")
    }

    /// A form after a word of regret, avoidance or stopping is what was regretted, not an intent to return
    /// (`Lexicons/en/inflections.tsv`, third column); a purchase made again to replace what broke is no loyalty.
    @Test(arguments: ["Big mistake booking here again.", "I regret ordering from them again.",
                      "Quit ordering from them again after the second cold pizza.",
                      "Bought again because the first one broke.",
                      "Had to buy again since the old charger stopped working."])
    func regrettedOrReplacementFormIsNotLoyal(_ text: String) throws {
        #expect(try !signals(text).contains(.loyal), "\(text)")
    }

    @Test(arguments: ["Loved shopping here again this weekend.", "Booked here again for the third year running."])
    func likedFormStaysLoyal(_ text: String) throws {
        #expect(try signals(text).contains(.loyal), "\(text)")
    }
}
