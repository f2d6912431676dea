@_exported import RaterCore

/// Everything the lexicons say about one term. One term can play several roles: 慢 is a mildly negative
/// sentiment term and a responsiveness cue; 太 is a degree word.
public struct LexiconEntry: Sendable, Equatable {
    /// Sentiment valence in −4…4, when the term carries sentiment.
    public var valence: Double?
    public var isNegator: Bool
    /// Degree multiplier: >1 intensifies, 0…1 softens, negative softens *and* negates (不太, less).
    public var degree: Double?
    public var contrast: ContrastRole?
    public var irrealis: IrrealisRole?
    /// RATER cues with their weight in (0, 1].
    public var cues: [DimensionCue]
    /// Non-RATER aspect cues (price, product, location).
    public var aspects: [AspectCue] = []
    /// Business signal cues (expectation, recovery, loyalty).
    public var signals: [SignalCue] = []
    /// How many words a negator reaches, when it reaches further than the scorer's default window: negation
    /// raised through a verb of opinion ("I don't think the staff were helpful") negates the opinion's content.
    public var negationScope: Int?
    /// A negator of need (negator file, second column `need`: 不用, 无需, "no need to", "needn't"): what it negates was
    /// not needed, which is not the same as not done. "用了两年都不用修" is no repair that failed, "质量很好，无需退款" no
    /// refund left unresolved, so the scorer's negated-act reading and the recovery signal pass over it. A worry or
    /// chore after it (`isRelief`) is negated as by any negator (不用担心, "no need to worry"); any other opinion keeps
    /// its sign, since saying it was not needed says it happened (没必要这么凶, "no need to be so rude").
    public var isNeedNegator = false
    /// A worry or chore a negator of need takes away (kind `relief`: 担心, 排队, "worry", "queue"): the one kind of
    /// opinion a negator of need negates. Only meaningful on a term with a valence.
    public var isRelief = false
    /// Whether the term is the complaint that opens a recovery story (a recovery cue whose reading follows the
    /// sentiment: 投诉, "complained"): where the case then reads recovered (投诉之后经理亲自道歉, "I complained and the
    /// manager replaced the dish"), it names how the story began, not the verdict on it (`Analyzer`, rule
    /// `recovered_topic`).
    public var opensRecoveryStory: Bool {
        signals.contains { $0.kind == .recovery && $0.role == .followingSentiment }
    }

