import RaterCore
import RaterLexicon
import RaterSegment

/// A rule that re-weighs every term of a scoring unit: contrast, concession, irrealis, exclamation, closing verdict.
struct UnitFactor {
    let rule: AppliedRule
    let positive: Double
    let negative: Double

    init(_ rule: AppliedRule, factor: Double) {
        self.rule = rule
        positive = factor
        negative = factor
    }

    init(_ rule: AppliedRule, positive: Double, negative: Double) {
        self.rule = rule
        self.positive = positive
        self.negative = negative
    }

    /// Negative values above this (weaker negatives) take the positive factor; see `irrealisStrongNegative`.
    var weakNegativeLimit = 0.0

    /// Re-weighs one term and records the rule with the factor actually used: an irrealis rule has two, and the
    /// explanation must show the one that produced the weight (a complaint in a question is ×0.5, not ×0).
    func apply(_ value: Double, _ applied: inout [AppliedRule]) -> Double {
        let factor = value >= weakNegativeLimit ? positive : negative
        if case let .irrealis(role, word, _) = rule {
            applied.append(.irrealis(role: role, by: word, factor: factor))
        } else {
            applied.append(rule)
        }
        return value * factor
    }
}

enum ClauseFactors {
    static func compute(units: [ScoringUnit], segmented: SegmentedText, matches: [TermMatch],
                        entries: [LexiconEntry], turns: [Bool], echoes: [Int: Int] = [:],
                        rules: ScoringRules) -> [[UnitFactor]] {
        var factors = [[UnitFactor]](filledWith: [], count: units.count)
        let sentences = segmented.sentenceCount
        var lastTurnUnit = -1
        var previousConcession: String?  // the concession word of the unit just before, if any
        let counterfactualSentences = counterfactualSentences(units: units, matches: matches, entries: entries)
        // "Would I come back? Absolutely not.": a question answered in the next sentence states what it asks.
        let answers: [Int: (word: String, isYes: Bool)] = sentences < 2
            ? [:] : AnsweredQuestion.answers(units: units, segmented: segmented, matches: matches, entries: entries)
        for (index, unit) in units.enumerated() {
            let clause = segmented.clauses[unit.clause]
            let isLastOfClause = index + 1 == units.count || units[index + 1].clause != unit.clause
            var turnWord: String?
            var concessionWord: String?
            var irrealis: (role: String, word: String)?
            var asksForMore = false
            for matchIndex in unit.matches {
                let match = matches[matchIndex]
                // "X是X" concedes its clause like 虽然 (`ConcessiveEcho`).
                if let first = echoes[matchIndex], concessionWord == nil {
                    concessionWord = segmented.text(Int(matches[first].start)..<Int(match.end))
                }
                // Only contrast and irrealis words matter here: read those two roles in place (no copy of the entry
                // and its cue arrays) and quote the word only for them.
                let contrast = entries[Int(match.entry)].contrast
                let role = entries[Int(match.entry)].irrealis
                guard contrast != nil || role != nil else { continue }
                let word = segmented.text(match.byteRange)
                if turns[matchIndex], matchIndex == unit.matches.lowerBound, turnWord == nil { turnWord = word }
                if contrast == .concession, concessionWord == nil { concessionWord = word }
                if role == .shortfall { asksForMore = true }
                guard var role, role.isClauseMood else { continue }
                // A conditional in a sentence that also states a hypothetical result is a counterfactual.
                if role == .conditional, counterfactualSentences.contains(unit.sentence) { role = .counterfactual }
                // A counterfactual outranks the other markers of its unit (要是…就好了 is no mere condition).
                if irrealis == nil || role == .counterfactual && irrealis?.role != IrrealisRole.counterfactual.rawValue,
                   role != .request || opensUnit(match, unit: unit, segmented: segmented) {
                    irrealis = (role.rawValue, word)
                }
            }
            if let turnWord {
                factors[index].append(UnitFactor(.afterContrast(by: turnWord, factor: rules.afterTurn),
                                                 factor: rules.afterTurn))
                // The units this turn answers: back to the previous turn, within this sentence, or the whole
                // previous sentence when the turn opens a sentence ("Great food. But the service…").
                let opensSentence = index == 0 || units[index - 1].sentence != unit.sentence
                let scope = opensSentence ? unit.sentence - 1 : unit.sentence
                var previous = index - 1
                while previous > lastTurnUnit, previous >= 0, units[previous].sentence >= scope,
                      units[previous].sentence <= unit.sentence {
                    factors[previous].append(UnitFactor(.beforeContrast(by: turnWord, factor: rules.beforeTurn),
                                                        factor: rules.beforeTurn))
                    previous -= 1
                }
                lastTurnUnit = index
            } else if let word = previousConcession {
                factors[index].append(UnitFactor(.afterContrast(by: word, factor: rules.afterConcession),
                                                 factor: rules.afterConcession))
            }
            if let concessionWord {
                factors[index].append(UnitFactor(.conceded(by: concessionWord, factor: rules.conceded),
                                                 factor: rules.conceded))
            }
            previousConcession = concessionWord
            if irrealis == nil, isLastOfClause, clause.terminator.questionMarks > 0 { irrealis = ("question", "?") }
            // "I loved it here, not anymore": the clause a lone retraction takes back says how things were, and a
            // complaint taken back says they got better (`ScoringRules.retractedComplaint`).
            var isRetracted = false
            if irrealis == nil, let marker = Retraction.marker(after: index, units: units, segmented: segmented,
                                                               matches: matches, entries: entries) {
                irrealis = (IrrealisRole.bygone.rawValue, segmented.text(marker.byteRange))
                isRetracted = true
            }
            if let irrealis, irrealis.role == IrrealisRole.question.rawValue, let answer = answers[unit.sentence] {
                // Answered, the question's words are said: as they are after "yes"; after "no" its praise is negated
                // (×−0.75, as a negator turns it), and a complaint keeps half its weight, as in a question (a learned
                // lean such as "stay" in "Would I stay here again? No." is no complaint to turn into praise).
                let positive = answer.isYes ? 1 : -rules.negatedPositive
                let negative = answer.isYes ? 1 : rules.irrealisNegative[IrrealisRole.question.rawValue] ?? 1
                var factor = UnitFactor(.irrealis(role: "answered", by: answer.word, factor: positive),
                                        positive: positive, negative: negative)
                factor.weakNegativeLimit = 0
                factors[index].append(factor)
            } else if let irrealis {
                // A wish that asks for nothing more than there is hopes for what is expected: 希望好用, "hope it
                // lasts" close praise of a purchase. Asking for more (再, 一点) names what was missing.
                let isHopeful = irrealis.role == IrrealisRole.wish.rawValue && !asksForMore
                let positive = isHopeful ? rules.hopefulWish : rules.irrealisPositive[irrealis.role] ?? 1
                let negative = isRetracted ? rules.retractedComplaint : rules.irrealisNegative[irrealis.role] ?? 1
                var factor = UnitFactor(.irrealis(role: irrealis.role, by: irrealis.word, factor: positive),
                                        positive: positive, negative: negative)
                // In a request every negative counts: "please be more careful" is a mild complaint, not faint evidence.
                // In an inquiry only a clear complaint does: "can I get an invoice?" names a topic.
                switch irrealis.role {
                case IrrealisRole.request.rawValue, IrrealisRole.counterfactual.rawValue, IrrealisRole.wish.rawValue,
                     IrrealisRole.bygone.rawValue, IrrealisRole.rhetorical.rawValue:
                    factor.weakNegativeLimit = 0
                case IrrealisRole.inquiry.rawValue: factor.weakNegativeLimit = rules.inquiryStrongNegative
                default: factor.weakNegativeLimit = rules.irrealisStrongNegative
                }
                factors[index].append(factor)
            }
            if isLastOfClause, clause.terminator.exclamationMarks > 0 {
                let factor = 1 + rules.perExclamation * Double(min(clause.terminator.exclamationMarks, 3))
                factors[index].append(UnitFactor(.emphasis(kind: "exclamation", factor: factor), factor: factor))
            }
            if sentences >= 2, unit.sentence == sentences - 1 {
                factors[index].append(UnitFactor(.finalClause(factor: rules.finalSentence),
                                                 factor: rules.finalSentence))
            }
        }
        return factors
    }

    /// The sentences holding both a conditional and a hypothetical result or counterfactual marker ("would be
    /// perfect if …", 如果…就更好了): their conditionals are counterfactuals, whichever clause each marker is in.
    static func counterfactualSentences(units: [ScoringUnit], matches: [TermMatch], entries: [LexiconEntry])
        -> Set<Int>
    {
        var conditional = Set<Int>()
        var result = Set<Int>()
        for unit in units {
            for matchIndex in unit.matches {
                switch entries[Int(matches[matchIndex].entry)].irrealis {
                case .conditional?: conditional.insert(unit.sentence)
                case .consequent?, .counterfactual?: result.insert(unit.sentence)
                default: break
                }
            }
        }
        return conditional.intersection(result)
    }

    /// Whether a match is the first word of its unit. A request marker makes a request only there: "Please fix the
    /// shower" asks, while "the staff kindly moved us" praises.
    static func opensUnit(_ match: TermMatch, unit: ScoringUnit, segmented: SegmentedText) -> Bool {
        for index in unit.tokens.lowerBound..<min(Int(match.token), unit.tokens.upperBound) {
            let kind = segmented.tokens[index].kind
            if kind == .word || kind == .ideographic || kind == .number { return false }
        }
        return true
    }
}
