import RaterCore

/// Detection and polarity figures for dimensions and aspects against aspect-labelled gold data: what
/// `rater eval --aspect-scheme` prints.
///
/// Per target and comment: a true positive when gold mentions the target and the result has any of its members,
/// a false positive when only the result has it, a false negative when only gold has it. Polarity accuracy is
/// measured on the true positives whose gold polarity is positive or negative (neutral and conflicting gold have
/// no side to get right): the predicted side is the sign of the target's score, so a weak lean counts as that
/// side and a score of exactly 0 is a miss. A strict three-way accuracy over every true positive (gold neutral
/// must be predicted neutral, conflict always misses) is reported beside it.
public struct DimensionEvaluation: Sendable {
    public struct Counts: Sendable, Equatable, DetectionFigures {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        /// True positives with positive or negative gold, and how many of them had the right side.
        public var polarTotal = 0
        public var polarCorrect = 0
        /// All true positives, and how many had exactly the gold label (neutral included).
        public var strictCorrect = 0

        public init() {}

        public var polarityAccuracy: Double { polarTotal == 0 ? 0 : Double(polarCorrect) / Double(polarTotal) }
        public var strictPolarityAccuracy: Double {
            truePositives == 0 ? 0 : Double(strictCorrect) / Double(truePositives)
        }

        mutating func add(_ other: Counts) {
            truePositives += other.truePositives
            falsePositives += other.falsePositives
            falseNegatives += other.falseNegatives
            polarTotal += other.polarTotal
            polarCorrect += other.polarCorrect
            strictCorrect += other.strictCorrect
        }
    }

    /// One comment's miss for a target, for the report's examples.
    public struct Miss: Sendable {
        /// The comment's place in the order added (0-based): ids need not be unique.
        public var comment: Int
        public var id: String
        public var target: String
        public var kind: String
        public var gold: GoldPolarity?
        public var predicted: Double?
    }

    public let targets: [EvaluationTarget]
    public private(set) var counts: [EvaluationTarget: Counts] = [:]
    public private(set) var comments = 0
    public private(set) var misses: [Miss] = []
    public var missLimit = 200
    public let thresholds: LabelThresholds

    public init(targets: [EvaluationTarget], thresholds: LabelThresholds = .standard) {
        self.targets = targets.sorted()
        self.thresholds = thresholds
    }

    /// Scores one comment: `gold` holds the targets the annotation mentions, `predicted` each target's predicted
    /// score (nil: not detected).
    /// `judged` (a review workspace export's `judged` column) limits the comment to the targets an analyst judged;
    /// nil scores every target.
    public mutating func add(id: String, gold: [EvaluationTarget: GoldPolarity],
                             predicted: [EvaluationTarget: Double?], judged: Set<ServiceDimension>? = nil) {
        comments += 1
        for target in targets where JudgedDimensions.covers(judged, target) {
            var count = counts[target, default: Counts()]
            let goldPolarity = gold[target]
            let score = predicted[target] ?? nil
            switch (goldPolarity, score) {
            case let (polarity?, score?):
                count.truePositives += 1
                let label = thresholds.label(for: score)
                if (polarity == .positive && label == .positive) || (polarity == .negative && label == .negative)
                    || (polarity == .neutral && label == .neutral) {
                    count.strictCorrect += 1
                }
                if polarity == .positive || polarity == .negative {
                    count.polarTotal += 1
                    let right = polarity == .positive ? score > 0 : score < 0
                    if right {
                        count.polarCorrect += 1
                    } else {
                        record(Miss(comment: comments - 1, id: id, target: target.name, kind: "polarity", gold: polarity,
                                    predicted: score))
                    }
                }
            case let (polarity?, nil):
                count.falseNegatives += 1
                record(Miss(comment: comments - 1, id: id, target: target.name, kind: "missed", gold: polarity,
                            predicted: nil))
            case let (nil, score?):
                count.falsePositives += 1
                record(Miss(comment: comments - 1, id: id, target: target.name, kind: "spurious", gold: nil,
                            predicted: score))
            case (nil, nil):
                break
            }
            counts[target] = count
        }
    }

    /// Scores one result against its gold labels.
    public mutating func add(_ result: CommentResult, gold: [EvaluationTarget: GoldPolarity],
                             judged: Set<ServiceDimension>? = nil) {
        var predicted = [EvaluationTarget: Double?]()
        for target in targets { predicted[target] = target.prediction(in: result) }
        add(id: result.id, gold: gold, predicted: predicted, judged: judged)
    }

    private mutating func record(_ miss: Miss) {
        if misses.count < missLimit { misses.append(miss) }
    }

    public func counts(for target: EvaluationTarget) -> Counts { counts[target] ?? Counts() }

    /// Pooled counts over the RATER targets (aspects excluded): micro-averaged precision, recall, F1 and polarity.
    public var dimensionTotal: Counts {
        var total = Counts()
        for target in targets where !target.isAspect { total.add(counts(for: target)) }
        return total
    }

    /// The RATER targets the gold data or the results mention at least once: the ones macro-F1 averages.
    public var observedDimensionTargets: [EvaluationTarget] {
        targets.filter { !$0.isAspect && counts(for: $0).isObserved }
    }

    /// Mean F1 over the RATER targets the gold data or the results mention (`observedDimensionTargets`). A target
    /// neither mentions has no F1: a small correction file with no reliability comment scored reliability 0 and
    /// pulled the mean down for nothing. One only the results mention is all false alarms and counts as 0.
    public var dimensionMacroF1: Double {
        let observed = observedDimensionTargets
        guard !observed.isEmpty else { return 0 }
        return observed.map { counts(for: $0).f1 }.reduce(0, +) / Double(observed.count)
    }
}
