import Testing

@testable import RaterScore

/// `CapitalsRule.letterCounts` counts eight bytes at a time; it must count exactly what a byte-by-byte loop counts.
@Suite struct CapitalsRuleTests {
    private func countedOneByOne(_ bytes: [UInt8]) -> (upper: Int, lower: Int) {
        var upper = 0
        var lower = 0
        for byte in bytes {
            if byte >= 0x41 && byte <= 0x5A { upper += 1 } else if byte >= 0x61 && byte <= 0x7A { lower += 1 }
        }
        return (upper, lower)
    }

    @Test func countsMatchAByteByByteCount() {
        // Every byte value, including the neighbours of each bound ('@', '[', '`', '{') and bytes above 0x7F
        // whose low seven bits are letters (0xC1, 0xE1).
        var bytes = (0...255).map(UInt8.init)
        var state: UInt64 = 12_345
        for length in 0..<400 {
            for _ in 0..<3 {
                let text = (0..<length).map { _ -> UInt8 in
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    return UInt8(truncatingIfNeeded: state >> 56)
                }
                bytes += text
                let counted = text.withUnsafeBufferPointer { CapitalsRule.letterCounts($0) }
                let expected = countedOneByOne(text)
                #expect(counted.upper == expected.upper && counted.lower == expected.lower, "length \(length)")
            }
        }
        let counted = bytes.withUnsafeBufferPointer { CapitalsRule.letterCounts($0) }
        let expected = countedOneByOne(bytes)
        #expect(counted.upper == expected.upper && counted.lower == expected.lower)
    }

    /// `isShouting` stops early once the small letters rule shouting out; on texts of every mix of capitals and
    /// small letters (random bytes alone are rarely letters), it must say what the whole counts say.
    @Test func shoutingStopsEarlyWithTheWholeCountsAnswer() {
        var state: UInt64 = 98_765
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var shouting = 0
        for length in 0..<300 {
            for capitalsPercent in stride(from: 0, through: 100, by: 5) {
                let text = (0..<length).map { _ -> UInt8 in
                    switch next() % 10 {
                    case 0: return UInt8(truncatingIfNeeded: next())  // any byte, UTF-8 lead and trail bytes too
                    case 1: return 0x20
                    default:
                        let letter = UInt8(next() % 26)
                        return next() % 100 < capitalsPercent ? 0x41 + letter : 0x61 + letter
                    }
                }
                let counts = countedOneByOne(text)
                let expected = counts.upper >= 4 && counts.lower * 4 < counts.upper
                if expected { shouting += 1 }
                let answered = text.withUnsafeBufferPointer { CapitalsRule.isShouting($0) }
                #expect(answered == expected, "length \(length), capitals \(capitalsPercent)%")
            }
        }
        #expect(shouting > 500, "the texts must include shouting ones")
    }

    @Test func boundsAreInclusive() {
        let counted = Array("@AZ[`az{".utf8).withUnsafeBufferPointer { CapitalsRule.letterCounts($0) }
        #expect(counted.upper == 2 && counted.lower == 2)
    }
}

/// Short words conventionally written in capitals are no emphasis. Sentences written for these tests.
@Suite struct ConventionalCapitalsTests {
    @Test func okInCapitalsIsNotStressed() throws {
        #expect(try score("The lobby was OK.") == score("The lobby was ok."))
        #expect(try !rules("The lobby was OK.").contains("emphasis"))
        #expect(try rules("The lobby was BAD.").contains("emphasis"))
    }
}
