import Testing

@testable import RaterIngest

/// `RecordText.decode` takes a shortcut for contiguous bytes; it must accept and refuse exactly what
/// `String(validating:)` does, and give the same text.
@Suite struct RecordTextTests {
    /// Byte pieces that make valid and invalid UTF-8 when strung together: ASCII, every sequence length, overlongs,
    /// surrogates, code points past U+10FFFF, stray continuation bytes, truncated sequences, U+FFFD itself.
    static let pieces: [[UInt8]] = [
        [0x61], [0x20], [0x00], [0x7F], [0xC3, 0xA9], [0xE5, 0xA5, 0xBD], [0xF0, 0x9F, 0x91, 0x8D],
        [0xEF, 0xBF, 0xBD], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0x80], [0xBF], [0xC3], [0xE5, 0xA5], [0xF0, 0x9F, 0x91], [0xFE], [0xFF], [0xF5, 0x80, 0x80, 0x80],
    ]

    /// `isBlank` settles texts by their first byte when it can; it must say what the Unicode properties say for a text
    /// starting with any ASCII character or any scalar of the first planes' blocks it shortcuts (U+4000 to U+9FFF),
    /// and the blanks beside them (U+3000, U+2028, U+FEFF, U+0085).
    @Test func blankTextsByTheirFirstByteAsByUnicodeProperties() {
        func byProperties(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0xFEFF }
        }
        let firsts = (0...0x7F).map { Unicode.Scalar(UInt8($0)) }
            + stride(from: 0x3F00, through: 0xA0FF, by: 7).compactMap(Unicode.Scalar.init)
            + [0x3000, 0x2028, 0xFEFF, 0x85, 0xA0, 0x1680].compactMap(Unicode.Scalar.init)
        for first in firsts {
            for rest in ["", " ", "\t", "x", "\u{3000}"] {
                let text = String(first) + rest
                #expect(RecordText.isBlank(text) == byProperties(text), "\(first.value) + \(rest.debugDescription)")
            }
        }
    }

    @Test func agreesWithValidatingInitializer() {
        var state: UInt64 = 11
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var valid = 0
        for _ in 0..<20_000 {
            var bytes = [UInt8]()
            for _ in 0..<(next() % 8) { bytes += Self.pieces[next() % Self.pieces.count] }
            let expected = String(validating: bytes, as: UTF8.self)
            #expect(RecordText.decode(bytes) == expected, "\(bytes)")
            #expect(RecordText.decode(bytes[...]) == expected, "\(bytes)")
            if expected != nil { valid += 1 }
        }
        #expect(valid > 1_000 && valid < 19_000)  // both answers are exercised
    }

    /// A record longer than the rejects file keeps is cut before the character the limit would split: every long
    /// Chinese record ended in a U+FFFD that was not in the input. Bytes that were invalid anyway still show as one.
    @Test func aLongRecordIsCutBetweenCharacters() {
        for prefix in 0..<4 {
            let bytes = [UInt8](repeating: 0x61, count: prefix) + Array(String(repeating: "好", count: 2_000).utf8)
            let raw = RecordText.raw(bytes)
            #expect(!raw.unicodeScalars.contains("\u{FFFD}"), "prefix \(prefix)")
            #expect(raw.utf8.count <= RecordText.rawLimit && raw.utf8.count > RecordText.rawLimit - 3)
        }
        let emoji = Array(String(repeating: "👍", count: 1_100).utf8)
        #expect(!RecordText.raw(emoji).unicodeScalars.contains("\u{FFFD}"))
        #expect(RecordText.raw(Array(repeating: 0x80, count: 5_000)).unicodeScalars.allSatisfy { $0 == "\u{FFFD}" })
        // A short record with a truncated sequence at its end is shown as it is.
        #expect(RecordText.raw([0x61, 0xE5, 0xA5]) == "a\u{FFFD}")
    }
}
