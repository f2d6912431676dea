/// A cue for a business signal (expectation gap, service recovery, loyalty), with optional context conditions.
///
/// Most cues carry their reading (比预期好 exceeded, 解决了 recovered, 换一家 at risk). Some only say that the
/// signal is there and leave the direction to the sentence's sentiment (没想到 in 没想到这么好吃 versus
/// 没想到这么差; 本以为…结果); their lexicon value is the kind itself (`expectation`, `recovery`, `loyalty`).
/// A negated cue reads the other way (see `SignalValue.negated`).
///
/// Service recovery has two more roles, because a recovery is an event, and a noun does not say whether the event
/// happened: 退款 and "refund" name the *topic* (`topic`), and a nearby *outcome* word says how it stands (到账,
/// "processed" done; 还在处理, "not yet" pending; 会, "promised" promised; 要求, "asked for" requested; 拒绝,
/// "refused" refused). See `RecoveryOutcome`.
public struct SignalCue: Sendable, Equatable {
    /// What the cue does.
    public enum Role: Sendable, Equatable {
        /// The cue has a fixed reading (turned by negation and mood).
        case reading(SignalValue)
        /// The cue announces its kind; the direction follows the sentence's sentiment.
        case followingSentiment
        /// The cue names the topic of a recovery (退款, "refund") and reads nothing without an outcome.
        case topic
        /// The cue says how a nearby recovery stands (到账, 还在处理, 会, 要求, 拒绝).
        case outcome(RecoveryOutcome)
        /// The cue announces a surprise (没想到, "surprised"); the direction follows what the surprise is about: the
        /// sentiment after the cue in its clause, or the sentence's when nothing follows it there.
        case surprise
        /// The cue opens a rhetorical question (怎么会, 难道, "how could I"), which asserts the opposite of its words:
        /// the loyalty and expectation cues after it in its clause read the other way (怎么会不推荐 is loyal). It
        /// reads nothing itself; its kind is nominal.
        case rhetorical
        /// The cue is a short answer, yes (`true`: 当然会, "absolutely") or no (不会, "absolutely not"): the sentence it
        /// makes up answers a loyalty question just before it ("Would I come back? Absolutely not." is at risk). It
        /// reads nothing itself; its kind is nominal.
        case answer(Bool)
        /// The cue names what was booked, agreed or plainly due (订的是, 说好的, 明明, "we booked", "we paid for"): when a
        /// turn (却, 但, "but") or a reveal (结果, 竟然, "instead", `reveal`) follows it in its sentence, what came was
        /// less than that, and the expectation fell short (订的是海景房，结果窗外是停车场), whatever the words of praise
        /// in the booking. Without one it reads nothing (订的是海景房，很满意).
        case agreed
        /// The cue reveals what came instead of what was expected (结果, 竟然, 居然, "instead", "only to find"): it reads
        /// nothing itself, but after an `agreed` cue in its sentence it says the expectation fell short.
        case reveal
        /// The cue names what the service is compared with (比上次, 比承诺的, "than last time", "than promised"): the
        /// comparative beside it says which way the expectation went, a `comparative` cue or an opinion word ("faster
        /// than last time" exceeded, 比约定的晚了两天 fell short). In English the comparative stands before it, in
        /// Chinese after it. Without one it follows the sentence's sentiment, as a cue that only announces its kind.
        case comparison
        /// A comparative with no sentiment of its own that says which way a comparison went: better (`true`: 早, 短,
        /// "sooner", "earlier") or worse (晚, 长, "later", "longer"). It reads nothing itself; its kind is nominal.
        case comparative(Bool)
        /// Someone other than the writer as the subject of what follows (他, 她, 师傅, "she", "they", "my friend
        /// said"): a loyalty cue after it in its clause, with no opinion word between, is their intent or their visit
        /// ("my friend said she'd never go back", 师傅说明天再来), not the customer's. It reads nothing itself.
        case otherParty
        /// The writer as the subject (我, 我们, "I", "we"): nearer a loyalty cue than any `otherParty` word, it makes the
        /// intent the customer's again ("she loved it and we'll be back"). It reads nothing itself.
        case ownParty
        /// The cue reports the business's own word that a failure was put right (说是, 显示, 声称, "claimed",
        /// "apparently", "marked … as"): a recovery read after it in its clause is only claimed, and when the writer
        /// disputes it after (a turn, a reveal or a `persisting` word: 说是修好了，结果还是坏的, "they closed the ticket as
        /// resolved but the server is still down") the case is unresolved. It reads nothing itself.
        case claimed
        /// The cue says the failure is still there (还是, 照样, 依然, "still"): after a claimed recovery it disputes the
        /// claim. It reads nothing itself.
        case persisting
    }

