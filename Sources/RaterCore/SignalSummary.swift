/// A business signal in a finished result: its kind, reading and evidence.
public struct SignalSummary: Sendable, Equatable {
    public var value: SignalValue
    public var kind: SignalKind { value.kind }
    public var evidence: [CueEvidence]

    public init(value: SignalValue, evidence: [CueEvidence]) {
        self.value = value
        self.evidence = evidence
    }
}
