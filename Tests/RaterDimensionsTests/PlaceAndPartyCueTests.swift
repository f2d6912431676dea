import Rater
import RaterCore
import Testing

/// Cue words that name a place or a party rather than a quality of it (Sentences written for these tests, several
/// trades):
/// - a delivery or visit to the wrong building, house or branch is a mistake (Reliability), not the building's looks;
/// - an establishment (shop, clinic, branch, 门店) is Tangibles only with a physical attribute in its clause
///   (`near:`, as "place" already was): calling the clinic says nothing of the clinic as a place;
/// - a channel (helpdesk, call center, 客服) judged for its manners (friendly, polite, 态度) is Assurance and Empathy
///   through those words, not Responsiveness.
@Suite struct PlaceAndPartyCueTests {
    @Test(arguments: ["The courier left our parcel at the wrong building.",
                      "They sent the technician to the wrong branch.",
                      "The driver dropped the sofa at the wrong apartment."])
    func wrongPlaceIsReliability(_ text: String) throws {
        let result = try dimensions(text)
        #expect(result[.reliability] == .negative, "\(text): \(result)")
        #expect(result[.tangibles] == nil, "\(text): \(result)")
    }

    @Test(arguments: ["I called the clinic to move my appointment.", "We drove to the branch to open an account.",
                      "The shop emailed me when the order shipped.", "打电话到门店问了一下库存"])
    func anEstablishmentNamedIsNoTangibles(_ text: String) throws {
        #expect(try dimensions(text)[.tangibles] == nil, "\(text)")
    }

    @Test(arguments: [("The shop was cramped and dusty.", SentimentLabel.negative),
                      ("The clinic is bright and spotless.", .positive), ("门店很小，有点挤", .negative)])
    func anEstablishmentDescribedIsTangibles(_ text: String, _ expected: SentimentLabel) throws {
        #expect(try dimensions(text)[.tangibles] == expected, "\(text)")
    }

    @Test(arguments: ["The helpdesk was friendly.", "The call center agent was polite and patient.", "客服态度很友好"])
    func aChannelJudgedForMannersIsNoResponsiveness(_ text: String) throws {
        let result = try dimensions(text)
        #expect(result[.responsiveness] == nil, "\(text): \(result)")
        #expect(result[.empathy] == .positive || result[.assurance] == .positive, "\(text): \(result)")
    }

    @Test(arguments: ["客服回复很慢", "The hotline kept us on hold for an hour."])
    func aChannelJudgedForSpeedStaysResponsiveness(_ text: String) throws {
        #expect(try dimensions(text)[.responsiveness] == .negative, "\(text)")
    }
}
