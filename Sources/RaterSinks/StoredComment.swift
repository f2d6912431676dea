import RaterCore

/// A result in the form the databases store it: its scalars, and its parts stored as JSON text (fields,
/// explanation, each dimension's, aspect's and signal's evidence) already written.
///
/// Made by the worker that analysed the comment, beside its JSON line, so that the thread feeding the databases
/// only binds values: building the JSON parts and freeing the whole result on that one thread took as long as
/// SQLite's own work, and left the workers idle most of a `--db` run.
public struct StoredComment: Sendable, Equatable {
    public struct Dimension: Sendable, Equatable {
        public var dimension: ServiceDimension
        public var label: SentimentLabel
        public var score: Double
        public var mentions: Int
        /// `[{cue, clause}, …]`, as in the result's dimension evidence.
        public var evidenceJSON: String
    }

    /// A non-RATER aspect (price, product, location), stored like a dimension.
    public struct AspectMention: Sendable, Equatable {
        public var aspect: Aspect
        public var label: SentimentLabel
        public var score: Double
        public var mentions: Int
        /// `[{cue, clause}, …]`, as in the result's aspect evidence.
        public var evidenceJSON: String
    }

    public struct Signal: Sendable, Equatable {
        public var value: SignalValue
        /// `[{cue, clause[, negator]}, …]`, as in the result's signal evidence.
        public var evidenceJSON: String

        public init(value: SignalValue, evidenceJSON: String) {
            self.value = value
            self.evidenceJSON = evidenceJSON
        }
    }

    public var id: String
    public var source: String
    public var recordNumber: Int
    public var line: Int?
    public var language: Language
    public var text: String
    public var label: SentimentLabel
    public var score: Double
    public var positive: Double
    public var negative: Double
    public var neutral: Double
    public var confidence: Double
    /// The export's other columns as a JSON object, in their order.
    public var fieldsJSON: String
    /// The contributing terms, as in the result's `sentiment.terms`.
    public var explanationJSON: String
    /// What the score rests on (`sentiment.evidence_kind`): nil for a result that did not say.
    public var evidenceKind: EvidenceKind?
    public var dimensions: [Dimension]
    public var aspects: [AspectMention]
    public var signals: [Signal]
    /// The industry profile the comment was scored under (`profile.name`, `profile.version` of the result).
    public var profileName: String
    public var profileVersion: String
    /// The profile-weighted mean of the mentioned dimensions' scores; nil when the comment mentions none.
    public var serviceScore: Double?
    /// The texts of the records of its input that an incremental run skipped, when the run skipped any: the keys of
    /// repeated texts go on counting from their occurrences there (see `SkippedTexts`). Set by the run, not by `init`.
    public var skippedTexts: SkippedTexts?

    public init(_ result: CommentResult) {
        self.init(result, fieldsJSON: Self.json { $0.fields(result.fields) },
                  explanationJSON: Self.json { $0.terms(result.sentiment.terms) },
                  dimensionEvidenceJSON: result.dimensions.map { dimension in
                      Self.json { $0.evidence(dimension.evidence) }
                  },
                  aspectEvidenceJSON: result.aspects.map { aspect in Self.json { $0.evidence(aspect.evidence) } },
                  signalEvidenceJSON: result.signals.map { signal in Self.json { $0.evidence(signal.evidence) } })
    }

    /// With the JSON parts already written into the result's line (`ResultEncoder.encodeStoring`).
    init(_ result: CommentResult, parts: StoredParts) {
        self.init(result, fieldsJSON: parts.fieldsJSON, explanationJSON: parts.explanationJSON,
                  dimensionEvidenceJSON: parts.dimensionEvidence, aspectEvidenceJSON: parts.aspectEvidence,
                  signalEvidenceJSON: parts.signalEvidence)
    }

    private init(_ result: CommentResult, fieldsJSON: String, explanationJSON: String, dimensionEvidenceJSON: [String],
                 aspectEvidenceJSON: [String], signalEvidenceJSON: [String]) {
        precondition(dimensionEvidenceJSON.count == result.dimensions.count
                     && aspectEvidenceJSON.count == result.aspects.count
                     && signalEvidenceJSON.count == result.signals.count, "evidence for each dimension, aspect and signal")
        id = result.id
        source = result.source
        recordNumber = result.recordNumber
        line = result.line
        language = result.language
        text = result.text
        label = result.sentiment.label
        score = result.sentiment.score
        positive = result.sentiment.positive
        negative = result.sentiment.negative
        neutral = result.sentiment.neutral
        confidence = result.sentiment.confidence
        self.fieldsJSON = fieldsJSON
        self.explanationJSON = explanationJSON
        evidenceKind = result.sentiment.evidenceKind
        dimensions = zip(result.dimensions, dimensionEvidenceJSON).map { dimension, evidence in
            Dimension(dimension: dimension.dimension, label: dimension.label, score: dimension.score,
                      mentions: dimension.mentions, evidenceJSON: evidence)
        }
        aspects = zip(result.aspects, aspectEvidenceJSON).map { aspect, evidence in
            AspectMention(aspect: aspect.aspect, label: aspect.label, score: aspect.score, mentions: aspect.mentions,
                          evidenceJSON: evidence)
        }
        signals = zip(result.signals, signalEvidenceJSON).map { signal, evidence in
            Signal(value: signal.value, evidenceJSON: evidence)
        }
        profileName = result.profile.name
        profileVersion = result.profile.version
        serviceScore = result.profile.serviceScore
    }

    /// Whether a comment's id came from the export, rather than being made from its source and record number
    /// (`SourceRecord.resolvedID`): a comment without one is stored under a key made from its text's digest.
    public static func hasExportID(id: String, source: String, recordNumber: Int) -> Bool {
        // `id != "\(source):\(recordNumber)"`, without making that string for every comment stored.
        let id = id.utf8, source = source.utf8
        guard id.count > source.count, id.starts(with: source) else { return true }
        let rest = id.dropFirst(source.count)
        guard rest.first == UInt8(ascii: ":") else { return true }
        return !rest.dropFirst().elementsEqual(String(recordNumber).utf8)
    }

    private static func json(_ write: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        write(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
