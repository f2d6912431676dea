import Rater
import Testing

/// 不能再 before a verb says "no longer" or "never again" (不能再用了: the product failed; 这家店不能再去了), a
/// complaint; between 得 and an adjective it is the degree that could go no further (服务好得不能再好了), the strongest
/// praise or complaint, not a negation of the second adjective. Sentences written for these tests.
@Suite struct NoLongerUsableTests {
    @Test(arguments: ["吹风机买来一个月，已经不能再用了", "这家理发店以后不能再去了", "这种质量的床垫不能再买了",
                      "这个健身房不能再来了，器材都坏了"])
    func noLongerIsAComplaint(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .negative, "\(text): \(sentiment.score)")
    }

    @Test(arguments: ["前台的服务好得不能再好了", "这家店的味道好得不能再好了"])
    func theUnsurpassedDegreeIsStrongPraise(_ text: String) throws {
        let value = try score(text)
        #expect(value > 0.6, "\(text): \(value)")
        #expect(try rules(text).contains("negated") == false, "\(text)")
    }

    @Test func theUnsurpassedDegreeOfAComplaintIsAStrongComplaint() throws {
        #expect(try score("客服的态度差劲得不能再差劲了") < -0.6)
    }
}
