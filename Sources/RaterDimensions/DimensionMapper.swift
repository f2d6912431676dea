import RaterCore
import RaterLexicon
import RaterScore
import RaterSegment

/// The dimensions stage: finds cue words, gives each RATER dimension and each non-RATER aspect the sentiment of
/// the clauses that mention it, and reads the business signals.
///
/// "环境不错，但是服务员态度很差" yields tangibles positive (环境, first clause) and assurance negative (态度, second
/// clause): a dimension never inherits the sentiment of a clause that does not mention it (see `ClauseTally`).
public struct DimensionMapper: Sendable {
    public var thresholds: LabelThresholds
    /// A dimension or aspect is reported only when its cues' weights add up to at least this.
    public var minimumCueWeight: Double
    public var damping: Double
    public var profile: IndustryProfile
    /// A dimension takes the sentiment terms within this many words of its cues in a clause (the whole clause when
    /// none is that close).
    public var termWindow: Int
    /// The weight of a bare negation (a negator with no sentiment term in its reach, "the waiter never came
    /// back") as negative evidence for the dimensions and aspects near it; 0 turns it off. See `TermWindow`.
    public var bareNegation: Double
    /// Units of a comment, and cues of a unit, up to which borrowing and the window sum directly rather than over
    /// running sums and sorted positions (`SegmentMasses`, `NearCues`). Both ways give the same scores; tests set
    /// these to compare them.
    var directUnitLimit = SegmentMasses.directLimit
    var directCueLimit = NearCues.directLimit

    public init(thresholds: LabelThresholds = .standard, minimumCueWeight: Double = 0.5, damping: Double = 1.0,
                profile: IndustryProfile = .generic, termWindow: Int = 6, bareNegation: Double = 1.0) {
        self.termWindow = termWindow
        self.bareNegation = bareNegation
        self.thresholds = thresholds
        self.minimumCueWeight = minimumCueWeight
        self.damping = damping
        self.profile = profile
    }

    /// - Parameters:
    ///   - cues: the cue scanners' matches in the comment, one layer per role.
    ///   - scoring: the scoring matcher (its negators govern signal cues).
    public func map(_ scored: ScoredComment, cues: [CueLayer], scoring: TermMatcher) -> DimensionReport {
        var scratch = MappingScratch()
        return map(scored, cues: cues, scoring: scoring, scratch: &scratch)
    }

    /// `map(_:cues:scoring:)` with its working arrays in `scratch`, which a worker keeps from comment to comment.
    public func map(_ scored: ScoredComment, cues: [CueLayer], scoring: TermMatcher,
                    scratch: inout MappingScratch) -> DimensionReport {
        map(scored, cues: cues, scoring: scoring, scratch: &scratch, again: false)
    }

    /// `map(_:cues:scoring:scratch:)` for a comment scored a second time (`Scorer.score(again:waiving:)`) whose
    /// first scoring was the last comment mapped with `scratch`. The cue hits, their roles, the mentions and the
    /// contrast segments follow from the comment's matches and units, which a second scoring keeps, not from its
    /// weights: the first mapping's are read from `scratch` instead of found again (a recovered case mapped the
    /// whole comment twice, `Analyzer`). The term window, the tallies, the evidence and the signals read the
    /// weights and are made afresh. When `scratch` holds no such mapping, the comment is mapped from the start.
    public func map(again scored: ScoredComment, cues: [CueLayer], scoring: TermMatcher,
                    scratch: inout MappingScratch) -> DimensionReport {
        map(scored, cues: cues, scoring: scoring, scratch: &scratch, again: scratch.holdsLocatedCues)
    }

