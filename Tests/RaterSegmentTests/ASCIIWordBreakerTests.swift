import Testing

@testable import RaterSegment

/// The ASCII word breaker stands in for ICU on all-ASCII text, so it must agree with ICU exactly: the same
/// boundaries and the same rule-status range (none, number, word) for every segment.
@Suite struct ASCIIWordBreakerTests {
    /// One character of every ASCII Word_Break class, and a few "other" characters that matter to the pipeline.
    static let alphabet: [UInt8] = Array("aZ1 \n\r\t.',;:_@\"-!#/$".utf8) + [0x0B, 0x0C, 0x00, 0x7F]

    private static func statusRange(_ status: Int32) -> Int32 {
        status >= 100 && status < 500 ? status / 100 * 100 : 0
    }

    private func segments(icu breaker: WordBreaker, _ bytes: [UInt8]) throws -> [(Int, Int32)] {
        var list = BoundaryList()
        try bytes.withUnsafeBufferPointer { try breaker.forEachBoundary(in: $0, into: &list) }
        return list.boundaries.map { ($0.end, Self.statusRange($0.status)) }
    }

    private func segments(ascii bytes: [UInt8]) -> [(Int, Int32)] {
        var list = BoundaryList()
        bytes.withUnsafeBufferPointer { ASCIIWordBreaker.forEachBoundary(in: $0, into: &list) }
        return list.boundaries.map { ($0.end, Self.statusRange($0.status)) }
    }

    private func mismatches(_ texts: some Sequence<[UInt8]>, limit: Int = 20) throws -> [String] {
        let breaker = try WordBreaker()
        var found = [String]()
        for bytes in texts {
            let expected = try segments(icu: breaker, bytes)
            let actual = segments(ascii: bytes)
            if !expected.elementsEqual(actual, by: { $0.0 == $1.0 && $0.1 == $1.1 }) {
                found.append("\(bytes.map { String($0, radix: 16) }) ICU \(expected) ours \(actual)")
                if found.count >= limit { break }
            }
        }
        return found
    }

    @Test func everyShortStringMatchesICU() throws {
        let alphabet = Self.alphabet
        var texts = [[UInt8]]()
        for a in alphabet {
            texts.append([a])
            for b in alphabet {
                texts.append([a, b])
                for c in alphabet {
                    texts.append([a, b, c])
                    for d in alphabet { texts.append([a, b, c, d]) }
                }
            }
        }
        let found = try mismatches(texts)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// Every ASCII byte, not just the alphabet's representatives: every pair, and every byte between any two
    /// characters of the alphabet, so a byte whose class was guessed wrong cannot hide.
    @Test func everyASCIIByteInContextMatchesICU() throws {
        var texts = [[UInt8]]()
        for a in UInt8(0)..<0x80 {
            for b in UInt8(0)..<0x80 { texts.append([a, b]) }
            for left in Self.alphabet {
                for right in Self.alphabet { texts.append([left, a, right]) }
            }
        }
        let found = try mismatches(texts)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test func longRandomStringsMatchICU() throws {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let words = ["don't", "it's", "3.5", "1,000", "e.g.", "a.m.", "wi-fi", "user@example.com", "http://x.io/a_b",
                     "  ", "\r\n", "!!!", "A_1", "_", "10:30", "O'Neil's", "5'", "'90s", "...", "x1y2"]
        var texts = [[UInt8]]()
        for _ in 0..<20_000 {
            var text = [UInt8]()
            for _ in 0..<Int(next() % 12) {
                if next() % 2 == 0 {
                    text += Array(words[Int(next() % UInt64(words.count))].utf8)
                } else {
                    text.append(Self.alphabet[Int(next() % UInt64(Self.alphabet.count))])
                }
            }
            texts.append(text)
        }
        let found = try mismatches(texts)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }
}