    /// Whether a negator of need takes the term away (不用退货, 无需投诉, "no need for a refund"): a worry or chore listed
    /// as `relief`, or a word that names a recovery case (a recovery signal cue that is a topic or follows the
    /// sentiment: 退货, 换货, 投诉, "refund", "complained"). Not needing a return or a complaint is the relief the phrase
    /// states, so the chores are a rule over the recovery cues rather than a second list; outcome words (到账, 拒绝)
    /// say how a case stands, not a chore, and are no relief.
    public var isNeedRelief: Bool {
        isRelief || signals.contains { cue in
            guard cue.kind == .recovery else { return false }
            switch cue.role {
            case .topic, .followingSentiment: return true
            default: return false
            }
        }
    }
    /// A function word (kind `function`): never learned as sentiment, dropped from the scoring matcher.
    public var isFunctionWord = false
    /// A particle, concessive adverb or connective (kind `connective`: 倒是, 其实, "actually"): it frames its clause and
    /// says nothing of it, so a learned valence on it counts nothing (`scoredValence`). How often complaints say 倒是
    /// ("admittedly", −0.65 learned) is how often they concede something, and it pulled the praise after it down
    /// (房间倒是挺干净).
    public var isConnective = false
    /// Whether `valence` was induced from labelled comments (a `learned-*` file written by `rater lexicon learn`)
    /// rather than written by hand. A learned valence is corpus statistics: it says how often a word appears in
    /// praise or complaints ("waitress", "table" lean negative in review sets full of complaints), not that the word
    /// states an opinion. The dimension stage uses such terms for a dimension only where no opinion word speaks
    /// about it (see `ClauseTally`); the comment's sentiment counts them as before.
    public var isLearnedValence = false
    /// The files the weights came from (`Lexicon.sources` indexes), for `rater explain`.
    public var weightSources = WeightSources()
    /// A compound (kind `compound`): a word whose inner parts are no terms. Chinese terms of two or more characters
    /// match across ICU's word boundaries, since ICU's dictionary does not know review vocabulary (性价比 is 性|价|比),
    /// so where a term sits inside an ordinary longer word only a list says so: 续费 ("renew") inside 手续费
    /// ("handling fee"), 机柜 ("server cabinet") across 值机柜台 ("check-in counter"). The compound is matched as
    /// a word of its own in the scoring matcher and in every cue layer, so the longest-match walk consumes it
    /// whole and no shorter term starts inside it; it carries no role and reads nothing.
    public var isCompound = false
    /// The valence of a scale word (kind `scale`: 高, "high") where it measures a price: after a cost noun
    /// (`isCostNoun`) in its clause the scorer weighs this instead of `valence`. Elsewhere the word keeps its own
    /// valence, if any: "high" and 高 alone say nothing about whether what is high is good (质量高, "high quality").
    public var scale: Double?
    /// The noun class a scale word measures (kind `scale`, optional third column: "long" measures a `wait`, not a
    /// price), or nil when it measures any (高, "high", "low": 价格高, "wait times were high").
    public var scaleMeasures: ScaleNoun?
    /// A noun a scale word after it measures (kind `scale`, value `cost` or `wait`): what the customer pays (价格, 房价,
    /// "price", "fee") or waits through (排队, 队伍, "queue", "the wait"). Not every price cue is one: a high "value" or
    /// "discount" is good, and 便宜 or "expensive" judge the price themselves.
    public var scaleNoun: ScaleNoun?
    /// Whether the term names what the customer pays (`scaleNoun` `cost`).
    public var isCostNoun: Bool { scaleNoun == .cost }

    /// An exclamation that is an ordinary phrase elsewhere (kind `interjection`: 我去, "damn!", literally "I go"). The
    /// scan counts it only where it closes its clause (`TermMatch.closesClause`): 我去！ is slang, 我去银行 an errand.
    public var isInterjection = false

    /// Whether the term counts only where it closes its clause (`TermMatch.closesClause`): an interjection (我去) or a
    /// lapse ending (不了, `IrrealisRole.lapse`). Elsewhere the scan refuses it and takes the shorter term it hid.
    public var closesClauseOnly: Bool { isInterjection || irrealis == .lapse }

    /// The term's part in "never so X", 从没这么X (kind `exclamative`): a negator of experience or the degree word
    /// after it, which together intensify X instead of negating it. Read by the scorer through the term's entry, so
    /// no word is compared as text per term.
    public var exclamative: ExclamativeRole?

    /// A link of an echoed concession (kind `echo`: 是, 倒是 in 好吃是好吃, 干净倒是干净). Not a term the scorer matches:
    /// the matcher holds the links apart (`EchoLinks`) and the scorer compares the text between two matches with them.
    public var isEchoLink = false

    /// The valence of a remedial act (kind `act`: "fix", "explain", 解释, 道歉) under a negator: "without fixing
    /// anything", "never explained the charge", 没有答复 are complaints. Without a negator the act says nothing of its
    /// own ("promised to fix it", "had to fix it myself"), so a term with only this role scores nothing there; a
    /// learned valence it also has counts there as before, but yields to this role under a negator (a learned 答复
    /// leans negative because customers name the reply they did not get, and negated it read as praise).
    public var negatedAct: Double?

