import RaterLexicon
import RaterScore

/// Groups a comment's scoring units into stretches that a contrast does not cross: a new stretch starts at each
/// sentence, at a unit that opens with a turn (但是, but), and after a unit that opens with a concession (虽然,
/// although).
///
/// A cue in a clause with no opinion of its own borrows from the clauses around it (see `ClauseTally`), but
/// never across a contrast as it stands: in "The service was not the greatest, but the place is huge and nice" the
/// praise after "but" says nothing good about the service. Across a contrast it borrows in reverse, when its own
/// segment has nothing to lend: what the turn praises, the conceded or turned-from part lacked.
struct ContrastSegments {
    /// Segment number per unit.
    let segment: [Int]
    /// Per segment: whether it starts at a contrast inside its sentence (a turn, or the clause after a
    /// concession) rather than at a sentence start.
    let startsAtContrast: [Bool]

    /// Fills the arrays kept in `scratch` (see `MappingScratch`); `giveBack(to:)` returns them.
    init(_ scored: borrowing ScoredComment, scoring: borrowing [LexiconEntry], reusing scratch: inout MappingScratch) {
        var segment = [Int].reused(from: &scratch.segment)
        var current = 0
        var previousSentence = -1
        var breakAfterPrevious = false
        var startsAtContrast = [Bool].reused(from: &scratch.startsAtContrast)
        // Sized once: growing from empty cost several allocations per comment.
        segment.reserveCapacity(scored.units.count)
        startsAtContrast.reserveCapacity(scored.units.count)
        for unit in scored.units {
            let opening = unit.matches.first.map { scoring[Int(scored.matches[$0].entry)].contrast } ?? nil
            if unit.sentence != previousSentence || opening == .turn || breakAfterPrevious {
                if !segment.isEmpty { current += 1 }
                startsAtContrast.append(!segment.isEmpty && unit.sentence == previousSentence)
            }
            segment.append(current)
            previousSentence = unit.sentence
            breakAfterPrevious = opening == .concession
        }
        self.segment = segment
        self.startsAtContrast = startsAtContrast
    }

    /// The segments the last `init(_:scoring:reusing:)` left in `scratch`, as they are: the same comment's, mapped
    /// again after a second scoring, which keeps its units (`DimensionMapper.map(again:…)`).
    init(keptIn scratch: inout MappingScratch) {
        segment = .taken(from: &scratch.segment)
        startsAtContrast = .taken(from: &scratch.startsAtContrast)
    }

    /// Hands the segments' arrays back to `scratch` for the next comment.
    func giveBack(to scratch: inout MappingScratch) {
        scratch.segment = segment.keepable
        scratch.startsAtContrast = startsAtContrast.keepable
    }
}