    private func map(_ scored: ScoredComment, cues: [CueLayer], scoring: TermMatcher,
                     scratch: inout MappingScratch, again: Bool) -> DimensionReport {
        scratch.holdsLocatedCues = false
        guard cues.contains(where: { !$0.matches.isEmpty }) else { return emptyReport }
        // How many hits, mentions and units this mapping located, once it has: checked against what `scratch` holds
        // when every array has been handed back (this runs last), since a long comment's arrays are let go.
        var located: (hits: Int, mentions: Int, units: Int)?
        defer {
            if let located {
                scratch.holdsLocatedCues = scratch.hits.count == located.hits
                    && scratch.mentions.count == located.mentions && scratch.segment.count == located.units
            }
        }
        // Taken as they are when mapping again, emptied otherwise.
        var hits = again ? [CueHit].taken(from: &scratch.hits) : [CueHit].reused(from: &scratch.hits)
        defer { scratch.hits = hits.keepable }
        var roles = CueRoles(layers: cues)
        defer { scratch.filteredRoles = roles.filtered }
        if again {
            roles.filtered = scratch.filteredRoles
        } else {
            let finder = CueFinder(scored, reusing: &scratch)
            hits.reserveCapacity(cues.reduce(0) { $0 + $1.matches.count })
            for layer in cues.indices {
                finder.appendHits(ofLayer: layer, in: scored, scoring: scoring, roles: &roles, to: &hits)
            }
            finder.giveBack(to: &scratch)
        }
        guard !hits.isEmpty else { return emptyReport }
        let segments = again ? ContrastSegments(keptIn: &scratch)
            : ContrastSegments(scored, scoring: scoring.entries, reusing: &scratch)
        defer { segments.giveBack(to: &scratch) }
        let window = TermWindow(scored, scoring: scoring, width: termWindow, bareNegation: bareNegation,
                                reusing: &scratch)
        defer { window.giveBack(to: &scratch) }
        // Every dimension and aspect mention in one flat list of plain values, in the order found.
        var mentions = again ? [CueMention].taken(from: &scratch.mentions)
            : [CueMention].reused(from: &scratch.mentions)
        defer { scratch.mentions = mentions.keepable }
        if !again { mentions.reserveCapacity(2 * hits.count) }
        // Found only the first time: a mapping again has the first one's.
        for hitIndex in hits.indices where !again {
            let unit = hits[hitIndex].unit
            let ordinal = window.ordinal(ofToken: hits[hitIndex].token)
            for cue in roles.dimensions(of: hits[hitIndex]) {
                mentions.append(CueMention(target: CueTargets.target(of: cue.dimension), unit: unit,
                                           ordinal: ordinal, hit: hitIndex, weight: cue.weight))
            }
            let aspects = roles.aspects(of: hits[hitIndex])
            if !aspects.isEmpty, Self.isInsideDimensionCue(hitIndex, hits: hits, roles: roles, text: scored.segmented) { continue }
            for cue in aspects {
                mentions.append(CueMention(target: CueTargets.target(of: cue.aspect), unit: unit,
                                           ordinal: ordinal, hit: hitIndex, weight: cue.weight))
            }
        }
        located = (hits.count, mentions.count, scored.units.count)
        // Clause text is built only for evidence that is written out, once per unit ("" until then).
        var clauses = [String].reused(from: &scratch.clauses)
        clauses.append(contentsOf: repeatElement("", count: scored.units.count))
        // Emptied when handed back: the clause texts are the comment's evidence, not the next comment's.
        defer {
            clauses.removeAll(keepingCapacity: true)
            scratch.clauses = clauses.keepable
        }
        var dimensions = [DimensionResult]()
        var aspects = [AspectResult]()
        let masses = scored.units.count > directUnitLimit
            ? SegmentMasses(scored, window: window, segments: segments) : nil
        // One target's mentions at a time, sorted by unit.
        var targetMentions = [CueMention].reused(from: &scratch.targetMentions)
        defer { scratch.targetMentions = targetMentions.keepable }
        targetMentions.reserveCapacity(mentions.count)
        for target in 0..<CueTargets.count {
            targetMentions.removeAll(keepingCapacity: true)
            var weight = 0.0
            for mention in mentions where mention.target == target {
                weight += mention.weight
                targetMentions.append(mention)
            }
            guard !targetMentions.isEmpty, weight >= minimumCueWeight else { continue }
            var evidence = [Evidence]()
            evidence.reserveCapacity(min(targetMentions.count, Self.evidenceLimit))
            for mention in targetMentions.prefix(Self.evidenceLimit) {
                if clauses[mention.unit].isEmpty {
                    clauses[mention.unit] = scored.segmented.text(ofTokens: scored.units[mention.unit].tokens)
                }
                evidence.append(Evidence(cue: scored.segmented.text(hits[mention.hit].range),
                                         clause: clauses[mention.unit],
                                         clauseScore: scored.units[mention.unit].score(damping: damping)))
            }
            Self.sortByUnit(&targetMentions)
            let score = targetMentions.withUnsafeBufferPointer { sorted in
                ClauseTally(mentions: sorted, masses: masses, directCueLimit: directCueLimit,
                            takesWaits: CueTargets.dimension(at: target).map { $0 == .responsiveness } ?? false)
                    .score(in: scored, window: window, segments: segments, damping: damping)
            }
            let label = thresholds.label(for: score)
            if let dimension = CueTargets.dimension(at: target) {
                dimensions.append(DimensionResult(dimension: dimension, score: score, label: label,
                                                  mentions: targetMentions.count, evidence: evidence,
                                                  weight: profile.weight(of: dimension)))
            } else if let aspect = CueTargets.aspect(at: target) {
                aspects.append(AspectResult(aspect: aspect, score: score, label: label, mentions: targetMentions.count,
                                            evidence: evidence))
            }
        }
        var recoveredUnits = [Int]()
        let signals = SignalDetector.signals(from: hits, roles: roles, in: scored, scoring: scoring,
                                             window: window, recoveredUnits: &recoveredUnits)
        var report = DimensionReport(dimensions: dimensions, aspects: aspects, signals: signals,
                                     serviceScore: IndustryProfile.weightedMean(dimensions.lazy.map {
                                         ($0.weight, $0.score)
                                     }),
                                     profile: profile)
        report.recoveredUnits = recoveredUnits
        return report
    }

