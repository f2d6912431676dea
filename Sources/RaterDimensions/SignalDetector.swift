import RaterCore
import RaterLexicon
import RaterScore

/// Reads expectation, recovery and loyalty signals from the cue hits.
///
/// A cue's reading is its lexicon value, turned by a governing negator (不会*再来* → at risk, "would not
/// *recommend*" → at risk). Cues without a fixed reading (本以为, "expected") take the direction of their sentence's
/// sentiment, which already weighs the turn in 本以为…结果 or "I expected…, but". A surprise (没想到, "surprised")
/// takes the direction of what it is about, the last sentiment term after it in its clause (没想到这么偏的地方有这么好的
/// 酒店: the hotel is the surprise, not the place), and its sentence's when nothing follows it there. A cue in a sentence
/// with no sentiment and no fixed reading says nothing and is dropped. Questions, wishes and conditions change
/// the reading (see `UnitMood`), except a rhetorical question (怎么会不推荐, "how could I not recommend"), which
/// asserts the opposite of its words about the customer's own loyalty or expectation.
///
/// A recovery is an event, and its outcome words decide it (see `RecoveryOutcomes`): a topic noun (退款, "refund")
/// reads nothing without one, and a recovery promised, asked for, pending or refused is unresolved. An outcome word
/// decides a later clause too: a promise kept in the next clause is recovered, and a case left pending or refused in a
/// later clause with no recovery cue of its own (道歉了，但钱还没到账) is unresolved.
///
/// The readings are then settled, so that no comment says two contradicting things in one breath (see
/// `SignalReadings`).
///
/// A namespace, not a value: the comment and matcher are borrowed per call rather than copied into a struct.
enum SignalDetector {
    /// How far a rhetorical opener reaches a cue after it: at most this many words (alphabetic text) or characters
    /// between them (怎么会不推荐, 难道不会再来, "how could I not recommend": one or two). A Chinese clause often runs
    /// on without punctuation (怎么会这么差以后再也不来了), and the cue at its end is no longer the question's.
    static let rhetoricalReachWords = 3
    static let rhetoricalReachCharacters = 3

    static func signals(from hits: [CueHit], roles: CueRoles, in scored: ScoredComment, scoring: TermMatcher,
                        window: TermWindow) -> [SignalResult]
    {
        var recoveredUnits = [Int]()
        return signals(from: hits, roles: roles, in: scored, scoring: scoring, window: window,
                       recoveredUnits: &recoveredUnits)
    }

