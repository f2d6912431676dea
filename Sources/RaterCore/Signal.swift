/// Business signals a comment carries beyond its sentiment: how the experience compared with what the customer
/// expected, whether a failure was put right, and whether the customer will stay.
public enum SignalKind: String, Sendable, Codable, CaseOrdered {
    /// Expectation versus perception, the gap SERVQUAL measures.
    case expectation
    /// Service recovery after a failure.
    case recovery
    /// Loyalty or churn intent.
    case loyalty

    public var ordinal: Int {
        switch self {
        case .expectation: 0
        case .recovery: 1
        case .loyalty: 2
        }
    }
}

/// The reading of a signal. Each kind has its own values; `kind` says which.
public enum SignalValue: String, Sendable, Codable, CaseOrdered {
    case exceeded
    case met
    case fellShort = "fell_short"
    case recovered
    case unresolved
    case loyal
    case atRisk = "at_risk"

    public var kind: SignalKind {
        switch self {
        case .exceeded, .met, .fellShort: return .expectation
        case .recovered, .unresolved: return .recovery
        case .loyal, .atRisk: return .loyalty
        }
    }

    /// The reading when the cue is negated: 不会再来 is at risk, "not what I expected" fell short, 没解决 is
    /// unresolved. A negated "met" (不符合预期) falls short; a negated shortfall (没有失望) only means the
    /// expectation was met, not exceeded.
    public var negated: SignalValue {
        switch self {
        case .exceeded, .met: return .fellShort
        case .fellShort: return .met
        case .recovered: return .unresolved
        case .unresolved: return .recovered
        case .loyal: return .atRisk
        case .atRisk: return .loyal
        }
    }

    public var ordinal: Int {
        switch self {
        case .exceeded: 0
        case .met: 1
        case .fellShort: 2
        case .recovered: 3
        case .unresolved: 4
        case .loyal: 5
        case .atRisk: 6
        }
    }
}
