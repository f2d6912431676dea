/// What a lexicon term can be when it is one piece of an ICU word that several terms cover (see `MatchScanner`).
///
/// ICU's dictionary knows ordinary words the lexicons do not: 无线, 不但, 无非, 不得不. Covering such a word with a
/// one-character rule word (无, 不, 但) and whatever else happens to be a term reads a negation, a turn or a question
/// into an ordinary word. A one-character rule word therefore counts inside a longer ICU word only when the rest of
/// the word is opinion (不贵, 很好, 不太 + 好): hand-written sentiment terms, with degree words between; or when the
/// word is a degree word and a negator only (很不, 太不), which modify the word after it.
///
/// Learned one-character terms are corpus statistics about a character, not words: 银 (+1.3) and 行 (+0.5) covered
/// 银行 ("bank"), so every mention of a bank was praise, and 办 + 事 read 办事 ("run an errand") as a complaint. A
/// learned one-character term therefore counts inside a longer ICU word only beside degree words (很 + X), never
/// as a piece that makes up the word with other terms.
enum CoverRole: UInt8, Sendable {
    /// A negator without a valence of its own.
    case negator
    /// A contrast or irrealis word without a valence of its own.
    case ruleWord
    /// A hand-written sentiment term (a learned valence is corpus statistics, not an opinion: 线 in 无线).
    case opinion
    /// A degree word without a valence.
    case degree
    /// A term whose valence was learned from labelled comments (`LexiconEntry.isLearnedValence`).
    case learned
    case other

    init(_ entry: LexiconEntry) {
        // The valence the scorer weighs: a learned weight on a degree word or negator (这么, 很) yields to that role,
        // as in the scorer, so such a piece is the degree word or rule word here too.
        let valence = entry.scoredValence
        // A scale word (高, 低) is an opinion where it measures a price: 不高 and 很低 are covered as 不贵 and 很贵 are.
        // So is a remedial act (解释, 修), which a negator before it turns into a complaint: 没修 is covered as 不好 is;
        // and a remedy on a charge (退还, 免除), whose negation (不退还) is a complaint too.
        if entry.scale != nil || entry.negatedAct != nil || entry.remedy != nil {
            self = .opinion
        } else if let valence, valence != 0, !entry.isLearnedValence {
            self = .opinion
        } else if let valence, valence != 0, entry.isLearnedValence {
            self = .learned
        } else if valence == nil, entry.isNegator {
            self = .negator
        } else if valence == nil, entry.contrast != nil || entry.irrealis != nil {
            self = .ruleWord
        } else if valence == nil, entry.degree != nil {
            self = .degree
        } else {
            self = .other
        }
    }

    /// Whether a cover of an ICU word by these pieces (particles left out) reads the word as the terms say.
    /// `isSingleCharacter[i]`: whether piece `i` is one character long.
    static func accepts(_ roles: some Collection<CoverRole>, isSingleCharacter: some Collection<Bool>) -> Bool {
        guard roles.count >= 2 else { return true }
        if zip(roles, isSingleCharacter).contains(where: { $0 == .learned && $1 }) {
            // The learned character and degree words only (很 + 贵 where 贵 is learned).
            let others = zip(roles, isSingleCharacter).filter { !($0 == .learned && $1) }.map(\.0)
            return others.count == roles.count - 1 && others.allSatisfy { $0 == .degree }
        }
        guard zip(roles, isSingleCharacter).contains(where: { ($0 == .ruleWord || $0 == .negator) && $1 }) else {
            return true
        }
        // A degree word fused with a negator (ICU's dictionary has 很不, 太不, 真不, 最不, 更不 and 很没 as words) modifies
        // the word after it, as the two would apart: uncovered, 房间很不干净 and 他太不专业了 read as praise.
        if roles.contains(.degree), roles.allSatisfy({ $0 == .degree || $0 == .negator }) { return true }
        var sawOpinion = false
        for (role, single) in zip(roles, isSingleCharacter) {
            switch role {
            case .opinion: sawOpinion = true
            case .degree: continue
            case .ruleWord, .negator: if !single { return false }
            case .learned, .other: return false
            }
        }
        return sawOpinion
    }
}