    /// The signals, and in `recoveredUnits` the units of the cues whose settled reading is recovered (退款 near 到账,
    /// 退款了, "refunded"; `DimensionReport.recoveredUnits`).
    static func signals(from hits: [CueHit], roles: CueRoles, in scored: ScoredComment, scoring: TermMatcher,
                        window: TermWindow, recoveredUnits: inout [Int]) -> [SignalResult]
    {
        let outcomes = RecoveryOutcomes(hits: hits, roles: roles, in: scored)
        var readings = SignalReadings()
        var cueClauses = Set<Int>()
        var rhetorical = [CueHit]()
        var answers = [(hit: CueHit, yes: Bool)]()
        var reveals = [CueHit]()
        var comparatives = [(hit: CueHit, better: Bool)]()
        var parties = [(hit: CueHit, other: Bool)]()
        var claims = [CueHit]()
        var disputes = [CueHit]()
        for hit in hits {
            for cue in roles.signals(of: hit) {
                if cue.role == .rhetorical { rhetorical.append(hit) }
                if cue.role == .reveal { reveals.append(hit) }
                if cue.role == .claimed { claims.append(hit) }
                if cue.role == .reveal || cue.role == .persisting { disputes.append(hit) }
                if case let .comparative(better) = cue.role { comparatives.append((hit, better)) }
                if cue.role == .otherParty || cue.role == .ownParty { parties.append((hit, cue.role == .otherParty)) }
                if case let .answer(yes) = cue.role { answers.append((hit, yes)) }
                guard cue.kind == .recovery, cue.role != .claimed, cue.role != .persisting else { continue }
                if case .outcome = cue.role { continue }
                cueClauses.insert(scored.units[hit.unit].clause)
            }
        }
        for hit in hits {
            for cue in roles.signals(of: hit) {
                if case .outcome = cue.role { continue }
                if cue.role == .rhetorical || cue.role == .reveal { continue }
                if cue.role == .otherParty || cue.role == .ownParty { continue }
                if cue.role == .claimed || cue.role == .persisting { continue }
                if case .answer = cue.role { continue }
                if case .comparative = cue.role { continue }
                let clause = scored.units[hit.unit].clause
                // 订的是海景房，结果窗外是停车场, "we booked a sea view but got the car park": what came was less.
                // "We booked a standard room but they upgraded us to a suite": what came was more, and clearly so.
                if cue.role == .agreed {
                    if let turn = turnOrReveal(after: hit, among: reveals, in: scored, scoring: scoring) {
                        let value: SignalValue = isClearlyPositive(from: turn.start, sentence: scored.units[hit.unit].sentence,
                                                                   in: scored, scoring: scoring) ? .exceeded : .fellShort
                        readings.add(value, clause: scored.units[turn.unit].clause, hit: hit, negator: nil)
                    }
                    continue
                }
                // "My friend said she'd never go back", 师傅说明天再来: someone else's intent or visit (`OtherParty`).
                if cue.kind == .loyalty, !parties.isEmpty,
                   OtherParty.governs(hit, among: parties, in: scored, window: window) {
                    continue
                }
                // 怎么会不推荐, "how could I not recommend": the question asserts the opposite of its words.
                if case let .reading(fixed) = cue.role, fixed.kind != .recovery,
                   let opener = rhetoricalOpener(of: hit, clause: clause, among: rhetorical, in: scored) {
                    let negator = hit.negated ? nil : scored.segmented.text(opener.range)
                    readings.add(hit.negated ? fixed : fixed.negated, clause: clause, hit: hit, negator: negator)
                    continue
                }
                var mood = UnitMood(unit: hit.unit, in: scored, scoring: scoring)
                // "not what it used to be": a past-habit marker inside the cue's own words is the cue's, not its mood.
                if mood.isPastHabit, cue.kind == .expectation, hasPastHabitMarker(within: hit, in: scored, scoring: scoring) {
                    mood = .settled
                }
                // 如果上菜能快一点，我可能还会再来, "If they fix the service, I might come back": the earlier clause's condition.
                // Not a recovery: "if anything goes wrong, they fix it at once" tells a habit, not an open case.
                if mood == .settled, cue.kind != .recovery,
                   Protasis.governs(unit: hit.unit, in: scored, scoring: scoring) {
                    mood = .irrealis(.conditional)
                }
                // "Would I come back? Absolutely not.", 还会再来吗？当然会: the answer settles the question.
                if case let .reading(fixed) = cue.role, fixed.kind == .loyalty, mood == .irrealis(.question),
                   let answer = answer(to: hit, among: answers, in: scored) {
                    let asked = hit.negated ? fixed.negated : fixed
                    readings.add(answer.yes ? asked : asked.negated, clause: scored.units[answer.hit.unit].clause,
                                 hit: hit, negator: answer.yes ? nil : scored.segmented.text(answer.hit.range))
                    continue
                }
                guard let value = reading(of: cue, at: hit, mood: mood, outcomes: outcomes, comparatives: comparatives,
                                          reveals: reveals, in: scored, scoring: scoring, window: window) else {
                    continue
                }
                // 说是修好了，结果还是坏的, "closed the ticket as resolved but the server is still down": the business's
                // word, disputed by the writer (`ClaimedRecovery`).
                if value == .recovered, !claims.isEmpty,
                   let dispute = ClaimedRecovery.dispute(of: hit, claims: claims, disputes: disputes,
                                                         cueClauses: cueClauses, outcomes: outcomes, in: scored,
                                                         scoring: scoring) {
                    readings.add(.unresolved, clause: clause, hit: hit, negator: scored.segmented.text(dispute.range))
                    continue
                }
                let turned = cue.value != nil || cue.role == .topic
                // 投诉, 本以为: read from the sentence, so a cue that states the signal in this clause wins over it.
                let announced = cue.role == .followingSentiment && mood == .settled
                    && (cue.kind != .recovery || outcomes.outcome(near: hit, in: scored) == nil)
                readings.add(value, clause: clause, hit: hit, negator: turned ? hit.negator : nil, announced: announced)
                // 客服说会退款，第二天就到账了: a settled promise or request whose result follows in the next clause.
                if cue.kind == .recovery, value == .unresolved, mood == .settled, !hit.negated,
                   let open = outcomes.outcome(near: hit, in: scored), open == .promised || open == .requested,
                   let result = outcomes.result(after: clause, cueClauses: cueClauses, in: scored) {
                    readings.add(.recovered, clause: clause + 1, hit: result, negator: nil)
                }
            }
        }
        // 店长道歉了，但钱还没到账: a later clause with no recovery cue of its own leaves the case open.
        if let first = readings.firstClause(of: .recovery),
           let open = outcomes.openOutcome(after: first, cueClauses: cueClauses, in: scored) {
            readings.add(.unresolved, clause: scored.units[open.unit].clause, hit: open, negator: nil)
        }
        var signals = [SignalResult]()
        for (value, hits) in readings.settled() {
            if value == .recovered {
                for (hit, _) in hits { recoveredUnits.append(hit.unit) }
            }
            var evidence = [SignalEvidence]()
            evidence.reserveCapacity(hits.count)
            for (hit, negator) in hits {
                evidence.append(SignalEvidence(cue: scored.segmented.text(hit.range),
                                               clause: scored.segmented.text(ofTokens: scored.units[hit.unit].tokens),
                                               negator: negator))
            }
            signals.append(SignalResult(value: value, evidence: evidence))
        }
        return signals
    }

