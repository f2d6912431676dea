import RaterCore
import Testing

@testable import RaterNormalize

/// NFKC can make a text many times longer than its UTF-16 length times three (U+FDFA, one code unit, becomes 18):
/// such comments are normalised, not rejected.
@Suite struct NFKCExpansionTests {
    private let salawat = "\u{635}\u{644}\u{649} \u{627}\u{644}\u{644}\u{647} \u{639}\u{644}\u{64A}\u{647} \u{648}\u{633}\u{644}\u{645}"

    @Test func expansionsBeyondThreeTimesAreNormalised() throws {
        #expect(try Normalizer.nfkc("\u{FDFA}\u{FDFA} good") == salawat + salawat + " good")
        #expect(try Normalizer.nfkc("\u{FDFA}") == salawat)
        let long = String(repeating: "\u{FDFA}", count: 500)
        #expect(try Normalizer.nfkc(long) == String(repeating: salawat, count: 500))
    }

    @Test func aCommentOfExpandingCharactersIsAnalysedNotRejected() throws {
        let comment = try Normalizer().normalize(SourceRecord(source: "t", recordNumber: 1, text: "\u{FDFA}\u{FDFA} good"))
        #expect(comment.text.hasSuffix(" good"))
    }
}
