/// One term's part in a comment's score, with every rule that changed it: the explanation analysts read.
public struct Contribution: Sendable, Equatable {
    /// The term as the customer wrote it.
    public var term: String
    /// The clause it sits in (index into `ScoredComment.clauses`).
    public var clause: Int
    /// The lexicon valence, −4…4.
    public var base: Double
    public var rules: [AppliedRule]
    /// The valence after every rule: what the term adds to the comment.
    public var weight: Double
    /// The match it scores (index into `ScoredComment.matches`), so later stages find its place without repeating
    /// the scorer's decisions; −1 when unknown.
    public var match: Int
    /// Whether the weight is corpus statistics (`LexiconEntry.isLearnedValence`) rather than an opinion: false for
    /// a learned word a hand-written rule gave its valence (高 after 价格, see `LexiconEntry.scale`).
    public var isLearned: Bool

    public init(term: String, clause: Int, base: Double, rules: [AppliedRule], weight: Double, match: Int = -1,
                isLearned: Bool = false) {
        self.term = term
        self.clause = clause
        self.base = base
        self.rules = rules
        self.weight = weight
        self.match = match
        self.isLearned = isLearned
    }
}

/// A scoring rule applied to a term, with the words that triggered it.
public enum AppliedRule: Sendable, Equatable, CustomStringConvertible {
    case negated(by: String)
    case doubleNegated(by: [String])
    case intensified(by: String, factor: Double)
    case softened(by: String, factor: Double)
    /// A softening negator such as 不太 or "less".
    case softNegated(by: String, factor: Double)
    case afterContrast(by: String, factor: Double)
    case beforeContrast(by: String, factor: Double)
    case conceded(by: String, factor: Double)
    case irrealis(role: String, by: String, factor: Double)
    case emphasis(kind: String, factor: Double)
    case finalClause(factor: Double)
    /// A scale word (高, "high") measuring the price named before it in its clause (`LexiconEntry.scale`).
    case priceScale(by: String)
    /// A scale word (少, 多) measuring the quantity named before it in its clause (分量, 菜量, 肉: `ScaleNoun.quantity`).
    case quantityScale(by: String)
    /// A word of absence (disappeared, 不见了) after the staff named before it in its clause (`ScaleNoun.staff`):
    /// the staff were gone, weighed at the word's scale valence.
    case absentStaff(by: String)
    /// A remedial act ("fix", 解释) under a negator: the act not done, weighed at its negated valence
    /// (`LexiconEntry.negatedAct`); the negators are named.
    case negatedAct(by: String)
    /// A scale word ("long", 长) measuring the wait named before it in its clause (排队, "queues").
    case waitScale(by: String)
    /// A noun a scale word after it measures ("fees" in "the fees were low"): it counts nothing of its own (×0).
    case measuredBy(String)
    /// Praise that could go no further ("couldn't recommend them more", `UnsurpassedPraise`): the term ×factor, a
    /// negative phrase holding the negator ("can't recommend") by a negative one.
    case unsurpassed(by: String, factor: Double)
    /// A remedial act on a charge ("reversed the cancellation fee", 免除了违约金; `LexiconEntry.remedy`): the act weighs
    /// its valence on a charge; the object is named.
    case remedy(on: String)
    /// The charge a remedial act took back ("the cancellation fee" after "reversed"): it counts nothing of its own (×0).
    case remediedBy(String)
    /// A weak learned term under a negator (`ScoringRules.negatedWeakLearned`): a lean, not an opinion, so the
    /// negation neither flips nor keeps it ("nobody *told* us" is no praise).
    case negatedLean(by: String, factor: Double)
    /// An amount of money said to be small (挂号费才五块钱, "only $5"; kind `amount`): it weighs
    /// `ScoringRules.cheapAmount`, and the currency word's own leaning gives way; the cheap word is named.
    case cheapAmount(by: String)
    /// A word of a clause whose case reads recovered that is no opinion of this case, so it counts nothing (×0): a
    /// negative learned weight (退款, 客服 in 退款三天就到账了: how often complaints name the word), or the complaint
    /// that opens the story (投诉 in 投诉之后经理亲自道歉, "complained" before "the manager replaced the dish").
    case recoveredTopic
    /// An opinion after a negator of need that is no worry or chore (`LexiconEntry.isRelief`): "no need to be so rude",
    /// 没必要这么凶 say it happened, so the negator leaves the term's sign as it is (×1); the negators are named.
    case unneeded(by: String)