    /// The reading of one cue, or nil when it says nothing here.
    private static func reading(of cue: SignalCue, at hit: CueHit, mood: UnitMood, outcomes: RecoveryOutcomes,
                                comparatives: [(hit: CueHit, better: Bool)], reveals: [CueHit],
                                in scored: ScoredComment, scoring: TermMatcher, window: TermWindow) -> SignalValue? {
        switch cue.role {
        case .outcome, .rhetorical, .answer, .agreed, .reveal, .comparative, .otherParty, .ownParty, .claimed,
             .persisting:
            return nil
        case .comparison:
            // "faster than last time", 比约定的晚了两天: the comparative says which way it went (`ComparisonDirection`);
            // without one, the sentence's sentiment, as for a cue that only announces its kind.
            guard let better = ComparisonDirection.better(at: hit, among: comparatives, in: scored, window: window) else {
                let lean = sentenceLean(of: hit.unit, in: scored)
                guard lean != 0 else { return nil }
                return cue.kind.reading(positive: lean > 0)
            }
            return mood.reading(better ? .exceeded : .fellShort)
        case let .reading(fixed):
            guard let settled = mood.reading(hit.negated ? fixed.negated : fixed) else { return nil }
            // 说会补发, "promised to replace it", 补发还在处理: the gesture has not happened yet.
            if settled == .recovered, let outcome = outcomes.outcome(near: hit, in: scored) { return outcome.reading }
            return settled
        case .topic:
            // "They used to refund without a fuss": a past habit, not this case (`UnitMood.reading`).
            if mood.isPastHabit { return nil }
            // 没退款, "no refund"; 能退款吗, 希望退款, "I hope for a refund": a refund that has not happened.
            if hit.negated || mood != .settled { return .unresolved }
            // 不是没有退款, "not that they didn't refund": the double negation says it happened.
            if hit.affirmed, outcomes.outcome(near: hit, in: scored) == nil { return .recovered }
            // A bare 退款 or "refund" (七天无理由退款, "the refund policy") says nothing about an outcome.
            return outcomes.outcome(near: hit, in: scored)?.reading
        case .surprise:
            // What the surprise is about follows the cue; 没想到 at the end of a sentence looks back over it.
            let lean = leanAfter(hit, in: scored, window: window) ?? sentenceLean(of: hit.unit, in: scored)
            guard lean != 0 else { return nil }
            return cue.kind.reading(positive: lean > 0)
        case .followingSentiment:
            if cue.kind == .recovery {
                // A recovery asked about, hoped for or supposed has not happened yet; a past habit is not this case.
                if mood.isPastHabit { return nil }
                if mood != .settled { return .unresolved }
                if let outcome = outcomes.outcome(near: hit, in: scored) { return outcome.reading }
            }
            // 原以为手续很麻烦，结果十分钟就办好了, "I expected it to be slow, but it came in half an hour": after a turn or
            // a reveal, what came decides, and when no opinion word says how it was, the opposite of what was feared or
            // hoped before it. Opinion words only: 结果 and "but" lean negative in reviews, which says nothing here.
            if cue.kind == .expectation,
               let turn = turnOrReveal(after: hit, among: reveals, in: scored, scoring: scoring) {
                let sentence = scored.units[hit.unit].sentence
                let after = opinionLean(sentence: sentence, in: scored) { $0 >= turn.start }
                if after != 0 { return cue.kind.reading(positive: after > 0) }
                let before = opinionLean(sentence: sentence, in: scored) { $0 >= hit.range.upperBound && $0 < turn.start }
                if before != 0 { return cue.kind.reading(positive: before < 0) }
            }
            // 本以为…结果, "I expected…": the cue's own clause is often hypothetical; the sentence says how it
            // turned out. Its sentiment already reflects negation, so that is not applied twice.
            let lean = sentenceLean(of: hit.unit, in: scored)
            guard lean != 0 else { return nil }
            return cue.kind.reading(positive: lean > 0)
        }
    }

