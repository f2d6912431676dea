import RaterCore

/// A business signal found in a comment (expectation gap, service recovery, loyalty) with its evidence.
public struct SignalResult: Sendable, Equatable {
    public var value: SignalValue
    public var kind: SignalKind { value.kind }
    public var evidence: [SignalEvidence]

    public init(value: SignalValue, evidence: [SignalEvidence]) {
        self.value = value
        self.evidence = evidence
    }
}

/// The cue behind a signal, the clause it is in, and the negator that turned it, if any.
public struct SignalEvidence: Sendable, Equatable {
    public var cue: String
    public var clause: String
    public var negator: String?

    public init(cue: String, clause: String, negator: String?) {
        self.cue = cue
        self.clause = clause
        self.negator = negator
    }
}