    /// A short machine-readable name, for JSON and filters.
    public var name: String {
        switch self {
        case .negated: return "negated"
        case .doubleNegated: return "double_negated"
        case .intensified: return "intensified"
        case .softened: return "softened"
        case .softNegated: return "soft_negated"
        case .afterContrast: return "after_contrast"
        case .beforeContrast: return "before_contrast"
        case .conceded: return "conceded"
        case .irrealis: return "irrealis"
        case .emphasis: return "emphasis"
        case .finalClause: return "final_clause"
        case .priceScale: return "price_scale"
        case .quantityScale: return "quantity_scale"
        case .absentStaff: return "absent_staff"
        case .negatedAct: return "negated_act"
        case .waitScale: return "wait_scale"
        case .measuredBy: return "measured"
        case .unsurpassed: return "unsurpassed"
        case .remedy: return "remedy"
        case .remediedBy: return "remedied"
        case .negatedLean: return "negated_lean"
        case .cheapAmount: return "cheap_amount"
        case .recoveredTopic: return "recovered_topic"
        case .unneeded: return "unneeded"
        }
    }

    /// The word or words that triggered the rule, if any.
    public var trigger: String? {
        switch self {
        case let .negated(word), let .intensified(word, _), let .softened(word, _), let .softNegated(word, _),
             let .afterContrast(word, _), let .beforeContrast(word, _), let .conceded(word, _),
             let .irrealis(_, word, _), let .priceScale(word), let .quantityScale(word), let .absentStaff(word),
             let .negatedAct(word),
             let .waitScale(word), let .measuredBy(word), let .unsurpassed(word, _), let .remedy(word),
             let .remediedBy(word), let .negatedLean(word, _), let .cheapAmount(word), let .unneeded(word):
            return word
        case let .doubleNegated(words): return words.joined(separator: " ")
        case let .emphasis(kind, _): return kind
        case .finalClause, .recoveredTopic: return nil
        }
    }

    public var description: String {
        switch self {
        case let .negated(word): return "negated by '\(word)'"
        case let .doubleNegated(words): return "double negation '\(words.joined(separator: "…"))' (softened)"
        case let .intensified(word, factor): return "intensified by '\(word)' ×\(Self.format(factor))"
        case let .softened(word, factor): return "softened by '\(word)' ×\(Self.format(factor))"
        case let .softNegated(word, factor): return "softly negated by '\(word)' ×\(Self.format(factor))"
        case let .afterContrast(word, factor): return "after contrast '\(word)' ×\(Self.format(factor))"
        case let .beforeContrast(word, factor): return "before contrast '\(word)' ×\(Self.format(factor))"
        case let .conceded(word, factor): return "conceded by '\(word)' ×\(Self.format(factor))"
        case let .irrealis(role, word, factor): return "\(role) ('\(word)') ×\(Self.format(factor))"
        case let .emphasis(kind, factor): return "emphasis: \(kind) ×\(Self.format(factor))"
        case let .finalClause(factor): return "closing clause ×\(Self.format(factor))"
        case let .priceScale(word): return "measures the price '\(word)'"
        case let .quantityScale(word): return "measures the quantity '\(word)'"
        case let .absentStaff(word): return "says the staff '\(word)' were gone"
        case let .negatedAct(word): return "act not done, negated by '\(word)'"
        case let .waitScale(word): return "measures the wait '\(word)'"
        case let .measuredBy(word): return "measured by '\(word)' after it ×0"
        case let .unsurpassed(word, factor): return "praise that could go no further '\(word)' ×\(Self.format(factor))"
        case let .remedy(word): return "remedy on the charge '\(word)'"
        case let .remediedBy(word): return "taken back by '\(word)' before it ×0"
        case let .negatedLean(word, factor): return "learned lean negated by '\(word)' ×\(Self.format(factor))"
        case let .cheapAmount(word): return "an amount said to be small by '\(word)'"
        case .recoveredTopic: return "word of a recovered case, no verdict on it ×0"
        case let .unneeded(word): return "said not needed by '\(word)', not negated"
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