    /// The first cues of a dimension or aspect that are written out as evidence.
    static let evidenceLimit = 5

    /// A stable insertion sort by unit: the mentions of one target come nearly or fully sorted already (the cue
    /// scan finds them in text order).
    private static func sortByUnit(_ mentions: inout [CueMention]) {
        for index in mentions.indices.dropFirst() {
            let mention = mentions[index]
            var slot = index
            while slot > 0 && mentions[slot - 1].unit > mention.unit {
                mentions[slot] = mentions[slot - 1]
                slot -= 1
            }
            mentions[slot] = mention
        }
    }

    private var emptyReport: DimensionReport {
        DimensionReport(dimensions: [], aspects: [], signals: [], serviceScore: nil, profile: profile)
    }

    /// Whether the aspect cue of hit `index` lies inside a longer dimension cue (菜 "dish" inside 上菜 "serving", a
    /// responsiveness cue): it is part of that word, not a mention of its own, and yields to it (菜品味道不错，但是上菜太慢了
    /// is no slow dish). The aspect layer matches longest first on its own, so a longer word that were an aspect cue
    /// too would have been matched whole there. Chinese only: English cues match whole words, so an English aspect
    /// cue inside a phrase is a word of its own and still a mention ("charged" in the reliability cue "charged twice"
    /// names the price). Asked only of hits with an aspect role: a walk over the hits.
    static func isInsideDimensionCue(_ index: Int, hits: [CueHit], roles: CueRoles, text: SegmentedText) -> Bool {
        let range = hits[index].range
        guard range.lowerBound < text.folded.count, text.folded[range.lowerBound] >= 0x80 else { return false }
        for other in hits.indices where other != index {
            let outer = hits[other].range
            guard outer.lowerBound <= range.lowerBound, outer.upperBound >= range.upperBound,
                  outer.count > range.count, !roles.dimensions(of: hits[other]).isEmpty else { continue }
            return true
        }
        return false
    }
}