    /// The valence of a remedial act on a charge (kind `remedy`: "reversed", "waived", "cancelled", 免除, 退还) when what
    /// it acts on, the first term after it, is a complaint or a cost noun ("reversed the cancellation fee", "cancelled
    /// the penalty", 免除了违约金, 退还了押金): the charge was taken back, a recovery the customer praises. The object then
    /// counts nothing of its own. Anywhere else the term keeps its own valence, if any ("the flight was cancelled").
    public var remedy: Double?
    /// The term's part in a stated wait (kind `duration`): a time unit, a lead or a marker. Such words are held
    /// apart from the matcher's terms (`Durations`) and read only right after a wait noun, so this role alone adds
    /// no term to match.
    public var duration: DurationRole?
    /// The forms of a verb (kind `inflection`: "order" → orders, ordered, ordering) that stand for it in the signal
    /// cue phrases written with it (`Lexicon.makeCueTerms`). No role in scoring or matching of its own.
    public var inflections: [String] = []
    /// A condition the cue phrases formed with `inflections` must meet as well as the phrase's own (the inflection
    /// line's optional third column): a gerund after "mistake", "regret", "avoid" or "loved" is what was regretted or
    /// enjoyed, not an intent ("Big mistake booking here again", "We loved staying here").
    public var inflectionContext: CueContext?
    /// The term's part in an amount of money said to be small (kind `amount`: 块钱 a unit, $ a prefix, 才 a cheap
    /// word). Units and prefixes are matcher terms; cheap words are held apart (`Amounts`).
    public var amount: AmountRole?

    /// The valence the scorer weighs, or nil when the term scores nothing. A hand-written rule role (degree word,
    /// negator) outweighs a learned valence: the learned weight of 这么 is how often complaints say "so", not an
    /// opinion. So does a connective (`isConnective`) or a contrast word (但是, "though"): the word frames its clause,
    /// and a learned weight on it is corpus style. Everything that lines matches up with the scorer's contributions
    /// reads this, not `valence`.
    public var scoredValence: Double? {
        isLearnedValence && (isNegator || degree != nil || contrast != nil || isConnective) ? nil : valence
    }

    /// Whether the term's only role is a learned valence (`isLearnedValence`): corpus statistics about a string, with
    /// no hand-written role, cue or rule behind it. `rater lexicon learn` counts character runs, so some such terms
    /// are fragments of longer words (联系客 of 联系客服, "contact customer serv-"), and the scan lets one yield to a
    /// word the lexicon knows that it cuts (`MatchScanner`).
    public var isLearnedOnly: Bool {
        isLearnedValence && valence != nil && !isNegator && degree == nil && contrast == nil && irrealis == nil
            && cues.isEmpty && aspects.isEmpty && signals.isEmpty && scale == nil && scaleNoun == nil
            && negatedAct == nil && remedy == nil && !isCompound && !closesClauseOnly && exclamative == nil
    }

    /// Whether the term's only role is being a function word.
    public var isOnlyFunctionWord: Bool {
        isFunctionWord && valence == nil && !isNegator && degree == nil && contrast == nil && irrealis == nil
            && cues.isEmpty && scale == nil && scaleNoun == nil && negatedAct == nil && remedy == nil
    }

    public init(valence: Double? = nil, isNegator: Bool = false, degree: Double? = nil,
                contrast: ContrastRole? = nil, irrealis: IrrealisRole? = nil, cues: [DimensionCue] = []) {
        self.valence = valence
        self.isNegator = isNegator
        self.degree = degree
        self.contrast = contrast
        self.irrealis = irrealis
        self.cues = cues
    }

