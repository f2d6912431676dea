/// What a lexicon term can be when it is one piece of an ICU word that several terms cover (see `MatchScanner`).
///
/// ICU's dictionary knows ordinary words the lexicons do not: 无线, 不但, 无非, 不得不. Covering such a word with a
/// one-character rule word (无, 不, 但) and whatever else happens to be a term reads a negation, a turn or a question
/// into an ordinary word. A one-character rule word therefore counts inside a longer ICU word only when the rest of
/// the word is opinion (不贵, 很好, 不太 + 好): hand-written sentiment terms, with degree words between.
enum CoverRole: UInt8, Sendable {
    /// A negator, contrast or irrealis word without a valence of its own.
    case ruleWord
    /// A hand-written sentiment term (a learned valence is corpus statistics, not an opinion: 线 in 无线).
    case opinion
    /// A degree word without a valence.
    case degree
    case other

    init(_ entry: LexiconEntry) {
        if let valence = entry.valence, valence != 0, !entry.isLearnedValence {
            self = .opinion
        } else if entry.valence == nil, entry.isNegator || entry.contrast != nil || entry.irrealis != nil {
            self = .ruleWord
        } else if entry.valence == nil, entry.degree != nil {
            self = .degree
        } else {
            self = .other
        }
    }

    /// Whether a cover of an ICU word by these pieces (particles left out) reads the word as the terms say.
    /// `isSingleCharacter[i]`: whether piece `i` is one character long.
    static func accepts(_ roles: some Collection<CoverRole>, isSingleCharacter: some Collection<Bool>) -> Bool {
        guard roles.count >= 2,
              zip(roles, isSingleCharacter).contains(where: { $0 == .ruleWord && $1 }) else { return true }
        var sawOpinion = false
        for (role, single) in zip(roles, isSingleCharacter) {
            switch role {
            case .opinion: sawOpinion = true
            case .degree: continue
            case .ruleWord: if !single { return false }
            case .other: return false
            }
        }
        return sawOpinion
    }
}