    /// The weight of the last sentiment term after the cue in its clause, the last opinion word when there is one (as
    /// `ClauseTally`, opinion words before learned weights), or nil when there is none or positions are unknown. A
    /// bare negation is no sentiment term here: "nowhere" in "such a lovely hotel in the middle of nowhere" says
    /// where, not how it was.
    ///
    /// The last, because what a surprise is about is said at the end: 没想到这么偏的地方有这么好的酒店 sets the scene
    /// (偏) and ends on what was found (这么好的); so do 没想到这么好的酒店这么脏 and "surprised how clean the room was".
    private static func leanAfter(_ hit: CueHit, in scored: ScoredComment, window: TermWindow) -> Double? {
        let tokens = scored.segmented.tokens
        var last = hit.token
        while last + 1 < tokens.count && Int(tokens[last + 1].start) < hit.range.upperBound { last += 1 }
        let cueEnd = window.ordinal(ofToken: last)
        let clause = scored.units[hit.unit].clause
        var following = [TermWindow.Term]()
        var unit = hit.unit
        while unit < scored.units.count && scored.units[unit].clause == clause {
            guard let terms = window.terms(in: unit) else { return nil }
            following += terms.filter { $0.ordinal > cueEnd && $0.weight != 0 && !$0.isBareNegation }
            unit += 1
        }
        return (following.last(where: \.isOpinion) ?? following.last)?.weight
    }

    /// Whether a past-habit marker ("used to") of the cue's unit lies inside the cue ("not what it used to be"): the
    /// cue says what the place was once and is no longer, so the marker does not make it a bygone habit.
    private static func hasPastHabitMarker(within hit: CueHit, in scored: ScoredComment, scoring: TermMatcher) -> Bool {
        scored.units[hit.unit].matches.contains { index in
            let match = scored.matches[index]
            return scoring.entries[Int(match.entry)].irrealis == .bygone
                && Int(match.start) >= hit.range.lowerBound && Int(match.end) <= hit.range.upperBound
        }
    }

    /// How many characters of Han text besides the answer cue its sentence may hold (不会了, 当然会啊).
    static let answerSlackCharacters = 1

    /// Whether `answer` makes up the sentence right after the question holding `cue`: nothing else in it but
    /// punctuation, spaces and, in Han text, `answerSlackCharacters` characters. A longer sentence says something
    /// else ("Would I come back? No idea, the food was fine."), and an answer further on answers something else.
    private static func isAnswer(_ answer: CueHit, to cue: CueHit, in scored: ScoredComment) -> Bool {
        let text = scored.segmented
        let sentence = text.clauses[scored.units[cue.unit].clause].sentence + 1
        guard text.clauses[scored.units[answer.unit].clause].sentence == sentence else { return false }
        var slack = answerSlackCharacters
        for clause in text.clauses where clause.sentence == sentence {
            for token in text.tokens[clause.tokens] {
                // The token's bytes outside the answer cue.
                let (start, end) = (Int(token.start), Int(token.end))
                let outside = [start..<max(start, min(end, answer.range.lowerBound)),
                               min(end, max(start, answer.range.upperBound))..<end]
                    .filter { !$0.isEmpty }
                switch token.kind {
                case .whitespace, .lineBreak, .punctuation, .symbol:
                    continue
                case .ideographic:
                    for part in outside { slack -= String(decoding: text.folded[part], as: UTF8.self).count }
                    if slack < 0 { return false }
                default:
                    if !outside.isEmpty { return false }
                }
            }
        }
        return true
    }

