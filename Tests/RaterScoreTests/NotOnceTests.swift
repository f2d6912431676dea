import Rater
import Testing

/// "Not once" (没有一次, "never once") is one negation: the frequency word belongs to it, and its reach counts from the
/// phrase's end, in the sentiment score and in the signal cues alike. Sentences written for these tests.
@Suite struct NotOnceTests {
    @Test(arguments: ["没有一次让我失望过", "这家酒店从来没有一次让我们失望", "Never once did they let us down",
                      "Not once did they disappoint me", "Never once did the hotel let us down"])
    func aDisappointmentThatNeverHappenedIsPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }

    /// The signal cue after the quantified negation is negated too: no disappointment is read.
    @Test(arguments: ["没有一次让我失望过", "这家酒店从来没有一次让我们失望", "Not once did they disappoint me"])
    func noDisappointmentIsRead(_ text: String) throws {
        let signals = try analyse(text).report.signals
        #expect(!signals.contains { $0.value == .fellShort || $0.value == .atRisk }, "\(text): \(signals)")
    }

    @Test(arguments: ["这家快递没有一次准时送到", "Not once was the train on time"])
    func praiseThatNeverHappenedIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }
}
