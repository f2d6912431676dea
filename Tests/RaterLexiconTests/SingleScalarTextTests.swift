import Foundation
import Testing

@testable import RaterLexicon

/// The byte paths of the dimension stage (negator search, cue contexts) are taken only for text `SingleScalarText`
/// accepts; these pin the properties they rely on.
@Suite struct SingleScalarTextTests {
    @Test(arguments: ["", "服务很好", "the staff, were  great!", "不\t会", "价格：１２元…“好”", "\u{3000}好\n", "好吃😋👍", "❤好"])
    func acceptsPlainChineseAndEnglish(_ text: String) {
        #expect(SingleScalarText.accepts(text))
    }

    @Test(arguments: ["服务\r\n很好", "好\u{0301}", "e\u{0301}", "👍🏽", "好\u{FE0F}", "❤️", "a\u{200D}b", "👨‍👩‍👧", "🇨🇳",
                      "\u{302A}", "한국", "café", "\u{F900}"])
    func rejectsWhatJoinsOrHasAnotherSpelling(_ text: String) {
        #expect(!SingleScalarText.accepts(text))
    }

    /// Every accepted scalar is a character of its own, equal only to itself.
    @Test func acceptedScalarsAreSingleCharacters() {
        for value in acceptedScalars {
            let scalar = String(Unicode.Scalar(value)!)
            let text = "a" + scalar + "b" + scalar + scalar
            #expect(text.count == 5, "U+\(String(value, radix: 16))")
            #expect(scalar.decomposedStringWithCanonicalMapping == scalar, "U+\(String(value, radix: 16))")
        }
    }

    /// `CueFinder`'s byte negator search trims exactly what Foundation's `.whitespaces` trims from accepted text.
    @Test func whitespaceAmongAcceptedScalarsIsSpaceTabAndIdeographicSpace() {
        let trimmed = acceptedScalars.filter { value in
            String(Unicode.Scalar(value)!).trimmingCharacters(in: .whitespaces).isEmpty
        }
        #expect(trimmed == [0x09, 0x20, 0x3000])
    }

    private var acceptedScalars: [UInt32] {
        let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x2000...0x2FFF, 0x3000...0x30FF, 0x3400...0x9FFF, 0xFF00...0xFFEF,
                                             0x1F000...0x1FAFF]
        return ranges.flatMap { $0 }.filter { value in
            guard let scalar = Unicode.Scalar(value) else { return false }
            var text = String(scalar)
            return text.withUTF8 { SingleScalarText.accepts($0) }
        }
    }
}
