import Rater
import Testing

/// A move of the customer's account, plan or contract is churn only towards a place outside the provider: a generic
/// provider noun (bank, provider, company, insurer, carrier) counts as outside only after another, a different, a
/// new or other (`Lexicons/en/signals.tsv`). Sentences written for these tests, several trades.
@Suite struct OwnProviderMoveTests {
    @Test(arguments: ["The bank helped me move my savings to a higher interest account.",
                      "I called the provider to switch my plan to unlimited and it was painless.",
                      "The company let me transfer my contract to my new address.",
                      "The insurer was happy to move my policy to the new car in five minutes.",
                      "Our carrier switched my plan to the cheaper data tier without a fuss."])
    func moveWithinTheOwnProviderIsNoChurn(_ text: String) throws {
        #expect(try !signals(text).contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["We are moving our savings to another bank.",
                      "I'm switching my broadband to a different provider next month.",
                      "Moved my mortgage to a credit union after the rate hike.",
                      "We transferred our insurance to a new insurer after the claim fiasco."])
    func moveToAnotherProviderIsChurn(_ text: String) throws {
        #expect(try signals(text).contains(.atRisk), "\(text)")
    }
}
