import RaterCore
import Testing

@testable import RaterNormalize

/// Invisible characters are dropped, so they cannot disguise a word, and never join two words.
@Suite struct InvisibleCharacterTests {
    private func normalize(_ text: String) throws -> String {
        try Normalizer().normalize(SourceRecord(source: "t", recordNumber: 1, text: text)).text
    }

    /// A zero-width joiner between two ideographs or two letters is a disguise, not an emoji sequence.
    @Test func zeroWidthJoinerOutsideEmojiIsDropped() throws {
        #expect(try normalize("好\u{200D}评") == "好评")
        #expect(try normalize("très\u{200D}é") == "trèsé")
        #expect(try normalize("好\u{200D}👍") == "好👍")
        #expect(try normalize("👍\u{200D}好") == "👍好")
    }

    @Test func zeroWidthJoinerInsideEmojiSequencesIsKept() throws {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(try normalize("好\(family)") == "好\(family)")
        let heartOnFire = "❤\u{FE0F}\u{200D}🔥"  // a variation selector before the joiner
        #expect(try normalize("nice \(heartOnFire)") == "nice \(heartOnFire)")
        let coder = "👩🏽\u{200D}💻"  // a skin tone before the joiner
        #expect(try normalize("\(coder) ok") == "\(coder) ok")
    }

    /// U+00AD and the other default-ignorable code points are dropped.
    @Test func softHyphenAndOtherIgnorablesAreDropped() throws {
        #expect(try normalize("ter\u{AD}rible") == "terrible")
        #expect(try normalize("ter\u{34F}ri\u{2061}ble\u{180E}") == "terrible")
        #expect(try normalize("好\u{3164}评") == "好评")
        #expect(try normalize("bad\u{E0001}ly") == "badly")
    }

    /// A zero-width space between words of a spaced script separates them; between ideographs it hides a word.
    @Test func zeroWidthSpaceBetweenLettersIsAWordBoundary() throws {
        #expect(try normalize("café\u{200B}terrible") == "café terrible")
        #expect(try normalize("good\u{200B}food") == "good food")
        #expect(try normalize("好\u{200B}评") == "好评")
        #expect(try normalize("good\u{200B} food") == "good food")
        #expect(try normalize("\u{200B}good\u{200B}") == "good")
        #expect(try normalize("good\u{200B}!") == "good!")
    }

    /// Variation selectors stay: they are parts of emoji and of ideographic variation sequences.
    @Test func variationSelectorsAreKept() throws {
        #expect(try normalize("👍\u{FE0F} good") == "👍\u{FE0F} good")
    }
}
