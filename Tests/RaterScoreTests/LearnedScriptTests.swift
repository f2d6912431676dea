import Rater
import Testing

/// A learned file's statistics score only comments of its language's script (`LearnedScript`): the Chinese learned
/// file's Latin entries (m, t, usb, vista, led, sim, learned from Chinese shopping reviews) took part in English
/// comments. Sentences written for these tests, several trades.
@Suite struct LearnedScriptTests {
    @Test(arguments: ["Ordered the jacket in M and it fits well.",
                      "The USB port on the dashboard charges slowly.",
                      "Got a new SIM at the counter in five minutes.",
                      "Size M was sold out, the clerk checked the back room."])
    func chineseLearnedLatinTermsScoreNoEnglishComment(_ text: String) throws {
        let terms = try analyse(text).scored.contributions.filter(\.isLearned).map { $0.term.lowercased() }
        for latin in ["m", "usb", "sim", "t"] {
            #expect(!terms.contains(latin), "\(text): \(terms)")
        }
    }

    @Test(arguments: ["快递小哥送到了楼下", "师傅上门装好了"])
    func chineseLearnedTermsStillScoreChineseComments(_ text: String) throws {
        #expect(try analyse(text).scored.contributions.contains(where: \.isLearned), "\(text)")
    }
}
