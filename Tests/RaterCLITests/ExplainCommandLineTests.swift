import Foundation
import Testing

/// `rater explain` (and `rater eval`'s worst misses, which use the same formatter) print comment text from the input.
@Suite struct ExplainCommandLineTests {
    @Test func controlCharactersInTheCommentArePrintedVisibly() throws {
        let outcome = try CLIProcess.run(["explain", "The staff were \u{1B}]0;pwned\u{07}\u{1B}[2K\rfriendly"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(!outcome.standardOutput.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\r" })
        // Normalisation already drops ESC and BEL; the line break that is left is shown, so the text stays one line.
        let textLine = outcome.standardOutput.split(separator: "\n").first { $0.hasPrefix("text:") }
        #expect(textLine?.contains("pwned") == true && textLine?.contains("friendly") == true)
        #expect(outcome.standardOutput.contains("sentiment:  positive"))
    }
}
