/// The factors the sentiment rules use. Defaults are chosen to be explainable and were checked against the
/// development sets; every factor is documented where it applies so an analyst can predict a score by hand.
public struct ScoringRules: Sendable, Equatable {
    /// How many words may stand between a negator or degree word and the term it modifies.
    public var modifierWindow = 3
    /// Terms weaker than this (|valence|) do not close a negation's scope.
    public var weakTerm = 1.0
    /// A raised negation (a negator with a scope of its own, "don't think", 不认为) closes only at a term at least this
    /// strong: "I don't think *their* service is *good*" negates "good", not the possessive on the way.
    public var raisedNegationTarget = 2.0
    /// A negated positive term keeps this share of its strength as a negative ("not good" ≈ −0.75 × good).
    public var negatedPositive = 0.75
    /// A negated negative term turns mildly positive ("not bad" ≈ +0.5 × |bad|).
    public var negatedNegative = 0.5
    /// A negated negative learned term weaker than `negatedLearnedLimit` counts this share of its weight (×0: nothing).
    /// A learned weight says how often a word turns up in complaints or praise ("told" −0.81, 服 −1.4), not an
    /// opinion a negator could turn: "nobody told us at check-in" read as praise (+0.41). A strong learned term and
    /// every hand-written one keep the flip ("not bad"). Measured 2026-11-28 (debug harness, labels as `rater eval`):
    /// zh development set +31 comments right (strict), UCI, service gold zh/en unchanged; applied to weak learned
    /// praise as well it lost 5 UCI and 10 zh comments, so negated learned praise keeps its flip.
    public var negatedWeakLearned = 0.0
    /// How strong a negative learned lean may be and still count as weak under a negator (`negatedWeakLearned`):
    /// "No one ever calls back" took a learned `calls` −1.48, negated, as praise (+0.74; a user-side review).
    /// Measured 2026-11-29: 1.0 → 1.5 puts one more zh shopping comment right (0.909 → 0.910), UCI, team zh/en,
    /// MAMS, SemEval and the team RATER sets unchanged; 2.0 lost team en 0.833 → 0.825.
    public var negatedLearnedLimit = 1.5
    /// Double negation (不是不好) keeps the original polarity, softened.
    public var doubleNegation = 0.6
    /// Stacked intensifiers ("really very", 非常非常) multiply, but together never beyond this factor, so a run of
    /// them cannot grow a score without bound. Any two degree words stay below it (the strongest pair is 1.8² ≈ 3.2,
    /// and 真的很, 非常非常 are common); a cap of 2 changed 504 scores and 4 labels of the zh development set.
    public var maxIntensification = 4.0
    /// A negated intensifier ("not very good", 不是很好) becomes a soft negation. After a negator of experience the
    /// degree words listed in `exclamatives.tsv` make an exclamative instead ("never so rude", 从没这么失望过:
    /// intensified, not negated; `ExclamativeRole`): the words are lexicon data, not factors.
    public var negatedIntensifier = -0.45
    /// Praise under a negated ability with "more" or "enough" closing its clause ("I couldn't recommend them more",
    /// "can't thank the nurses enough"; `UnsurpassedPraise`) could go no further: intensified by this factor, as
    /// "could not have been more" is, instead of negated.
    public var unsurpassedPraise = 1.6
    /// How many words after a cost noun (价格, "price") a scale word (高, "high") may stand and still measure the
    /// price: "the prices were way too high" is five, 价格也比较高 three. Further on the clause has usually moved
    /// to something else ("the price included breakfast and the quality was high").
    public var priceScaleReach = 5
    /// How many words after a remedial act on a charge ("reversed", 免除; `LexiconEntry.remedy`) its object may start:
    /// "waived the late fee" and 免除了违约金 are two, one word (an article, a pronoun, 了) between; "waived the joining
    /// fee" and "reversed my duplicate payment" three, with a modifier that is no term. Further on the first term is
    /// seldom what was acted on ("cancelled my order twice": "twice" is no charge).
    public var remedyReach = 3
    /// What an amount of money said to be small weighs (挂号费才五块钱, "only $5 for parking"; kind `amount`): mild
    /// praise of the price, as a low price (低, "low" +1 after a cost noun) is.
    public var cheapAmount = 1.0
    /// Clauses after a turn (但是, but) weigh more, clauses before it less.
    public var afterTurn = 1.5
    public var beforeTurn = 0.6
    /// A conceded clause (虽然…, although…) weighs less and the clause after it more.
    public var conceded = 0.5
    public var afterConcession = 1.3
    /// Questions, conditionals and wishes state no settled opinion. Positive terms in them count little
    /// ("is it any good?"); negative terms keep more, because complaining questions are usually rhetorical
    /// ("why is it so slow?").
    /// A polite request ("please be more careful", 请尽快发货) asks for what was missing: positive words in it count
    /// nothing, negative ones fully ("kindly replace the broken kettle"), and request phrases such as "please fix"
    /// carry a mild negative valence of their own in the lexicons.
    /// An inquiry (请问, "can I", "does anyone know") asks for information: negative words in it are usually topics
    /// ("can I get an invoice?"), not complaints; only a clear complaint (see `inquiryStrongNegative`) keeps ×0.5.
    /// A wish or suggestion (希望, 建议, hope) asks for what is not there: positive words in it count nothing, and
    /// every negative one keeps ×0.6 ("希望服务员态度能好一点" is no praise).
    /// A counterfactual (要是…就好了, "would have been great if", 本以为, "I wish") names what was missing:
    /// a positive term in it is a mild complaint (×−0.25), every negative term keeps ×0.6.
    /// A wish with no marker of "more" (`IrrealisRole.shortfall`: 再, 一点, "a bit") hopes for what is expected
    /// (希望好用, 希望是正品, "hope it lasts"): positive terms in it keep ×0.3, a hopeful close to a review.
    public var hopefulWish = 0.3
    /// A rhetorical question (难道…吗, "is this what you call good service?") denies its words: a positive term in it is
    /// a complaint (×−0.75), every negative one keeps its full weight.
    /// A past habit or state ("used to be great") names what was lost like a counterfactual: a positive term in it is
    /// a mild complaint (×−0.25), a negative one (a complaint that may no longer hold) keeps ×0.5.
    public var irrealisPositive: [String: Double] = ["question": 0.0, "conditional": 0.2, "wish": 0.0, "request": 0.0,
                                                     "inquiry": 0.0, "counterfactual": -0.25, "bygone": -0.25,
                                                     "rhetorical": -0.75]
    public var irrealisNegative: [String: Double] = ["question": 0.5, "conditional": 0.5, "wish": 0.6, "request": 1.0,
                                                     "inquiry": 0.5, "counterfactual": 0.6, "bygone": 0.5,
                                                     "rhetorical": 1.0]
    /// Praise the writer does not mean (`SarcasticPraise`): a lone "Great," opening a sentence whose rest is a complaint
    /// ("Great, another two-hour wait", 太棒了，又等了两个小时), or praise in scare quotes (真是太"专业"了). It counts as a
    /// complaint, as praise in a rhetorical question does.
    public var sarcasticPraise = -0.75
    /// A comment whose only opinion words are hedges (还行吧, "ok I guess"; `Lukewarm`) leans by this share of the label
    /// threshold on its side: neutral, its sign kept.
    public var lukewarmLean = 0.8
    /// A complaint a lone retraction takes back (以前经常断网，现在没有了; "the app kept crashing, but not anymore") says
    /// things got better: its negative terms read as mild praise, the mirror of praise taken back (×−0.25). A plain
    /// "used to" keeps `irrealisNegative["bygone"]`: it does not say the fault is gone.
    public var retractedComplaint = -0.25
    /// Only a clearly negative term (at most this valence after modifiers) keeps the negative irrealis factor;
    /// weaker ones are treated like positive terms, since faint evidence inside a question is no complaint.
    public var irrealisStrongNegative = -1.0
    /// The same limit inside an inquiry, where only a clearly negative term (−2 or below) is a complaint.
    public var inquiryStrongNegative = -2.0
    /// Emphasis: a word in capitals in a comment that is not all capitals, an elongated word (sooo), and each
    /// exclamation mark closing the clause (up to three).
    public var capitals = 1.3
    public var elongation = 1.2
    public var perExclamation = 0.15
    /// The last sentence of a comment with several sentences is usually the verdict.
    public var finalSentence = 1.25
    /// score = (positive − negative) / (positive + negative + damping): keeps one mild word from reading as ±1.
    public var damping = 1.0

    public init() {}
}
