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
}
