/// A non-RATER aspect in a finished result: label, score, cue count and evidence, as for a dimension.
public struct AspectSummary: Sendable, Equatable {
    public var aspect: Aspect
    public var label: SentimentLabel
    public var score: Double
    public var mentions: Int
    public var evidence: [CueEvidence]

    public init(aspect: Aspect, label: SentimentLabel, score: Double, mentions: Int, evidence: [CueEvidence]) {
        self.aspect = aspect
        self.label = label
        self.score = score
        self.mentions = mentions
        self.evidence = evidence
    }
}

/// A cue word, the clause it was found in and, for signals, the negator that turned it.
public struct CueEvidence: Sendable, Equatable {
    public var cue: String
    public var clause: String
    public var negator: String?

    public init(cue: String, clause: String, negator: String? = nil) {
        self.cue = cue
        self.clause = clause
        self.negator = negator
    }
}
