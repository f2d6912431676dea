/// The finished analysis of one comment: what every sink writes and every aggregate reads.
///
/// Flat and self-contained on purpose: sinks and aggregation depend only on RaterCore, never on the stages that
/// produced the result.
public struct CommentResult: Sendable, Equatable {
    public var id: String
    public var source: String
    public var recordNumber: Int
    public var line: Int?
    public var language: Language
    /// The normalized text, kept for sinks that store it (SQLite, the review workspace) and `--include-text`.
    public var text: String
    public var sentiment: SentimentSummary
    public var dimensions: [DimensionSummary]
    /// Non-RATER aspects (price, product, location), scored like dimensions.
    public var aspects: [AspectSummary]
    public var signals: [SignalSummary]
    /// The industry profile in force and the comment's profile-weighted service score.
    public var profile: ProfileSummary
    public var fields: [Field]

    public init(id: String, source: String, recordNumber: Int, line: Int?, language: Language, text: String,
                sentiment: SentimentSummary, dimensions: [DimensionSummary], aspects: [AspectSummary] = [],
                signals: [SignalSummary] = [], profile: ProfileSummary = ProfileSummary(), fields: [Field]) {
        self.aspects = aspects
        self.signals = signals
        self.profile = profile
        self.id = id
        self.source = source
        self.recordNumber = recordNumber
        self.line = line
        self.language = language
        self.text = text
        self.sentiment = sentiment
        self.dimensions = dimensions
        self.fields = fields
    }
}

public struct SentimentSummary: Sendable, Equatable {
    public var label: SentimentLabel
    public var score: Double
    public var positive: Double
    public var negative: Double
    public var neutral: Double
    public var confidence: Double
    /// Every contributing term with its rules: the explanation.
    public var terms: [TermExplanation]
    /// Whether the score rests on an opinion word, on learned weights only, or on nothing; nil for a result stored
    /// before Rater recorded it.
    public var evidenceKind: EvidenceKind?

    public init(label: SentimentLabel, score: Double, positive: Double, negative: Double, neutral: Double,
                confidence: Double, terms: [TermExplanation], evidenceKind: EvidenceKind? = nil) {
        self.evidenceKind = evidenceKind
        self.label = label
        self.score = score
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.confidence = confidence
        self.terms = terms
    }
}

public struct TermExplanation: Sendable, Equatable {
    public var term: String
    public var base: Double
    /// Rule names (`negated`, `intensified`, …) with their trigger words, e.g. `negated:不`.
    public var rules: [String]
    public var weight: Double
    /// The lexicon file the base weight came from, relative to the lexicon folder (`zh/sentiment.tsv`), or as given
    /// for a file layered from elsewhere; nil when no file gave it or the result was stored before Rater recorded
    /// it. Engines resolve each file's name once, so every term of that file shares one string.
    public var source: String?
    /// Whether the weight is corpus statistics learned from labelled comments (`rater lexicon learn`) rather than an
    /// opinion someone wrote down: the readings analysts distrust.
    public var isLearned: Bool

    public init(term: String, base: Double, rules: [String], weight: Double, source: String? = nil,
                isLearned: Bool = false) {
        self.source = source
        self.isLearned = isLearned
        self.term = term
        self.base = base
        self.rules = rules
        self.weight = weight
    }
}

public struct DimensionSummary: Sendable, Equatable {
    public var dimension: ServiceDimension
    public var label: SentimentLabel
    public var score: Double
    public var mentions: Int
    /// Cue words with the clause they were found in.
    public var evidence: [(cue: String, clause: String)]
    /// The dimension's weight in the industry profile.
    public var weight: Double

    public init(dimension: ServiceDimension, label: SentimentLabel, score: Double, mentions: Int,
                evidence: [(cue: String, clause: String)], weight: Double = 0.2) {
        self.dimension = dimension
        self.weight = weight
        self.label = label
        self.score = score
        self.mentions = mentions
        self.evidence = evidence
    }

    public static func == (lhs: DimensionSummary, rhs: DimensionSummary) -> Bool {
        lhs.dimension == rhs.dimension && lhs.weight == rhs.weight && lhs.label == rhs.label && lhs.score == rhs.score
            && lhs.mentions == rhs.mentions && lhs.evidence.map(\.cue) == rhs.evidence.map(\.cue)
            && lhs.evidence.map(\.clause) == rhs.evidence.map(\.clause)
    }
}