    /// Layers `other` over this entry: roles `other` defines replace this entry's, the rest are kept.
    mutating func overlay(_ other: LexiconEntry) {
        weightSources.overlay(other.weightSources, of: other)
        if other.valence != nil {
            valence = other.valence
            isLearnedValence = other.isLearnedValence
        }
        if other.isNegator { isNegator = true }
        if other.negationScope != nil { negationScope = other.negationScope }
        if other.isNeedNegator { isNeedNegator = true }
        if other.isRelief { isRelief = true }
        if other.degree != nil { degree = other.degree }
        if other.contrast != nil { contrast = other.contrast }
        if other.irrealis != nil { irrealis = other.irrealis }
        if other.isFunctionWord { isFunctionWord = true }
        if other.isConnective { isConnective = true }
        if other.isCompound { isCompound = true }
        if other.scale != nil { scale = other.scale }
        if other.scaleNoun != nil { scaleNoun = other.scaleNoun }
        if other.scale != nil { scaleMeasures = other.scaleMeasures }
        if other.isInterjection { isInterjection = true }
        if other.exclamative != nil { exclamative = other.exclamative }
        if other.isEchoLink { isEchoLink = true }
        if other.negatedAct != nil { negatedAct = other.negatedAct }
        if other.remedy != nil { remedy = other.remedy }
        if other.duration != nil { duration = other.duration }
        if !other.inflections.isEmpty {
            inflections = other.inflections
            inflectionContext = other.inflectionContext
        }
        if other.amount != nil { amount = other.amount }
        for cue in other.cues {
            cues.removeAll { $0.dimension == cue.dimension }
            cues.append(cue)
        }
        for cue in other.aspects {
            aspects.removeAll { $0.aspect == cue.aspect }
            aspects.append(cue)
        }
        for cue in other.signals {
            signals.removeAll { $0.kind == cue.kind }
            signals.append(cue)
        }
    }

    /// Whether the term says what a comment is about (a dimension, aspect or signal cue).
    public var isCue: Bool { !cues.isEmpty || !aspects.isEmpty || !signals.isEmpty }

    /// Whether the term plays a part in sentiment scoring (valence or a rule word).
    public var isScoring: Bool {
        valence != nil || isNegator || degree != nil || contrast != nil || irrealis != nil || scale != nil || scaleNoun != nil
            || negatedAct != nil || remedy != nil || amount == .unit || amount == .classifier || amount == .prefix
    }
}

public struct DimensionCue: Sendable, Equatable {
    public var dimension: ServiceDimension
    public var weight: Double
    /// Conditions on the surrounding words; nil when the cue is unambiguous.
    public var context: CueContext?

    public init(_ dimension: ServiceDimension, weight: Double, context: CueContext? = nil) {
        self.dimension = dimension
        self.weight = weight
        self.context = context
    }
}

/// How a contrast word re-weighs the clauses around it.
public enum ContrastRole: String, Sendable, Equatable, CaseIterable {
    /// 但是, but: what follows is what the customer means; what went before weighs less.
    case turn
    /// 虽然, although: the clause it opens is conceded and weighs less.
    case concession
    /// 不但, 不仅, "not only": the first half of a correlative. It negates nothing, and the "but (also)" answering it
    /// in its sentence is no turn: both halves say the same thing (see `TurnWords`).
    case correlative
}

