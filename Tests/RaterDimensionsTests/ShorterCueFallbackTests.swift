import Rater
import Testing

/// A cue whose context conditions fail gives way to the shorter cue it hid at its start (`CueTerms.Layer
/// .shorterEntry`): "refused to" is a refusal only before a remedy, but where it is not, the outcome word "refused"
/// inside it still stands, and decides the recovery cue near it. Sentences written for these tests, several trades.
@Suite struct ShorterCueFallbackTests {
    @Test(arguments: ["They refused to even look at the refund.",
                      "The landlord refused to so much as discuss a refund of the deposit.",
                      "The courier refused to even talk about compensation."])
    func refusalBeforeAnythingButARemedyStillRefuses(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.unresolved), "\(text)")
        #expect(!found.contains(.recovered), "\(text)")
    }

    @Test(arguments: ["They refused to give me a refund.", "The airline refused to compensate us."])
    func refusedRemedyStaysUnresolved(_ text: String) throws {
        #expect(try signals(text).contains(.unresolved), "\(text)")
    }
}
