import Foundation
import RaterCore
import RaterSinks
import Testing

@testable import RaterDatabase

/// `RepeatCounter` numbers the repeats of a text in bounded memory, asking the database for what it has forgotten.
/// Whatever its limits, its answers must be those of counting every text in memory, and the keys a run stores must
/// not change with them.
@Suite struct RepeatCounterTests {
    /// `count` texts drawn from `distinct`, skewed so that a few come back very often and most rarely, in two
    /// sources. Deterministic: the same sequence on every run.
    static func texts(count: Int, distinct: Int) -> [(digest: String, source: String)] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let digests = (0..<distinct).map { SHA256Digest.hex(of: "text \($0)") }
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let draw = Double(state >> 11) / Double(1 << 53)
            let text = Int(draw * draw * draw * Double(distinct))
            return (digests[text], state & 0x100 == 0 ? "a.txt" : "b.txt")
        }
    }

    struct Key: Hashable {
        var digest: String
        var source: String
    }

    /// Runs `texts` through a counter with `limits`, answering `storedSoFar` from an exact count, as the database
    /// would; returns the occurrences it gave and how often it asked.
    static func count(_ texts: [(digest: String, source: String)], limits: RepeatCounter.Limits)
        -> (occurrences: [Int], asked: Int, mostHeld: Int)
    {
        var counter = RepeatCounter(limits: limits)
        var stored: [Key: Int] = [:]
        var asked = 0, mostHeld = 0
        let occurrences = texts.map { text in
            let key = Key(digest: text.digest, source: text.source)
            let occurrence = counter.occurrence(of: text.digest, in: text.source) {
                asked += 1
                return stored[key, default: 0]
            }
            stored[key] = occurrence
            mostHeld = max(mostHeld, counter.countsHeld)
            return occurrence
        }
        return (occurrences, asked, mostHeld)
    }

    @Test func answersAsCountingEverything() {
        let texts = Self.texts(count: 20_000, distinct: 3_000)
        var seen: [Key: Int] = [:]
        let expected = texts.map { text in
            seen[Key(digest: text.digest, source: text.source), default: 0] += 1
            return seen[Key(digest: text.digest, source: text.source)]!
        }
        #expect(expected.max()! > 100 && expected.filter { $0 == 1 }.count > 1_000, "skewed, with repeats and singles")
        for limits in [RepeatCounter.Limits.standard, .init(filterBits: 64, countsKept: 1),
                       .init(filterBits: 1 << 12, countsKept: 100), .init(filterBits: 1 << 16, countsKept: 2_000)] {
            let counted = Self.count(texts, limits: limits)
            #expect(counted.occurrences == expected, "\(limits)")
            #expect(counted.mostHeld <= limits.countsKept, "\(limits)")
        }
    }

    /// The filter and the table spare the database nearly every question when they are large enough, and are what
    /// decide when they are not.
    @Test func asksOnlyForWhatItForgot() {
        let texts = Self.texts(count: 20_000, distinct: 3_000)
        // Every text fits the table: a question could come only from a false alarm, which 3,000 texts in 2^26
        // bits do not raise (these digests are fixed, so this does not vary).
        #expect(Self.count(texts, limits: .standard).asked == 0)
        // A saturated filter cannot tell new texts: each text not in the table is a question.
        let saturated = Self.count(texts, limits: .init(filterBits: 64, countsKept: 1))
        #expect(saturated.asked > 15_000)
        // A filter large enough but a small table: questions for the repeats the table forgot, never for new texts.
        let forgetful = Self.count(texts, limits: .init(filterBits: 1 << 20, countsKept: 10))
        let firsts = Set(texts.map { Key(digest: $0.digest, source: $0.source) }).count
        #expect(forgetful.asked > 0 && forgetful.asked <= texts.count - firsts)
    }

    @Test func oneTextInTwoSourcesIsCountedInEach() {
        var counter = RepeatCounter(limits: .init(filterBits: 1 << 10, countsKept: 4))
        let digest = SHA256Digest.hex(of: "好评")
        let never: () -> Int = { Issue.record("nothing was forgotten yet"); return 0 }
        #expect(counter.occurrence(of: digest, in: "a.txt", storedSoFar: never) == 1)
        #expect(counter.occurrence(of: digest, in: "b.txt", storedSoFar: never) == 1)
        #expect(counter.occurrence(of: digest, in: "a.txt", storedSoFar: never) == 2)
    }

    /// An incremental run gives the counter the occurrences of the records it skipped (`earlier`): the occurrences of
    /// the rest must be those of counting the whole input, whatever the limits, and the run's own occurrences are
    /// asked for only past the skipped ones.
    @Test func countsOnFromTheSkippedRecords() {
        let texts = Self.texts(count: 20_000, distinct: 3_000)
        var seen: [Key: Int] = [:]
        let expected = texts.map { text in
            seen[Key(digest: text.digest, source: text.source), default: 0] += 1
            return seen[Key(digest: text.digest, source: text.source)]!
        }
        for skip in [1, 7_000, 19_999] {
            var skipped: [Key: Int] = [:]
            for text in texts[..<skip] { skipped[Key(digest: text.digest, source: text.source), default: 0] += 1 }
            for limits in [RepeatCounter.Limits.standard, .init(filterBits: 64, countsKept: 1),
                           .init(filterBits: 1 << 12, countsKept: 100)] {
                var counter = RepeatCounter(limits: limits)
                // The highest occurrence this run stored, as the database's rows of this run tell it.
                var stored: [Key: Int] = [:]
                let occurrences = texts[skip...].map { text in
                    let key = Key(digest: text.digest, source: text.source)
                    let occurrence = counter.occurrence(
                        of: text.digest, in: text.source, earlier: { skipped[key, default: 0] },
                        storedSoFar: { earlier in
                            #expect(earlier == skipped[key, default: 0])
                            return stored[key] ?? earlier
                        })
                    stored[key] = occurrence
                    return occurrence
                }
                #expect(occurrences == Array(expected[skip...]), "skip \(skip), \(limits)")
            }
        }
    }

    // MARK: Through the database

    /// Comments without an export id, keyed by their text, written by one run with `limits`; returns each
    /// comment's source and key in order. `earlier` texts were stored by an earlier run, six times each, in `a.txt`.
    static func keys(_ kind: DatabaseKind, limits: RepeatCounter.Limits, earlier: [String] = []) throws -> [String] {
        let scratch = try Scratch(kind)
        let database = try scratch.openWithTables()
        if !earlier.isEmpty {
            try database.transaction { executor in
                let writer = RunWriter(executor: executor, runID: "earlier", timestamp: "2026-11-26T00:00:00.000Z")
                for (index, text) in (earlier + earlier + earlier + earlier + earlier + earlier).enumerated() {
                    try writer.write(StoredComment(comment(nil, record: index + 1, source: "a.txt", text: text)))
                }
                try writer.flush()
            }
        }
        let texts = Self.texts(count: 600, distinct: 40)
        return try database.transaction { executor in
            let writer = RunWriter(executor: executor, runID: "run", timestamp: "2026-11-27T00:00:00.000Z",
                                   repeatLimits: limits)
            var keys: [String] = []
            for (index, text) in texts.enumerated() {
                // The digest doubles as the text here: forty texts, as the skewed draw picks them.
                let stored = StoredComment(comment(nil, record: index + 1, source: text.source, text: text.digest))
                keys.append(text.source + " " + (try writer.write(stored) ?? "no key"))
            }
            try writer.flush()
            return keys
        }
    }

    func keysDoNotDependOnLimits(_ kind: DatabaseKind) throws {
        let expected = try Self.keys(kind, limits: .standard)
        // The keys as counting every text in a dictionary gives them, independently of `RepeatCounter`.
        var seen: [String: Int] = [:]
        let counted = Self.texts(count: 600, distinct: 40).map { text -> String in
            let digest = "sha256:" + SHA256Digest.hex(of: text.digest)
            seen[text.source + " " + digest, default: 0] += 1
            let occurrence = seen[text.source + " " + digest]!
            return text.source + " " + (occurrence == 1 ? digest : digest + "#\(occurrence)")
        }
        #expect(expected == counted)
        #expect(Set(expected).count == expected.count, "one key per comment and source")
        #expect(expected.contains { $0.hasSuffix("#2") } && expected.contains { $0.hasSuffix("#20") })
        for limits in [RepeatCounter.Limits(filterBits: 64, countsKept: 1), .init(filterBits: 1 << 10, countsKept: 3)] {
            #expect(try Self.keys(kind, limits: limits) == expected, "\(limits)")
        }
    }

    /// A text an earlier run stored six times in the same source counts from 1 again in this run: that run's keys
    /// are replaced one by one, not continued, whether the count comes from memory or from the database.
    func earlierRunsDoNotCount(_ kind: DatabaseKind) throws {
        let earlier = Self.texts(count: 600, distinct: 40).map(\.digest)
        let expected = try Self.keys(kind, limits: .standard)
        let withEarlier = Array(Set(earlier)).sorted()
        #expect(try Self.keys(kind, limits: .standard, earlier: withEarlier) == expected)
        #expect(try Self.keys(kind, limits: .init(filterBits: 64, countsKept: 1), earlier: withEarlier) == expected)
    }

    /// An export id that looks like a digest key (say, keys fed back from a dashboard) is not an occurrence of the
    /// text: the count read back from the database skips its row.
    func exportIDShapedLikeAKeyIsNotAnOccurrence(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        let database = try scratch.openWithTables()
        let text = "服务很好"
        let digest = "sha256:" + SHA256Digest.hex(of: text)
        let keys = try database.transaction { executor in
            let writer = RunWriter(executor: executor, runID: "run", timestamp: "2026-11-27T00:00:00.000Z",
                                   repeatLimits: .init(filterBits: 64, countsKept: 1))
            var keys: [String] = []
            var record = 0
            func write(_ id: String?, _ text: String) throws {
                record += 1
                keys.append(try writer.write(StoredComment(comment(id, record: record, source: "a.csv", text: text))) ?? "no key")
            }
            for filler in 0..<5 { try write(nil, "填充 \(filler)") }
            try write(digest + "#2", "另一条")
            try write(nil, text)
            for filler in 5..<10 { try write(nil, "填充 \(filler)") }
            try write(nil, text)
            try write(digest + "#3", "又一条")
            try write(nil, text)
            try writer.flush()
            return keys
        }
        // In memory the text's occurrences are 1, 2 and 3 whatever the export ids; read back from the database too.
        #expect(keys[6] == digest && keys[12] == digest + "#2" && keys[14] == digest + "#3")
    }

    @Test func sqliteKeysDoNotDependOnLimits() throws { try keysDoNotDependOnLimits(.sqlite) }
    @Test func sqliteExportIDShapedLikeAKeyIsNotAnOccurrence() throws {
        try exportIDShapedLikeAKeyIsNotAnOccurrence(.sqlite)
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresExportIDShapedLikeAKeyIsNotAnOccurrence()
        throws
    {
        try exportIDShapedLikeAKeyIsNotAnOccurrence(.postgres)
    }
    @Test func sqliteEarlierRunsDoNotCount() throws { try earlierRunsDoNotCount(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresKeysDoNotDependOnLimits() throws {
        try keysDoNotDependOnLimits(.postgres)
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresEarlierRunsDoNotCount() throws {
        try earlierRunsDoNotCount(.postgres)
    }
}