/// Why a clause states no settled opinion.
public enum IrrealisRole: String, Sendable, Equatable, CaseIterable {
    case question
    case conditional
    case wish
    /// What the customer did not get: a counterfactual (要是…就好了, "it would have been great if", "if only", "I wish
    /// the staff had"), a suggestion (建议) or a disappointed expectation (本以为). Praise inside it names what was
    /// missing, so it reads as a mild complaint rather than faint praise.
    case counterfactual
    /// A hypothetical result ("would"): on its own it settles nothing ("I would recommend them" is praise), but next
    /// to a conditional in the same sentence it makes the conditional a counterfactual ("would be perfect if the
    /// staff were friendlier").
    case consequent
    /// An inquiry (请问, "does anyone know", "can I"): a request for information. Unlike a bare question it is seldom
    /// a rhetorical complaint, so the words in it count almost nothing either way.
    case inquiry
    /// A polite request (please, kindly, 请): courtesy that usually wraps a complaint ("kindly fix this"). What it
    /// asks for is not praise, so positive words in it do not count; complaints in it count in full.
    case request
    /// A marker of "more than there is" (再, 一点, 一些, "a bit", "more"): on its own it settles nothing, but in a wish
    /// it shows the wish asks for what was missing (希望服务再热情一点) rather than hoping for what is expected
    /// (希望好用, "hope it lasts"). See `ScoringRules.hopefulWish`.
    case shortfall
    /// A past habit or state ("used to"): the clause says how things were, not how they are. Praise in it names what
    /// was lost ("this place used to be great", "I used to love it here, not anymore") and reads as a mild
    /// complaint, as in a counterfactual; a complaint in it keeps half its weight. The verb "use" in a relative
    /// clause ("the app we used to book") is no habit, and the scorer drops the marker there (`RelativeUsedTo`).
    /// Signals: a past habit settles nothing about this case, so it reads no recovery (neither recovered nor
    /// unresolved), expectation or loyalty, only the churn a lost habit states (`UnitMood.reading`).
    case bygone
    /// A retraction ("not anymore"): standing alone as its clause, it takes back the clause before it, which then says
    /// how things were, as a `bygone` marker does ("I loved it here, not anymore" reads as "I used to love it here").
    /// Inside a longer clause it settles nothing (see `Retraction` in the scorer).
    case retraction
    /// The present set against a past (现在, 如今, "now"): settles nothing alone; a `lapse` ending retracts only after
    /// one.
    case present
    /// A time before this one (上次, 以前, 之前, "last time", "previously"): settles nothing alone, but a later clause of
    /// its sentence or the next that opens with a `present` word (这次, 现在, "this time", "now") sets the state now
    /// against it, and turns the comment as a turn word does (上次来服务员态度很差，这次好多了; "Last time the staff were
    /// rude, this time they were lovely"; `TurnWords`).
    case past
    /// A negation ending that says a habit or state has lapsed (不了, 不会了, 不是了, 没有了: "not any more"): in a clause
    /// that is nothing but a `present` word and the ending, a turn word before them allowed (以前很喜欢，现在不了;
    /// 以前常来，但现在不会了), it takes back the clause before it as a `retraction` does. Written as a Chinese clause
    /// ends, it counts only where it closes its clause (`LexiconEntry.closesClauseOnly`): inside one (不了解, 不会了解)
    /// the scan takes the shorter terms there, and 受不了, 少不了 are longer words of their own.
    case lapse
    /// A question that denies what it asks (难道…吗, 这也叫…, 凭什么, "is this what you call…", "how dare they"):
    /// it asserts the opposite of its words, so praise inside it is a complaint ("is this what you call good
    /// service?", 这也叫五星级酒店？) and a complaint keeps its weight. As a plain question it read ×0, neutral.
    case rhetorical
    /// A lukewarm verdict (还行, 凑合, 一般般, "ok I guess", "so-so", "meh"): where every opinion word of a comment is
    /// one, the comment leans but does not judge, so it reads neutral with its lean kept (`Lukewarm` in the scorer);
    /// beside a clear opinion it counts as the mild word it is. Not a clause mood.
    case hedge
    /// A word of going (不见了, 消失了, "gone", "went away", "stopped"): right after a complaint in its clause
    /// (异味消失了, "the noise finally stopped") it says the problem went away, and the complaint reads as taken back
    /// (`GoneProblem` in the scorer). A lapse ending closing its clause (没了, 没有了) does the same. Not a clause mood.
    case gone
    /// A marker of sarcasm standing as a clause of its own ("yeah right"): the praise of its sentence is not meant ("Yeah
    /// right, the best support in town."), and counts as a complaint (`SarcasticPraise` in the scorer). Not a clause
    /// mood.
    case sarcasm

    /// Whether the marker sets the mood of its own clause. A hypothetical result ("would"), a marker of "more" (再),
    /// a retraction, a lapse ending and a present word settle nothing by themselves: each matters only beside
    /// another marker or clause (see `ClauseFactors` and `Retraction` in the scorer).
    public var isClauseMood: Bool {
        switch self {
        case .consequent, .shortfall, .retraction, .present, .past, .lapse, .hedge, .gone, .sarcasm: return false
        case .question, .conditional, .wish, .counterfactual, .inquiry, .request, .bygone, .rhetorical: return true
        }
    }
}
