import RaterLexicon

/// The arrays one comment's mapping fills and drops, kept by one worker and reused from comment to comment: the
/// unit of each token (`CueFinder`), the contrast segments (`ContrastSegments`), the term window and the counts it
/// is built from (`TermWindow`), the cue hits, the mentions and one target's mentions, and the clause texts.
///
/// Each was allocated and freed for every comment, about a dozen of the English export's 82 allocations a comment
/// (callgrind, twenty-fourth round). A worker's `Analyzer` keeps one and passes it to `DimensionMapper.map`, which
/// moves each array out, empties it keeping its capacity, fills it, and hands it back when the comment is done. No
/// `DimensionReport` holds these arrays, so at the next comment each is unique again and is written in place; were
/// one still shared, it would be copied on write: reuse can cost an allocation, never change a result. An array that
/// a long comment grew past `keptCapacity` elements is let go rather than held for the rest of the run (as
/// `ScanScratch` does with its tables).
///
/// A value passed `inout`: the one worker that owns it is its only writer.
public struct MappingScratch: Sendable {
    var unitOfToken: [Int] = []
    var segment: [Int] = []
    var startsAtContrast: [Bool] = []
    var window = TermWindow.Storage()
    var hits: [CueHit] = []
    var mentions: [CueMention] = []
    var targetMentions: [CueMention] = []
    var clauses: [String] = []
    /// The roles the last mapping filtered for some hits (`CueRoles.filtered`), and whether that mapping's hits,
    /// mentions and contrast segments are all still here: what `DimensionMapper.map(again:…)` reads.
    var filteredRoles: [LexiconEntry] = []
    var holdsLocatedCues = false

    public init() {}

    /// The most elements an array keeps between comments: a comment of several thousand words fits.
    static let keptCapacity = 65_536

    /// The capacity of each array, for tests.
    var capacities: [Int] {
        [unitOfToken.capacity, segment.capacity, startsAtContrast.capacity, window.terms.capacity,
         window.unitTerms.capacity, window.weightStart.capacity, window.grouped.capacity, hits.capacity,
         mentions.capacity, targetMentions.capacity, clauses.capacity]
    }
}

extension Array {
    /// The array kept in `kept`, moved out (`kept` is left empty, so the array is not shared) and emptied with its
    /// capacity.
    static func reused(from kept: inout [Element]) -> [Element] {
        var array = [Element]()
        swap(&array, &kept)
        array.removeAll(keepingCapacity: true)
        return array
    }

    /// The array kept in `kept`, moved out as it is (`kept` is left empty, so the array is not shared): the last
    /// mapping's, read again (`DimensionMapper.map(again:…)`).
    static func taken(from kept: inout [Element]) -> [Element] {
        var array = [Element]()
        swap(&array, &kept)
        return array
    }

    /// The array, to keep for the next comment; an empty one when a long comment grew it past
    /// `MappingScratch.keptCapacity`.
    var keepable: [Element] { capacity <= MappingScratch.keptCapacity ? self : [] }
}
