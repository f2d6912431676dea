import RaterCore

/// One comment as the workspace shows it: the machine's result, and the analysts' corrections on top.
///
/// The machine's values are never changed; `label` and `dimensions` are the reviewed reading, computed by
/// applying the corrections in the order they were made.
public struct ReviewComment: Sendable, Equatable {
    public struct Dimension: Sendable, Equatable {
        public var dimension: ServiceDimension
        public var label: SentimentLabel
        /// Cue words and their clauses (empty for a dimension an analyst added).
        public var evidence: [String]
        /// What the machine said about this dimension: nil when it did not find it.
        public var machineLabel: SentimentLabel?
    }

    /// A business signal as the machine read it, with why: the cue, the negator that turned it (if any) and the
    /// clause, as `rater explain` prints them, so the page can show the reading's grounds and not only its value.
    public struct SignalReading: Sendable, Equatable {
        public var kind: SignalKind
        public var value: SignalValue
        public var evidence: [CueEvidence]
        /// The cue words alone (the chip's hover title).
        public var cues: [String] { evidence.map(\.cue) }
    }

    public var source: String
    public var key: String
    public var id: String
    public var record: Int
    public var language: String
    public var text: String
    public var machineLabel: SentimentLabel
    public var score: Double
    public var confidence: Double
    public var terms: [TermExplanation]
    public var fields: [Field]
    public var runID: String
    public var machineDimensions: [DimensionSummary]
    /// The machine's aspects (price, product, location), in aspect order: shown, never corrected (see
    /// `DimensionName`).
    public var aspects: [AspectSummary] = []
    public var signals: [SignalReading]
    /// The applied corrections (current or unverified), in the order they were made.
    public var corrections: [Correction]
    /// Corrections made on an earlier text of this comment (`CorrectionStatus.stale`): shown, never applied.
    public var staleCorrections: [Correction] = []
    /// SHA-256 (hex) of `text`: what a correction made on this reading judged.
    public var textSHA256 = ""
    /// The machine's profile-weighted service score: nil when the comment mentions no dimension, or was stored
    /// before Rater stored it. Corrections do not change it.
    public var serviceScore: Double?
    /// What the machine's score rests on: `.learnedOnly` is the reading analysts distrust (learned weights, no
    /// opinion word), which the page badges. Nil for a comment stored before Rater recorded it.
    public var evidenceKind: EvidenceKind?

    /// Whether the machine's score rests on learned weights only.
    public var isLearnedOnly: Bool { evidenceKind == .learnedOnly }

    /// The label after corrections: the last label or accept, else the machine's.
    public var label: SentimentLabel {
        corrections.last { $0.action == .label || $0.action == .accept }?.value ?? machineLabel
    }

    public var isReviewed: Bool { !corrections.isEmpty }

    /// The dimensions after corrections, in RATER order: the machine's, then each correction in turn (an accept
    /// that kept what it was shown puts back exactly that).
    public var dimensions: [Dimension] {
        var current = [ServiceDimension: Dimension]()
        for summary in machineDimensions {
            current[summary.dimension] = Dimension(dimension: summary.dimension, label: summary.label,
                                                   evidence: summary.evidence.map(\.cue), machineLabel: summary.label)
        }
        for correction in corrections {
            // An accept judged the dimensions it was shown: from it on they are those, whatever a later run says.
            if correction.action == .accept, let kept = correction.acceptedDimensions,
               let accepted = AcceptedDimensions.parse(kept) {
                current = current.filter { accepted[$0.key] != nil }
                for (dimension, label) in accepted {
                    let machine = machineDimensions.first { $0.dimension == dimension }
                    current[dimension] = Dimension(dimension: dimension, label: label,
                                                   evidence: current[dimension]?.evidence
                                                       ?? machine?.evidence.map(\.cue) ?? [],
                                                   machineLabel: machine?.label)
                }
                continue
            }
            guard let dimension = correction.dimension else { continue }
            switch correction.action {
            case .addDimension:
                let machine = machineDimensions.first { $0.dimension == dimension }
                current[dimension] = Dimension(dimension: dimension, label: correction.value ?? label,
                                               evidence: machine?.evidence.map(\.cue) ?? [],
                                               machineLabel: machine?.label)
            case .removeDimension:
                current[dimension] = nil
            case .label, .accept, .setSignal:
                break
            }
        }
        return ServiceDimension.allCases.compactMap { current[$0] }
    }

