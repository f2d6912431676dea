/// How many times each comment text has come so far in one run, per source: the `#2`, `#3` … of the keys of comments
/// keyed by their text's digest (`RunWriter`), in memory that does not grow with the input.
///
/// Remembering every digest made a `--db` run over an export without an id column grow by about 200 bytes a comment
/// (100 MB of plain text, 530,000 comments: 166 MB peak RSS against 52 MB without `--db`), and a nightly export of
/// gigabytes would have needed gigabytes. Three layers answer instead, each exactly:
///
/// - a Bloom filter of fixed size, which says "never seen" for certain: the answer for nearly every comment, since
///   most texts come once;
/// - a table of the counts of texts seen lately, emptied whenever it fills, for the texts that do come back (short
///   ones such as "好评" or "good" come back thousands of times);
/// - for the rest, `storedSoFar`: the caller counts the keys this run has stored for the text, which the database
///   holds exactly. Only a text seen before and forgotten since, or the filter's rare false alarm, gets there.
///
/// An incremental run also counts the occurrences of the records it skipped (`earlier`, from `SkippedTexts`, which
/// keeps them in bounded memory too): this run's are numbered after them, as a run over the whole input would.
///
/// So keys are the same as counting every digest in memory gave, whatever the limits (but for one case of export
/// ids shaped like these keys, see `RunWriter.storedSoFar`); the limits only move work between memory and the
/// database. Each database a run writes has its writer, and so its own counter.
struct RepeatCounter {
    struct Limits: Sendable {
        /// Bits in the filter, a power of two. At 2^26 (8 MiB, allocated at the first digest-keyed comment) and four
        /// bits a text, (1 − e^(−4n/2^26))^4 of new texts are false alarms after n: 0.016% after two million, 0.44%
        /// after five, 4% after ten (each costs `storedSoFar` a flush and a few look-ups).
        var filterBits: Int
        /// Texts whose count is kept in memory (about 150 bytes each): those seen since the table was last emptied,
        /// which it is whenever it fills.
        var countsKept: Int

        static let standard = Limits(filterBits: 1 << 26, countsKept: 1 << 16)
    }

    private struct Key: Hashable {
        var source: Int
        var digest: String
    }

    private let limits: Limits
    private var filter: [UInt64] = []
    private var counts: [Key: Int] = [:]
    /// A small number per source, mixed into the filter's bits so that one text in two sources is two texts.
    private var sources: [String: Int] = [:]

    /// How many counts the table holds now; never more than `limits.countsKept`.
    var countsHeld: Int { counts.count }

    init(limits: Limits = .standard) {
        precondition(limits.filterBits >= 64 && limits.filterBits & (limits.filterBits - 1) == 0,
                     "a filter of a power of two bits, at least 64")
        precondition(limits.countsKept >= 1, "room for one count at least")
        self.limits = limits
    }

    /// The occurrence of the text whose lower-case hex SHA-256 is `digest` in `source`, this one included: 1 the first
    /// time. `storedSoFar` must return how many occurrences of it in `source` this run has already stored; it is
    /// called only when the filter cannot rule a first occurrence out and the count is no longer in the table.
    mutating func occurrence(of digest: String, in source: String, storedSoFar: () throws -> Int) rethrows -> Int {
        try occurrence(of: digest, in: source, earlier: { 0 }, storedSoFar: { _ in try storedSoFar() })
    }

    /// The same, counting also the occurrences the source had before the run's first record: `earlier` returns how
    /// many (those of the records an incremental run skipped, `SkippedTexts`), and is called whenever the text's
    /// count is not in the table; `storedSoFar` is given that number and must return it plus the occurrences this
    /// run has already stored, which are numbered after it.
    mutating func occurrence(of digest: String, in source: String, earlier: () throws -> Int,
                             storedSoFar: (_ earlier: Int) throws -> Int) rethrows -> Int {
        let sourceNumber = number(of: source)
        let key = Key(source: sourceNumber, digest: digest)
        if let count = counts[key] {
            counts[key] = count + 1
            return count + 1
        }
        let before = try earlier()
        let occurrence = try (markSeen(digest, source: sourceNumber) ? before : storedSoFar(before)) + 1
        if counts.count >= limits.countsKept { counts.removeAll(keepingCapacity: true) }
        counts[key] = occurrence
        return occurrence
    }

    private mutating func number(of source: String) -> Int {
        if let number = sources[source] { return number }
        let number = sources.count
        sources[source] = number
        return number
    }

    /// Sets the text's four bits; true if one of them was clear, so the text cannot have been seen before.
    private mutating func markSeen(_ digest: String, source: Int) -> Bool {
        if filter.isEmpty { filter = Array(repeating: 0, count: limits.filterBits / 64) }
        // A SHA-256 digest is already uniform: two 64-bit pieces of it give the four positions (double hashing),
        // and the source number moves them, with a large odd multiplier so that neighbouring numbers land far apart.
        let (first, second) = Self.twoWords(of: digest)
        let start = first ^ (UInt64(source) &* 0x9E37_79B9_7F4A_7C15)
        let step = second | 1
        let mask = UInt64(limits.filterBits - 1)
        var wasClear = false
        for probe in 0..<UInt64(4) {
            let bit = (start &+ probe &* step) & mask
            let word = Int(bit >> 6), flag = UInt64(1) << (bit & 63)
            if filter[word] & flag == 0 {
                wasClear = true
                filter[word] |= flag
            }
        }
        return wasClear
    }

    /// The first 32 hex digits of `digest` as two numbers. A digest shorter than that, or not hex, still gives two
    /// numbers (from whatever digits there are), only less well spread: the answers stay exact.
    private static func twoWords(of digest: String) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        for (index, byte) in digest.utf8.prefix(32).enumerated() {
            let value: UInt64 = switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt64(byte - UInt8(ascii: "a") + 10)
            default: UInt64(byte & 0xF)
            }
            if index < 16 { words.0 = words.0 << 4 | value } else { words.1 = words.1 << 4 | value }
        }
        return words
    }
}