    /// The first turn word (却, 但, "but": a scoring match with the contrast role `turn`) or reveal cue (结果, "instead")
    /// after `hit` in its sentence, if any: its unit is where the booking and what came part ways.
    private static func turnOrReveal(after hit: CueHit, among reveals: [CueHit], in scored: ScoredComment,
                                     scoring: TermMatcher) -> (unit: Int, start: Int)? {
        let sentence = scored.units[hit.unit].sentence
        var found: (unit: Int, start: Int)?
        for reveal in reveals where reveal.range.lowerBound >= hit.range.upperBound
            && scored.units[reveal.unit].sentence == sentence {
            found = (reveal.unit, reveal.range.lowerBound)
            break
        }
        var unit = hit.unit
        while unit < scored.units.count && scored.units[unit].sentence == sentence {
            for matchIndex in scored.units[unit].matches {
                let match = scored.matches[matchIndex]
                guard Int(match.start) >= hit.range.upperBound,
                      scoring.entries[Int(match.entry)].contrast == .turn else { continue }
                if found.map({ Int(match.start) < $0.start }) ?? true { found = (unit, Int(match.start)) }
                break
            }
            unit += 1
        }
        return found
    }

    /// Whether what a sentence says from byte `start` (a turn or a reveal after a booking) up to the next turn or
    /// concession, or the sentence's end, is clearly positive: its terms weigh more than nothing, and an opinion word
    /// says so, not only words that lean positive in reviews (a learned weight). Facts with no opinion ("but got a view
    /// of the car park") and complaints are not, and praise after a further turn or a concession ("…, although the
    /// staff were lovely", 不过服务员很热情) is said of something else.
    private static func isClearlyPositive(from start: Int, sentence: Int, in scored: ScoredComment,
                                          scoring: TermMatcher) -> Bool {
        var stop = Int.max
        for unit in scored.units where unit.sentence == sentence {
            for matchIndex in unit.matches where Int(scored.matches[matchIndex].start) > start {
                let contrast = scoring.entries[Int(scored.matches[matchIndex].entry)].contrast
                if contrast == .turn || contrast == .concession {
                    stop = min(stop, Int(scored.matches[matchIndex].start))
                    break
                }
            }
        }
        var total = 0.0
        var opinion = 0.0
        for contribution in scored.contributions where scored.units[contribution.clause].sentence == sentence {
            let position = Int(scored.matches[contribution.match].start)
            guard position >= start, position < stop else { continue }
            total += contribution.weight
            if !contribution.isLearned { opinion += contribution.weight }
        }
        return total > 0 && opinion > 0
    }

    /// The first short answer (Absolutely not., 当然会) to the loyalty question holding `cue`, if any.
    private static func answer(to cue: CueHit, among answers: [(hit: CueHit, yes: Bool)],
                               in scored: ScoredComment) -> (hit: CueHit, yes: Bool)? {
        for answer in answers where isAnswer(answer.hit, to: cue, in: scored) { return answer }
        return nil
    }

    /// The first rhetorical opener (怎么会, "how could") in `clause` before `hit` and within reach of it, if any.
    private static func rhetoricalOpener(of hit: CueHit, clause: Int, among openers: [CueHit],
                                         in scored: ScoredComment) -> CueHit? {
        for opener in openers where scored.units[opener.unit].clause == clause
            && opener.range.upperBound <= hit.range.lowerBound
            && isWithinRhetoricalReach(opener.range.upperBound..<hit.range.lowerBound, in: scored) {
            return opener
        }
        return nil
    }

    /// Whether at most `rhetoricalReachWords` words (ASCII text) or `rhetoricalReachCharacters` characters lie in
    /// `gap`.
    private static func isWithinRhetoricalReach(_ gap: Range<Int>, in scored: ScoredComment) -> Bool {
        GapReach.isWithin(gap, of: scored.segmented.folded, words: rhetoricalReachWords,
                          characters: rhetoricalReachCharacters)
    }

    /// The net weight of the opinion words (not learned weights) of `sentence` whose match starts at a byte offset
    /// `position` accepts.
    private static func opinionLean(sentence: Int, in scored: ScoredComment, position: (Int) -> Bool) -> Double {
        var total = 0.0
        for contribution in scored.contributions where !contribution.isLearned
            && scored.units[contribution.clause].sentence == sentence
            && position(Int(scored.matches[contribution.match].start)) {
            total += contribution.weight
        }
        return total
    }

    /// The net weighted sentiment of the unit's sentence.
    private static func sentenceLean(of unitIndex: Int, in scored: ScoredComment) -> Double {
        let sentence = scored.units[unitIndex].sentence
        return scored.units.filter { $0.sentence == sentence }.map { $0.positive - $0.negative }.reduce(0, +)
    }
}
