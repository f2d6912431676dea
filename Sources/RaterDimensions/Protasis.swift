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
    /// Whether an earlier clause of `unit`'s sentence holds a conditional marker (如果, 要是, "if", "unless") and
    /// does not name the reader.
    static func governs(unit index: Int, in scored: borrowing ScoredComment, scoring: borrowing TermMatcher) -> Bool {
        let unit = scored.units[index]
        var earlier = index - 1
        while earlier >= 0 && scored.units[earlier].sentence == unit.sentence {
            let candidate = scored.units[earlier]
            earlier -= 1
            guard candidate.clause != unit.clause else { continue }
            let conditional = candidate.matches.contains { match in
                scoring.entries[Int(scored.matches[match].entry)].irrealis == .conditional
            }
            if conditional && !namesReader(candidate, in: scored) { return true }
        }
        return false
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