    /// The signals after corrections, in signal order: each signal's machine values, unless an analyst set it
    /// (`set_signal`), and then the value set, or none. Every value keeps its machine evidence when the machine read
    /// the same value; a value the analyst set against the machine has none.
    public var reviewedSignals: [SignalReading] {
        var set = [SignalKind: SignalValue?]()
        for correction in corrections where correction.action == .setSignal {
            if let signal = correction.signal { set[signal] = .some(correction.signalValue) }
        }
        var readings = signals.filter { set[$0.kind] == nil }
        for (kind, value) in set {
            guard let value = value else { continue }
            readings.append(signals.first { $0.kind == kind && $0.value == value }
                ?? SignalReading(kind: kind, value: value, evidence: []))
        }
        return readings.sorted { ($0.kind, $0.value) < ($1.kind, $1.value) }
    }

    /// The signals an analyst judged (set, or set to none), in signal order: the gold file's signal columns hold
    /// these only.
    public var judgedSignals: [SignalKind] {
        let named = Set(corrections.filter { $0.action == .setSignal }.compactMap(\.signal))
        return SignalKind.allCases.filter(named.contains)
    }

    /// A judged signal's gold cell: its reviewed value, empty for none (and for a signal not judged: `judged` tells
    /// the two apart).
    public func judgedSignalCell(_ kind: SignalKind) -> String {
        guard judgedSignals.contains(kind) else { return "" }
        return reviewedSignals.filter { $0.kind == kind }.map(\.value.rawValue).joined(separator: ";")
    }

    /// The latest correction, for "reviewed by … at …".
    public var lastCorrection: Correction? { corrections.last }

    /// The `dimension:label` pairs of the team's gold format (`tangibles:positive;assurance:negative`).
    public var dimensionPairs: String {
        dimensions.map { $0.dimension.rawValue + ":" + $0.label.rawValue }.joined(separator: ";")
    }

    /// Whether an analyst judged the label: set it, or accepted the comment as shown. A comment reviewed only for
    /// a dimension still carries the machine's label, and exporting that as gold would grade the machine against
    /// itself.
    public var isLabelJudged: Bool {
        corrections.contains { $0.action == .label || $0.action == .accept }
    }

    /// The dimensions an analyst judged, in RATER order: all five after *accept* (the comment as shown, absent
    /// dimensions included; `AcceptedDimensions` keeps what was shown), else those added, removed or given another
    /// polarity. The others are the machine's.
    public var judgedDimensions: [ServiceDimension] {
        if corrections.contains(where: { $0.action == .accept }) { return ServiceDimension.allCases }
        let named = Set(corrections.compactMap(\.dimension))
        return ServiceDimension.allCases.filter(named.contains)
    }

    /// The judged dimensions' `dimension:label` pairs: a judged dimension that is absent (removed, or absent when
    /// accepted) has no pair, and the gold file's `judged` column says it was judged.
    public var judgedDimensionPairs: String {
        let judged = Set(judgedDimensions)
        return dimensions.filter { judged.contains($0.dimension) }
            .map { $0.dimension.rawValue + ":" + $0.label.rawValue }.joined(separator: ";")
    }

    /// The gold file's `judged` cell: `label` when the label was judged, then the judged dimensions
    /// (`label;reliability;assurance;tangibles;empathy;responsiveness` after *accept*), then the judged signals.
    public var judgedFields: String {
        ((isLabelJudged ? ["label"] : []) + judgedDimensions.map(\.rawValue) + judgedSignals.map(\.rawValue))
            .joined(separator: ";")
    }
}
