import Testing

@testable import RaterSegment

/// The one pass over a comment's bytes must fold exactly as the byte-by-byte pass it replaced did, and send on every text the passes it
/// stands in front of need, at every
/// position in and across its eight-byte words and in the short tail.
@Suite struct ByteSurveyTests {
    /// The survey's answers and folded bytes, and those of the passes it replaced.
    private func check(_ bytes: [UInt8]) {
        var folded = [UInt8](repeating: 0xEE, count: bytes.count)
        let survey = bytes.withUnsafeBufferPointer { original in
            folded.withUnsafeMutableBufferPointer { ByteSurvey.folding(original, into: $0) }
        }
        let expectedFold = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let address = bytes.withUnsafeBufferPointer { WebAddresses.mayHold($0) }
        let runOn = bytes.withUnsafeBufferPointer { RunOnSentences.mayHold($0) }
        #expect(folded == expectedFold, "\(bytes)")
        #expect(survey.hasNonASCII == bytes.contains { $0 >= 0x80 }, "\(bytes)")
        #expect(survey.mayHoldRunOn || !runOn, "\(bytes)")
        #expect(survey.mayHoldRunOn == bytes.indices.dropFirst().contains {
            bytes[$0 - 1] == 0x2E && bytes[$0] >= 0x41 && bytes[$0] <= 0x5A
        }, "\(bytes)")
        // A superset: it may say yes where there is no address, never no where there is one.
        #expect(survey.mayHoldAddress || !address, "\(bytes)")
        #expect(survey.mayHoldAddress == bytes.contains { $0 == 0x3A } || hasPairOfW(bytes), "\(bytes)")
    }

    private func hasPairOfW(_ bytes: [UInt8]) -> Bool {
        bytes.indices.dropFirst().contains { bytes[$0] | 0x20 == 0x77 && bytes[$0 - 1] | 0x20 == 0x77 }
    }

    @Test func patternsAtEveryOffsetAndLength() {
        // Each pattern at every offset of texts of 1 to 27 bytes, so it falls inside a word, across two words and
        // into the tail.
        let patterns: [[UInt8]] = ["a.B", "a.b", "A.B", "ab.Cd", "x.I", ".B", "a.", "://", "Www.", "wW", "w w", "Ü.B",
                                   "a.\u{00DC}", "ZZ", "@"].map { Array($0.utf8) }
        for pattern in patterns {
            for length in max(pattern.count, 1)...27 {
                for offset in 0...(length - pattern.count) {
                    var bytes = [UInt8](repeating: UInt8(ascii: "q"), count: length)
                    bytes.replaceSubrange(offset..<(offset + pattern.count), with: pattern)
                    check(bytes)
                    var spaced = [UInt8](repeating: UInt8(ascii: " "), count: length)
                    spaced.replaceSubrange(offset..<(offset + pattern.count), with: pattern)
                    check(spaced)
                }
            }
        }
    }

    @Test func randomTexts() {
        // Bytes drawn mostly from the ones the survey looks at, in texts of every length up to 40.
        let alphabet = Array("aZ.:wW Iq\u{4E2D}\u{00C9}".utf8) + [0x7F, 0x00, 0x40, 0x5B, 0x60, 0x7B]
        var generator = SplitMix(seed: 7)
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 41)
            check((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
        }
    }

    @Test func theSegmenterStillFindsRunOnsAndAddressesInLongTexts() throws {
        let text = String(repeating: "Fine stay. ", count: 5) + "great.The staff, see https://example.com/a now"
        let segmented = try Segmenter().segment(text)
        #expect(segmented.tokens.contains { $0.kind == .address })
        let clauses = segmented.clauses.map { segmented.text(of: $0) }
        #expect(clauses.contains("great") && clauses.contains("The staff"), "\(clauses)")
        #expect(Array(segmented.folded) == Array(text.lowercased().utf8))
    }
}

/// A small seeded generator, so that a failure repeats.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