    public var kind: SignalKind
    public var role: Role
    public var context: CueContext?

    /// The fixed reading, or nil when the reading follows the sentence's sentiment or the cue's neighbours.
    public var value: SignalValue? {
        if case let .reading(value) = role { return value }
        return nil
    }

    public init(_ value: SignalValue, context: CueContext? = nil) {
        self.kind = value.kind
        self.role = .reading(value)
        self.context = context
    }

    public init(followingSentimentOf kind: SignalKind, context: CueContext? = nil) {
        self.kind = kind
        self.role = .followingSentiment
        self.context = context
    }

    private init(kind: SignalKind, role: Role, context: CueContext?) {
        self.kind = kind
        self.role = role
        self.context = context
    }

    /// A recovery topic (退款, "refund") or a recovery outcome word (到账, "pending").
    public init(recovery role: Role, context: CueContext? = nil) {
        self.kind = .recovery
        self.role = role
        self.context = context
    }

    /// The lexicon value column's words beyond the readings and kinds: the recovery topic and outcome roles.
    public static let recoveryRoleNames = ["topic"] + RecoveryOutcome.allCases.map(\.rawValue)
    /// The lexicon value column's words for cues that shape other readings: a surprise and a rhetorical opener.
    public static let modifierRoleNames = ["surprise", "rhetorical", "answer_yes", "answer_no", "agreed", "reveal",
                                            "comparison", "comparative_better", "comparative_worse", "other_party",
                                            "own_party", "claimed", "persisting"]

    /// Parses the lexicon's value column: a reading (`at_risk`), a kind (`expectation`), or a recovery role
    /// (`topic`, `done`, `prompt`, `pending`, `promised`, `requested`, `refused`), a surprise (`surprise`), a
    /// rhetorical opener (`rhetorical`), a short answer (`answer_yes`, `answer_no`), a comparison and its comparatives
    /// (`comparison`, `comparative_better`, `comparative_worse`), a party (`other_party`, `own_party`) or a claimed
    /// recovery and its dispute (`claimed`, `persisting`).
    public init?(parsing text: String, context: CueContext?) {
        let name = text.lowercased().replacingOccurrences(of: "-", with: "_")
        if let value = SignalValue(rawValue: name) {
            self.init(value, context: context)
        } else if let kind = SignalKind(rawValue: name) {
            self.init(followingSentimentOf: kind, context: context)
        } else if name == "topic" {
            self.init(recovery: .topic, context: context)
        } else if name == "surprise" {
            self.init(kind: .expectation, role: .surprise, context: context)
        } else if name == "rhetorical" {
            self.init(kind: .loyalty, role: .rhetorical, context: context)
        } else if name == "agreed" || name == "reveal" {
            self.init(kind: .expectation, role: name == "agreed" ? .agreed : .reveal, context: context)
        } else if name == "comparison" {
            self.init(kind: .expectation, role: .comparison, context: context)
        } else if name == "comparative_better" || name == "comparative_worse" {
            self.init(kind: .expectation, role: .comparative(name == "comparative_better"), context: context)
        } else if name == "other_party" || name == "own_party" {
            self.init(kind: .loyalty, role: name == "other_party" ? .otherParty : .ownParty, context: context)
        } else if name == "claimed" || name == "persisting" {
            self.init(kind: .recovery, role: name == "claimed" ? .claimed : .persisting, context: context)
        } else if name == "answer_yes" || name == "answer_no" {
            self.init(kind: .loyalty, role: .answer(name == "answer_yes"), context: context)
        } else if let outcome = RecoveryOutcome(rawValue: name) {
            self.init(recovery: .outcome(outcome), context: context)
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
