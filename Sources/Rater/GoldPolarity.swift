/// The polarity a gold annotation gives a target in one comment.
public enum GoldPolarity: String, Sendable, Equatable {
    case positive
    case negative
    case neutral
    /// Both positive and negative (SemEval's "conflict", or two gold columns mapped to one target disagreeing).
    case conflict

    /// Combines two gold labels that map to the same target.
    public func merged(with other: GoldPolarity) -> GoldPolarity {
        if self == other { return self }
        if self == .neutral { return other }
        if other == .neutral { return self }
        return .conflict
    }
}
