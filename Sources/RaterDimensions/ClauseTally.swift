import RaterScore

/// One cue word's mention of a dimension or an aspect: a plain value, so a comment's mentions of every target
/// sit in one array (see `DimensionMapper`) rather than in arrays per target and per clause.
struct CueMention {
    /// The dimension's or aspect's place in `CueTargets`.
    var target: Int
    /// The scoring unit the cue is in.
    var unit: Int
    /// The cue's word position (see `TermWindow.ordinal(ofToken:)`).
    var ordinal: Int
    /// The cue's index in the comment's hits.
    var hit: Int
    var weight: Double
}

/// The clause sentiment attributed to one dimension or aspect, from its mentions.
///
/// A dimension never inherits the sentiment of a clause that does not mention it, except that a cue in a clause
/// with no opinion of its own borrows from its sentence (see `score`), never across a contrast except in reverse
/// (see `ContrastSegments`). Each clause counts once per target, weighted by the strongest cue.
struct ClauseTally {
    /// The target's mentions sorted by unit, and within a unit in the order found: the score sums the units in
    /// ascending order, so it is the same in every process (floating-point sums in another order could differ in
    /// the last printed digit).
    let mentions: UnsafeBufferPointer<CueMention>
    /// The segments' running sums, for a comment of more than `SegmentMasses.directLimit` units; nil sums the other
    /// units directly.
    var masses: SegmentMasses? = nil
    /// Cues of a unit up to which each is asked for each term (`NearCues`).
    var directCueLimit = NearCues.directLimit
    /// Whether the target weighs a measured wait in its clause (`TermWindow.Term.measuresWait`): Responsiveness
    /// does; for any other target the wait is passed over, so in 等了40分钟才上菜，味道很好 the food is not blamed
    /// for the wait (the product aspect read +0.18 where its praise alone is +0.78).
    var takesWaits = true

    /// The (P − N) / (P + N + damping) score over the mentioning clauses.
    ///
    /// Per mentioning unit, in order of preference:
    /// 1. an opinion (a term with a hand-written valence, or a bare negation; see `TermWindow`) within the window
    ///    of the cue: the terms in the window, learned ones included ("the waiter was rude");
    /// 2. an opinion elsewhere in the unit: the whole unit;
    /// 3. no opinion in the unit ("the waitress brought our table the menu, and the pasta was superb"): the unit
    ///    says nothing about the target, so it borrows half the sentiment of the other units of its contrast
    ///    segment; failing that, half the *reverse* sentiment of the segments a contrast separates it from ("the
    ///    service was not the greatest, but the place is huge and nice": what the turn praises, the service
    ///    lacked). Learned terms in the unit (near the cue, else all) are added in full, as a prior: a learned
    ///    weight records how a word leans in a review corpus ("waitress" in complaint-heavy restaurant reviews), so
    ///    it decides only when nothing else does.
    func score(in scored: ScoredComment, window: TermWindow, segments: ContrastSegments, damping: Double) -> Double {
        var positive = 0.0
        var negative = 0.0
        var start = 0
        while start < mentions.count {
            let unitIndex = mentions[start].unit
            var end = start
            // The unit's strongest cue weight, never below zero.
            var cueWeight = 0.0
            while end < mentions.count && mentions[end].unit == unitIndex {
                cueWeight = max(cueWeight, mentions[end].weight)
                end += 1
            }
            let cues = UnsafeBufferPointer(rebasing: mentions[start..<end])
            start = end
            var unitMass = (positive: 0.0, negative: 0.0)
            if let own = window.terms(in: unitIndex) {
                // The unit's terms as they are, unless a measured wait must be passed over (rare: a copy then). A
                // lazy filter over them cost a runtime generic-metadata lookup per call: 8% of the English
                // instructions, for every unit of every target. A comment with no measured wait is not searched.
                let all = takesWaits || !window.hasMeasuredWait || !own.contains(where: \.measuresWait) ? own
                    : own.filter { !$0.measuresWait }[...]
                unitMass = mass(of: all, cues: cues, unit: unitIndex, in: scored, window: window, segments: segments)
            } else {
                let unit = scored.units[unitIndex]
                unitMass = (unit.positive, unit.negative)
                if unitMass.positive == 0 && unitMass.negative == 0 {
                    unitMass = borrowedMass(for: unitIndex, in: scored, window: window, segments: segments)
                }
            }
            positive += unitMass.positive * cueWeight
            negative += unitMass.negative * cueWeight
        }
        return (positive - negative) / (positive + negative + damping)
    }

    /// One mentioning unit's mass from its terms (`all`), by the order of preference `score` describes.
    private func mass(of all: ArraySlice<TermWindow.Term>, cues: UnsafeBufferPointer<CueMention>, unit unitIndex: Int,
                      in scored: ScoredComment, window: TermWindow,
                      segments: ContrastSegments) -> (positive: Double, negative: Double) {
        let nearCues = NearCues(cues, window: window, directLimit: directCueLimit)
        let near = all.lazy.filter { nearCues.contains($0) }
        if near.contains(where: \.isOpinion) {
            return TermWindow.mass(near)
        } else if all.contains(where: \.isOpinion) {
            return TermWindow.mass(all)
        }
        let prior = near.isEmpty ? TermWindow.mass(all) : TermWindow.mass(near)
        let borrowed = borrowedMass(for: unitIndex, in: scored, window: window, segments: segments)
        return (prior.positive + borrowed.positive, prior.negative + borrowed.negative)
    }

    /// Half the mass of the other units of the unit's contrast segment; when they have none, half the reversed mass
    /// of the segments a contrast inside the same sentence separates it from (the one before and the one after).
    private func borrowedMass(for unitIndex: Int, in scored: ScoredComment, window: TermWindow,
                              segments: ContrastSegments) -> (positive: Double, negative: Double) {
        let own = segments.segment[unitIndex]
        var positive = 0.0
        var negative = 0.0
        if let masses {
            (positive, negative) = masses.others(of: unitIndex)
        } else {
            for otherIndex in scored.units.indices where otherIndex != unitIndex && segments.segment[otherIndex] == own {
                let other = Self.mass(ofUnit: otherIndex, in: scored, window: window)
                positive += other.positive
                negative += other.negative
            }
        }
        guard positive == 0 && negative == 0 else { return (positive / 2, negative / 2) }
        var across = [Int]()
        if segments.startsAtContrast[own] { across.append(own - 1) }
        if own + 1 < segments.startsAtContrast.count, segments.startsAtContrast[own + 1] { across.append(own + 1) }
        if let masses {
            for segment in across {
                let other = masses.total(of: segment)
                positive += other.negative
                negative += other.positive
            }
        } else {
            for otherIndex in scored.units.indices where across.contains(segments.segment[otherIndex]) {
                let other = Self.mass(ofUnit: otherIndex, in: scored, window: window)
                positive += other.negative
                negative += other.positive
            }
        }
        return (positive / 2, negative / 2)
    }

    /// A unit's positive and negative mass: its terms' when their positions are known, else the unit's own.
    static func mass(ofUnit index: Int, in scored: borrowing ScoredComment,
                     window: TermWindow) -> (positive: Double, negative: Double) {
        window.terms(in: index).map { TermWindow.mass($0) } ?? (scored.units[index].positive, scored.units[index].negative)
    }
}
