import RaterTestSupport
import Testing

@testable import RaterScore

/// `ElongationMatcher.hasTripledLetter` looks at eight bytes at a time; it must say exactly what `isElongated`, one byte
/// at a time, says of the same text, wherever the run falls (across the six-byte steps, in the tail, at either end).
@Suite struct ElongationScanTests {
    private func agree(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { ElongationMatcher.hasTripledLetter($0) } == ElongationMatcher.isElongated(bytes)
    }

    @Test func runsAnywhereAreFound() {
        for length in 0...40 {
            for start in 0..<max(1, length - 2) {
                for letter in [UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "z"), UInt8(ascii: "O"), 0xE4, 0x20] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                    for index in bytes.indices { bytes[index] = UInt8(ascii: index % 2 == 0 ? "b" : "c") }
                    for index in start..<min(start + 3, length) { bytes[index] = letter }
                    #expect(agree(bytes), "\(bytes)")
                }
            }
        }
        #expect(Array("sooo good".utf8).withUnsafeBufferPointer { ElongationMatcher.hasTripledLetter($0) })
        #expect(!Array("good service, 3000 rooms".utf8).withUnsafeBufferPointer { ElongationMatcher.hasTripledLetter($0) })
    }

    @Test func randomTextAgrees() {
        var random = SplitMix(seed: 7)
        // Few distinct bytes, so that pairs and triples are common, with capitals, digits and UTF-8 lead bytes.
        let alphabet = Array("aabbz ZA1.\u{E4}".utf8)
        var found = 0
        for _ in 0..<5_000 {
            let length = Int(random.next() % 48)
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            #expect(agree(bytes), "\(bytes)")
            if ElongationMatcher.isElongated(bytes) { found += 1 }
        }
        #expect(found > 500)
    }
}
