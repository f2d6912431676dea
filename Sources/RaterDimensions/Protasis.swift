import RaterLexicon
import RaterScore

/// Whether a clause is the consequence of a condition stated in an earlier clause of its sentence (如果上菜能快一点，我
/// 可能还会再来; "If they fix the slow service, I might come back"). The scorer's conditional marker governs its own
/// clause only, so the return promised after the comma read as a settled one; it depends on what the business has
/// not yet done, and a conditional return is dropped as in one clause (`UnitMood.reading`), while a conditional
/// threat to leave stays at risk (如果再这样，我就换一家).
///
/// A condition put to the reader is advice, not the customer's own condition: "If you like spicy food, I recommend
/// this place", 如果你喜欢川菜，强烈推荐 are settled recommendations, so a condition whose clause names the reader (you,
/// your, 你, 您) is passed over.
///
/// Loyalty and expectation only: a recovery after a condition is most often a habit told ("if anything goes wrong,
/// they fix it at once"), which a conditional mood would read as an open case.
///
/// A namespace: the comment and matcher are borrowed per call.
enum Protasis {
    /// How far back a condition reaches: the clause before, or the one before that (如果下次态度好一点，上菜快一点，
    /// 我还会来). A code review found the whole sentence too far: a comma-chained Chinese comment is one sentence.
    static let reach = 2
    /// How many words may open a clause before its conditional marker (服务要是能好点, 你们如果改进; "If they …").
    /// Further in, "if" is no condition on what follows ("I called to ask if they had a table for six, and we will
    /// definitely be back").
    static let markerOpening = 3

    /// Whether one of the `reach` clauses before `unit` in its sentence opens with a conditional marker (如果, 要是,
    /// "if", "unless"), does not name the reader, and is a condition on something to come: not a parenthesis ("if
    /// I'm honest", "if anything") and not a counterfactual cause (如果不是朋友推荐, 要不是, "if it weren't for").
    static func governs(unit index: Int, in scored: borrowing ScoredComment, scoring: borrowing TermMatcher) -> Bool {
        let unit = scored.units[index]
        var earlier = index - 1
        var clausesBack = 0
        var lastClause = unit.clause
        while earlier >= 0 && scored.units[earlier].sentence == unit.sentence {
            let candidate = scored.units[earlier]
            earlier -= 1
            guard candidate.clause != unit.clause else { continue }
            if candidate.clause != lastClause {
                clausesBack += 1
                lastClause = candidate.clause
            }
            guard clausesBack <= reach else { return false }
            guard let marker = candidate.matches.first(where: { match in
                scoring.entries[Int(scored.matches[match].entry)].irrealis == .conditional
            }) else { continue }
            if opensWithCondition(candidate, marker: scored.matches[marker], in: scored)
                && !namesReader(candidate, in: scored) {
                return true
            }
        }
        return false
    }

    /// Words after "if" that make a parenthesis, not a condition: "if I'm honest", "if anything", "if I remember".
    static let parentheses = ["i'm honest", "i am honest", "anything", "i remember", "i recall", "i may say",
                              "i'm being honest", "memory serves", "nothing else"]
    /// Parentheses that also open real conditions ("if anything else goes wrong", "if nothing else works"): one
    /// only where nothing but punctuation follows them ("if anything, it got better").
    static let parenthesesThatMayBeConditions = ["anything", "nothing else"]
    /// What after 如果/要是 makes a counterfactual cause (如果不是朋友推荐: "if it weren't for a friend's tip").
    /// Not 没有: 如果没有改进，我不会再来了 is a plain condition (a code review).
    static let counterfactualOpenings = ["不是"]

    /// Whether `rest` (the text after "if", lower-cased) opens with a parenthesis rather than a condition.
    static func opensWithParenthesis(_ rest: String) -> Bool {
        guard let phrase = parentheses.first(where: { rest.hasPrefix($0) }) else { return false }
        guard parenthesesThatMayBeConditions.contains(phrase) else { return true }
        let after = rest.dropFirst(phrase.count).drop { $0 == " " }
        return after.first.map { $0.isPunctuation } ?? true
    }

    private static func opensWithCondition(_ unit: ScoringUnit, marker: TermMatch,
                                           in scored: borrowing ScoredComment) -> Bool {
        let tokens = scored.segmented.tokens
        var wordsBefore = 0
        for token in unit.tokens where token < Int(marker.token) {
            switch tokens[token].kind {
            case .word, .ideographic, .number: wordsBefore += 1
            default: continue
            }
        }
        guard wordsBefore < markerOpening else { return false }
        let end = unit.tokens.isEmpty ? Int(marker.end) : max(Int(marker.end), Int(tokens[unit.tokens.upperBound - 1].end))
        let after = scored.segmented.text(Int(marker.end)..<end)
        let rest = after.drop { $0 == " " }.lowercased()
        if opensWithParenthesis(rest) { return false }
        return !counterfactualOpenings.contains { rest.hasPrefix($0) }
    }

    /// The reader's words: a condition with them is advice to the reader.
    static let readerWords: Set<String> = ["you", "your", "you're", "you've", "you'd", "you'll", "yourself"]
    static let readerCharacters: Set<Character> = ["你", "您"]

    private static func namesReader(_ unit: ScoringUnit, in scored: borrowing ScoredComment) -> Bool {
        let text = scored.segmented.text(ofTokens: unit.tokens)
        if text.contains(where: { readerCharacters.contains($0) }) { return true }
        return text.split(whereSeparator: { !$0.isLetter && $0 != "'" }).contains { readerWords.contains($0.lowercased()) }
    }
}
