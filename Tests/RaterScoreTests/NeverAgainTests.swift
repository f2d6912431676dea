import Rater
import Testing

/// A recommendation withdrawn for good (再也不会推荐, "never recommend them again") is a clear complaint, not praise
/// cancelled by a complaint.
@Suite struct NeverAgainTests {
    @Test(arguments: ["再也不会推荐", "我再也不会推荐这家店", "I will never recommend them again"])
    func aRecommendationWithdrawnIsClearlyNegative(_ text: String) throws {
        #expect(try score(text) <= -0.5, "\(text)")
    }

    /// 再也不会 still reads as a complaint on its own.
    @Test func neverAgainAloneIsNegative() throws {
        #expect(try label("这家店再也不会来了") == .negative)
    }
}
