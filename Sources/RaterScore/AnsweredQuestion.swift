import RaterLexicon
import RaterSegment

/// A question the writer answers in the sentence right after it ("Would I come back? Absolutely not.", "Was it worth
/// the money? Definitely.", 会再来吗？不会。) states what it asks, not a doubt: the question's words count as said, and
/// negated when the answer is no, instead of the ×0 of a plain question (`ClauseFactors`).
///
/// An answer is a sentence of nothing but negators, degree words and the short answers of the signal lexicon
/// (`SignalCue.Role.answer`: "never", "no"): "no" when it holds an odd number of negators or a negative answer word,
/// "yes" otherwise. A sentence with any other word ("No idea.", "Can anyone help?") is no answer, so a real question
/// asking for help stays neutral.
enum AnsweredQuestion {
    /// The most words an answer has ("not in a million years" is six).
    static let maximumWords = 6

    /// Per sentence, the answer the sentence after it gives: its words and whether it says yes.
    static func answers(units: [ScoringUnit], segmented: SegmentedText, matches: [TermMatch],
                        entries: [LexiconEntry]) -> [Int: (word: String, isYes: Bool)] {
        var answers = [Int: (word: String, isYes: Bool)]()
        var unitIndex = 0
        while unitIndex < units.count {
            let sentence = units[unitIndex].sentence
            var end = unitIndex
            while end < units.count, units[end].sentence == sentence { end += 1 }
            if sentence > 0, unitIndex > 0, asks(units[unitIndex - 1], segmented: segmented, matches: matches,
                                                  entries: entries),
               let answer = answer(units[unitIndex..<end], segmented: segmented, matches: matches,
                                                 entries: entries) {
                answers[sentence - 1] = answer
            }
            unitIndex = end
        }
        return answers
    }

    /// Whether a unit ends in a question mark or holds a question word (吗): only the sentence after one can answer.
    private static func asks(_ unit: ScoringUnit, segmented: SegmentedText, matches: [TermMatch],
                             entries: [LexiconEntry]) -> Bool {
        segmented.clauses[unit.clause].terminator.questionMarks > 0
            || unit.matches.contains { entries[Int(matches[$0].entry)].irrealis == .question }
    }

    /// The answer a sentence (its units) gives, when it is nothing but an answer.
    private static func answer(_ units: ArraySlice<ScoringUnit>, segmented: SegmentedText, matches: [TermMatch],
                               entries: [LexiconEntry]) -> (word: String, isYes: Bool)? {
        guard let first = units.first, let last = units.last else { return nil }
        // An answer states; a question back ("Really?") answers nothing.
        if segmented.clauses[last.clause].terminator.questionMarks > 0 { return nil }
        // The cheap test first: an answer is a few words ("Absolutely not", 绝对不会), most sentences are longer.
        var words = 0
        for token in segmented.tokens[first.tokens.lowerBound..<last.tokens.upperBound]
        where token.kind == .word || token.kind == .ideographic || token.kind == .number {
            words += 1
            if words > maximumWords { return nil }
        }
        var negators = 0
        var saysNo = false
        var covering = [Range<Int>]()
        for unit in units {
            for matchIndex in unit.matches {
                // The roles are read in place: a copy of the entry retains and releases its arrays.
                let entry = Int(matches[matchIndex].entry)
                let answerWord = entries[entry].signals.first { cue in
                    if case .answer = cue.role { return true }
                    return false
                }
                let isNegator = entries[entry].isNegator
                guard isNegator || entries[entry].degree != nil || answerWord != nil else { return nil }
                if isNegator { negators += 1 }
                if case .answer(false)? = answerWord?.role { saysNo = true }
                covering.append(matches[matchIndex].byteRange)
            }
        }
        guard !covering.isEmpty else { return nil }
        for unit in units {
            for token in segmented.tokens[unit.tokens]
            where token.kind == .word || token.kind == .ideographic || token.kind == .number {
                let start = Int(token.start)
                if !covering.contains(where: { $0.contains(start) }) { return nil }
            }
        }
        let text = segmented.text(ofTokens: first.tokens.lowerBound..<last.tokens.upperBound)
        return (text, !(saysNo || negators % 2 == 1))
    }
}
