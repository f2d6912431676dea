import Rater
import Testing

/// A cue that only announces an expectation (本以为, 原以为, "I expected") is read from what came after the turn or
/// reveal that follows it, and when no opinion word says how that was, as the opposite of what was feared or hoped
/// before it: 原以为手续很麻烦，结果十分钟就办好了 and "I expected it to be slow, but it came in twenty minutes" are
/// exceeded, not fell short for the worry they state. Sentences written for these tests.
@Suite struct ExpectationAfterTurnTests {
    @Test(arguments: [
        "原以为换卡会很麻烦，结果五分钟就办好了",
        "I expected the check-up to be slow, but we were out in twenty minutes.",
    ])
    func aWorryTurnedIsExceeded(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.exceeded), "\(text)")
        #expect(!found.contains(.fellShort), "\(text)")
    }

    @Test(arguments: ["本以为这家店会很好吃，结果很一般", "I expected a lovely dinner, but the steak was awful."])
    func aHopeTurnedFellShort(_ text: String) throws {
        #expect(try signals(text).contains(.fellShort), "\(text)")
    }
}
