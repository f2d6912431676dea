import Rater
import Testing

/// A negated intent with its auxiliary ("not going to", "not planning to") is one negator, as 不会 and 不打算 are in
/// Chinese, and its reach counts from its last word: the auxiliary no longer uses up the reach before the loyalty cue.
/// Sentences written for these tests, from salons, garages, hotels and gyms.
@Suite struct NegatedIntentReachTests {
    @Test(arguments: ["We're not going to ever come back.", "I am not going to be coming back to this salon.",
                      "Never going to ever recommend this garage.", "I would not ever recommend this hotel.",
                      "以后不会再来了", "我是不打算再来了"])
    func aNegatedIntentReachesTheCue(_ text: String) throws {
        #expect(try signals(text) == [.atRisk], "\(text)")
    }

    /// A negator that ends before the cue's clause part still leaves it alone.
    @Test(arguments: ["The trainers were not going easy on us, and we will come back.",
                      "It is not going to be cheap, but we will definitely be back."])
    func aCueBeyondTheReachStaysLoyal(_ text: String) throws {
        #expect(try signals(text).contains(.loyal), "\(text)")
    }
}
