/// The kinds of lexicon file, as named by a file's `# kind:` header line.
public enum LexiconKind: String, Sendable, CaseIterable {
    case sentiment
    case negator
    case degree
    case contrast
    case irrealis
    case dimension
    /// A non-RATER aspect cue: term, aspect (price, product, location), weight [, context].
    case aspect
    /// A business signal cue: term, signal value (exceeded, met, fell_short, recovered, unresolved, loyal,
    /// at_risk) [, context].
    case signal
    /// Closed-class words (the, was, i) that carry no sentiment: `rater lexicon learn` never learns them, and the
    /// scorer never sees them.
    case function
    /// Words whose inner parts are no terms (手续费, "handling fee", holds the renewal cue 续费; 快捷酒店, "budget hotel",
    /// the praise 快捷): a term that starts or ends strictly inside one is not matched, in any layer (see
    /// `LexiconEntry.isCompound`).
    case compound
    /// Scale words and the cost nouns they measure: term, valence or `cost`. A scale word (高, 低, "high", "low")
    /// says nothing alone ("high quality", 质量高); after a cost noun (`cost`: 价格, 房价, "price", "fee") in its clause
    /// it measures what the customer pays and takes the valence given (房价太高了, "the price is too high" are
    /// complaints; 价格很低, "low prices" praise).
    case scale
    /// Exclamations that are ordinary words elsewhere (我去 "damn!", literally "I go"): term. Such a term counts only
    /// where it closes its clause (我去！, 我去，…); at the start of an ordinary sentence (我去银行办事, "I went to the
    /// bank") it is no term. It gives no valence itself: the valence comes from another file (a learned one for 我去).
    case interjection
    /// The two halves of an exclamative comparison with everything ever met ("never so rude", 从没这么失望过): term,
    /// role. `experiential` marks a negator of experience (never, 从没), `degree` a degree word that makes the
    /// exclamative after it (so, such a, 这么): together they intensify the term instead of negating it. Each term
    /// needs its negator or degree role from another file (`ExclamativeRole`).
    case exclamative
    /// A link word of an echoed concession (是, 倒是: 好吃是好吃，就是太贵了): term. A term repeated around one concedes
    /// its clause like 虽然 and counts once. It is no term of its own: only the text between two matches is compared
    /// with it (`EchoLinks`).
    case echo
    /// Remedial acts the customer wanted done (fix, explain, apologise; 解释, 道歉): term, valence when negated. Alone
    /// such a word says nothing ("they promised to fix it", "had to fix it myself"); under a negator it says the act
    /// was not done ("closed my ticket without fixing anything", "never explained the charge", 没有答复), a
    /// complaint, and the negation is spent on it rather than reaching the object after it.
    case act
    /// Remedial acts on a charge ("reversed", "waived", "cancelled"; 免除, 退还): term, valence on a charge. Before a
    /// complaint or a cost noun ("reversed the cancellation fee", 免除了违约金) the charge was taken back: the act takes
    /// the valence given and the object counts nothing of its own (`LexiconEntry.remedy`).
    case remedy
    /// The words of a stated wait (分钟, "minutes", 足足, "about", 才, 就): term, then a unit's length in minutes,
    /// `lead` for a word that may stand between the wait word and the number, or `slow` / `quick` for a word right
    /// after the duration that says how the customer took it (`DurationRole`). A duration stated right after a wait
    /// noun (kind `scale`, `wait`: 等了, 排队, "waited", "took") measures the wait by the `wait-bound` table.
    case duration
    /// Worries and chores a negator of need takes away (担心, 排队, "worry", "queue"): term. Under 不用, "no need to" such
    /// a term is negated as by any negator (不用担心 is relief); any other opinion after a negator of need is the
    /// complaint it names and keeps its sign (没必要这么凶, "no need to be so rude"; `LexiconEntry.isRelief`).
    case relief
    /// How a stated wait weighs by its length: minutes, valence (`WaitBounds`). One table is in force: a file of
    /// this kind replaces the table before it, so an industry profile's replaces the base one.
    case waitBound = "wait-bound"
    /// The forms of a verb a cue phrase may hold it in: base, forms ("order" → "orders ordered ordering"). A signal
    /// cue phrase written with the base ("order from them again") is matched with any form in its place ("never
    /// ordering from them again"), with the phrase's reading and conditions, unless a line of its own gives that
    /// form (`Lexicon.makeCueTerms`). No term of its own: the word is matched only inside a cue phrase.
    case inflection
    /// The words of an amount of money said to be small (挂号费才五块钱, "only $5 for parking"): term, role (`unit` for
    /// a currency word after the number, `prefix` for a sign before it, `cheap` for 才, "only"). See `Amounts`.
    case amount
    /// Particles, concessive adverbs and connectives that frame a clause and say nothing of it (倒是, 其实, 而且,
    /// "actually", "besides"): term. Such a word carries no learned valence (`LexiconEntry.scoredValence`) and
    /// `rater lexicon learn` never learns it nor pairs with it, even with `--learn-function-words`.
    case connective

    /// How many TAB-separated columns a data line of this kind has.
    var columnCount: Int {
        switch self {
        case .negator, .function, .compound, .interjection, .echo, .relief, .connective: return 1
        case .sentiment, .degree, .contrast, .irrealis, .scale, .exclamative, .act, .remedy, .duration, .waitBound,
             .inflection, .amount:
            return 2
        case .dimension, .aspect: return 3
        case .signal: return 2
        }
    }
}
