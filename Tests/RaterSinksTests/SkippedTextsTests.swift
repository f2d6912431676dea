import Foundation
import Testing

@testable import RaterSinks

/// `SkippedTexts` counts the texts of the records an incremental run skips, in bounded memory: whatever its limits
/// (all in memory, runs written out and merged in one round or several), its counts must be exact.
@Suite struct SkippedTextsTests {
    @Test func digestsAreSHA256AndOrderedAsTheirHex() throws {
        // FIPS 180-2's example, and a text the databases key (`SHA256Digest.hex` gives the same hex).
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        #expect(SkippedTexts.Digest(of: "abc") == SkippedTexts.Digest(hex: abc))
        #expect(SkippedTexts.Digest(of: "abc") == SkippedTexts.Digest(hex: abc.uppercased()))
        #expect(SkippedTexts.Digest(hex: String(abc.dropLast())) == nil)
        #expect(SkippedTexts.Digest(hex: abc + "0") == nil)
        #expect(SkippedTexts.Digest(hex: String(abc.dropLast()) + "g") == nil)
        // Digests that differ only in their last word too: the order must look at all four.
        let hexes: [String] = (0..<200).map { (index: Int) -> String in
            let word = String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
            let filler = String(repeating: index % 2 == 0 ? "0" : "f", count: 48)
            return index % 2 == 0 ? filler + word : word + filler
        }
        let digests = hexes.map { SkippedTexts.Digest(hex: $0)! }
        #expect(digests.sorted() == hexes.sorted().map { SkippedTexts.Digest(hex: $0)! })
    }

    /// `count` texts drawn from `distinct`, skewed so that a few come back very often and most once or twice.
    static func texts(count: Int, distinct: Int) -> [SkippedTexts.Digest] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let digests = (0..<distinct).map { SkippedTexts.Digest(of: "text \($0)") }
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let draw = Double(state >> 11) / Double(1 << 53)
            return digests[Int(draw * draw * draw * Double(distinct))]
        }
    }

    @Test(arguments: [
        // Everything in memory.
        SkippedTexts.Limits.standard,
        // Runs written out and merged in one round; a filter that rules out almost nothing.
        SkippedTexts.Limits(bufferedDigests: 1_000, runsPerMerge: 64, entriesPerBlock: 16, filterBits: 64,
                            cachedLookups: 3),
        // Several rounds of merging (about 3,000 runs of 7, 5 at a time), blocks of one entry, no cache to speak of.
        SkippedTexts.Limits(bufferedDigests: 7, runsPerMerge: 5, entriesPerBlock: 1, filterBits: 1 << 16,
                            cachedLookups: 1),
        // The buffer filled exactly once: one run, nothing to merge.
        SkippedTexts.Limits(bufferedDigests: 20_000, runsPerMerge: 2, entriesPerBlock: 100, filterBits: 1 << 20,
                            cachedLookups: 100),
    ])
    func countsAreExactWhateverTheLimits(limits: SkippedTexts.Limits) throws {
        let texts = Self.texts(count: 20_000, distinct: 10_000)
        var expected = [SkippedTexts.Digest: Int]()
        for text in texts { expected[text, default: 0] += 1 }
        #expect(expected.values.max()! > 100 && expected.values.filter { $0 == 1 }.count > 2_000, "skewed")
        let skipped = SkippedTexts(limits: limits)
        for text in texts { try skipped.add(text) }
        let runs = skipped.runsWritten
        try skipped.seal()
        #expect(skipped.count == 20_000)
        #expect(skipped.spilled == (limits.bufferedDigests <= 20_000), "\(limits)")
        if limits.bufferedDigests == 7 { #expect(runs > limits.runsPerMerge * limits.runsPerMerge) }
        // Every text, twice (the second time from the cache, when there is one), and texts never added.
        for _ in 0..<2 {
            for (text, count) in expected { #expect(try skipped.occurrences(of: text) == count) }
        }
        for index in 0..<2_000 {
            #expect(try skipped.occurrences(of: SkippedTexts.Digest(of: "never \(index)")) == 0)
        }
        // The extremes of the order: before the first block and after the last.
        #expect(try skipped.occurrences(of: SkippedTexts.Digest(hex: String(repeating: "0", count: 64))!) == 0)
        #expect(try skipped.occurrences(of: SkippedTexts.Digest(hex: String(repeating: "f", count: 64))!) == 0)
    }

    @Test func nothingSkippedCountsNothing() throws {
        for limits in [SkippedTexts.Limits.standard, .init(bufferedDigests: 1, runsPerMerge: 2, entriesPerBlock: 1,
                                                         filterBits: 64, cachedLookups: 1)] {
            let skipped = SkippedTexts(limits: limits)
            try skipped.seal()
            #expect(try skipped.occurrences(of: SkippedTexts.Digest(of: "好评")) == 0)
            let one = SkippedTexts(limits: limits)
            try one.add(SkippedTexts.Digest(of: "好评"))
            try one.seal()
            #expect(try one.occurrences(of: SkippedTexts.Digest(of: "好评")) == 1)
            #expect(try one.occurrences(of: SkippedTexts.Digest(of: "good")) == 0)
        }
    }

    /// The temporary file is unlinked as soon as it is made: a run, even one that is killed, leaves nothing behind.
    @Test func theTemporaryFileLeavesNothingBehind() throws {
        let skipped = SkippedTexts(limits: .init(bufferedDigests: 10, runsPerMerge: 4, entriesPerBlock: 4,
                                                 filterBits: 1 << 10, cachedLookups: 4))
        for index in 0..<100 { try skipped.add(SkippedTexts.Digest(of: "text \(index % 30)")) }
        #expect(skipped.spilled)
        #if os(Linux)
        // The process's open files: ours is there, already deleted.
        let open = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)
        }.filter { $0.contains("rater-skipped-texts-") }
        #expect(!open.isEmpty && open.allSatisfy { $0.hasSuffix(" (deleted)") }, "\(open)")
        #endif
        try skipped.seal()
        #expect(try skipped.occurrences(of: SkippedTexts.Digest(of: "text 7")) == 4)
    }
}
