import RaterSegment

/// The working memory of `LexiconScanner.scan`, kept by one worker and reused from comment to comment.
///
/// A scan needs three tables sized by the comment: a row number per byte, the walk rows, and a token-end flag per
/// byte. Allocating and freeing them for every comment cost more than filling them (`allocate` goes through
/// `posix_memalign` on Linux), so a worker keeps its tables from one comment to the next, growing them as needed.
/// What it keeps is capped (`keptCapacity`): the tables of a long comment (some 20 bytes per byte of Chinese text,
/// 20 MB for one at the reader's 1 MiB limit) are given back at the next scan of a shorter one, so that every worker
/// having once met a long comment does not hold that much for the rest of the night.
///
/// A class, because the buffers are owned and freed in one place; not `Sendable`, because two scans at once would
/// write into the same tables. Each `Analyzer` (one per worker) owns one.
public final class ScanScratch {
    private(set) var rowOf = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    private(set) var rows = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    private(set) var isTokenEnd = UnsafeMutableBufferPointer<Bool>(start: nil, count: 0)
    /// The match lists of a finished comment, handed back by `keep(_:)`, for the next scan to fill in place: made
    /// afresh, a comment's scoring matches and each cue layer's cost several allocations (the English export's
    /// scan made about 3.7 arrays of matches a comment). While a list is still in use elsewhere (a kept analysis
    /// holds its matches), the next scan's writes copy it first, so keeping one never changes a result.
    private(set) var scoringMatches: [TermMatch] = []
    private(set) var cueMatches: [[TermMatch]] = []

    public init() {}

    deinit {
        rowOf.deallocate()
        rows.deallocate()
        isTokenEnd.deallocate()
    }

    /// A row number per byte of a `byteCount`-byte text; left uninitialised (only walk starts are written and read).
    func rowOf(byteCount: Int) -> UnsafeMutableBufferPointer<Int32> {
        Self.ensure(&rowOf, count: byteCount)
        return UnsafeMutableBufferPointer(rebasing: rowOf[0..<byteCount])
    }

    /// `count` table cells, left uninitialised (each row is filled before it is read).
    func rows(count: Int) -> UnsafeMutableBufferPointer<Int32> {
        Self.ensure(&rows, count: count)
        return UnsafeMutableBufferPointer(rebasing: rows[0..<count])
    }

    /// `isTokenEnd[offset]`: whether a token ends at byte `offset`, for offsets 0…`byteCount`.
    func tokenEnds(_ tokens: [Token], byteCount: Int) -> UnsafeBufferPointer<Bool> {
        Self.ensure(&isTokenEnd, count: byteCount + 1)
        let flags = UnsafeMutableBufferPointer(rebasing: isTokenEnd[0...byteCount])
        flags.update(repeating: false)
        for token in tokens { flags[Int(token.end)] = true }
        return UnsafeBufferPointer(flags)
    }

    /// Keeps the arrays of `matches`, a finished comment's scan, for the next scan to reuse; lists that a long
    /// comment grew past `keptCapacity` matches are let go.
    public func keep(_ matches: LexiconMatches) {
        scoringMatches = matches.scoring.capacity <= Self.keptCapacity ? matches.scoring : []
        cueMatches = matches.cues.allSatisfy { $0.capacity <= Self.keptCapacity } ? matches.cues : []
    }

    /// The kept scoring matches, moved out so that the scan holds the only reference.
    func takeScoringMatches() -> [TermMatch] {
        var taken = [TermMatch]()
        swap(&taken, &scoringMatches)
        return taken
    }

    /// The kept cue matches, moved out so that the scan holds the only reference.
    func takeCueMatches() -> [[TermMatch]] {
        var taken = [[TermMatch]]()
        swap(&taken, &cueMatches)
        return taken
    }

    /// The most elements a table keeps between scans: 64 Ki, a few hundred kilobytes per worker, which holds the
    /// tables of comments up to about 6,000 characters of Chinese or 64 KB of English.
    static let keptCapacity = 65_536

    /// The capacity of each table, for tests.
    var capacities: [Int] { [rowOf.count, rows.count, isTokenEnd.count] }

    /// The capacity of each kept match list (scoring, then each cue layer's), for tests.
    var matchCapacities: [Int] { [scoringMatches.capacity] + cueMatches.map(\.capacity) }

    /// Makes `buffer` hold at least `count` elements. Up to `keptCapacity` it grows by doubling, so that a run of
    /// growing comments reallocates a few times rather than at each; a longer comment gets a table of its own size,
    /// which the next comment within `keptCapacity` gives back. The old contents are not kept: every use refills
    /// what it reads.
    private static func ensure<Element>(_ buffer: inout UnsafeMutableBufferPointer<Element>, count: Int) {
        if buffer.count >= count && (buffer.count <= keptCapacity || count > keptCapacity) { return }
        buffer.deallocate()
        buffer = .allocate(capacity: count > keptCapacity ? count
                                     : min(max(count, 2 * buffer.count, 256), keptCapacity))
    }
}
