import Rater
import Testing

/// Word of mouth the customer has already given is loyalty: recommended to someone, referred someone, sent friends
/// there. Someone else's recommendation or referral of the customer is how they came, not their loyalty. Sentences
/// written for these tests.
@Suite struct AdvocacyDoneTests {
    @Test(arguments: [
        "I've already recommended this garage to two of my neighbours.",
        "We have since recommended the studio to our running club.",
        "I referred three friends to this gym last year.",
        "I keep sending my colleagues to this barber.",
        "已经把这家理发店分享给了好几个同事",
        "我介绍了好几个朋友来这里健身",
    ])
    func advocacyDoneIsLoyal(_ text: String) throws {
        #expect(try signals(text) == [.loyal], "\(text)")
    }

    @Test(arguments: [
        "This clinic was recommended to me by my cousin.",
        "I was referred by my GP.",
    ])
    func someoneElsesRecommendationIsNoLoyalty(_ text: String) throws {
        #expect(!(try signals(text).contains(.loyal)), "\(text)")
    }
}
