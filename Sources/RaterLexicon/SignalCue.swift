/// A cue for a business signal (expectation gap, service recovery, loyalty), with optional context conditions.
///
/// Most cues carry their reading (比预期好 exceeded, 退款 recovered, 换一家 at risk). Some only say that the
/// signal is there and leave the direction to the sentence's sentiment (没想到 in 没想到这么好吃 versus
/// 没想到这么差; 本以为…结果); their lexicon value is the kind itself (`expectation`, `recovery`, `loyalty`).
/// A negated cue reads the other way (see `SignalValue.negated`).
public struct SignalCue: Sendable, Equatable {
    public var kind: SignalKind
    /// The reading, or nil when it follows the sentence's sentiment.
    public var value: SignalValue?
    public var context: CueContext?

    public init(_ value: SignalValue, context: CueContext? = nil) {
        self.kind = value.kind
        self.value = value
        self.context = context
    }

    public init(followingSentimentOf kind: SignalKind, context: CueContext? = nil) {
        self.kind = kind
        self.value = nil
        self.context = context
    }

    /// Parses the lexicon's value column: a reading (`at_risk`) or a kind (`expectation`).
    public init?(parsing text: String, context: CueContext?) {
        let name = text.lowercased().replacingOccurrences(of: "-", with: "_")
        if let value = SignalValue(rawValue: name) {
            self.init(value, context: context)
        } else if let kind = SignalKind(rawValue: name) {
            self.init(followingSentimentOf: kind, context: context)
        } else {
            return nil
        }
    }
}

extension SignalKind {
    /// The reading of a sentiment-following cue for a sentence that leans positive or negative.
    public func reading(positive: Bool) -> SignalValue {
        switch self {
        case .expectation: return positive ? .exceeded : .fellShort
        case .recovery: return positive ? .recovered : .unresolved
        case .loyalty: return positive ? .loyal : .atRisk
        }
    }
}
