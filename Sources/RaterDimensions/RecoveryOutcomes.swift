import RaterCore
import RaterLexicon
import RaterScore

/// The recovery outcome words of a comment (到账, 在处理, 会, 要求, 拒绝; "processed", "pending", "promised",
/// "asked for", "refused"), and the outcome they give a recovery cue near them.
///
/// A word is near a cue when it is in the same clause, on either side, with at most `reachWords` words (alphabetic
/// text) or `reachCharacters` characters between them: 退款到现在还没到账 (到账 five characters after 退款), "refused
/// to give us a refund" (four words between). When several outcome words are near one cue:
/// - an open outcome (pending, refused, or a negated done: 还没到账, "never received") wins over any other, since
///   a refund still pending or refused has not been made whatever else is said of it;
/// - else a promise wins over done (会三天内到账, "will be processed": what is promised has not happened);
/// - else, between done and a request, the later word wins: a request is followed by its result (申请后第二天就到账了,
///   "asked for a refund and got it"), and a request after something received is a new one (收到货就申请退款).
struct RecoveryOutcomes {
    static let reachWords = 4
    static let reachCharacters = 6

    private struct Word {
        var hit: CueHit
        var clause: Int
        var outcome: RecoveryOutcome
        var range: Range<Int> { hit.range }
    }

    private var words = [Word]()

    /// `scored` is borrowed: an initializer's arguments are owned by default, and `SignalDetector.signals` copied the
    /// whole comment (every array in it retained, then released) to hand it over, about 8.6 M instructions of 1,541 M
    /// per English comment in the benchmark.
    init(hits: [CueHit], roles: CueRoles, in scored: borrowing ScoredComment) {
        for hit in hits {
            for cue in roles.signals(of: hit) {
                guard case let .outcome(outcome) = cue.role else { continue }
                let stated: RecoveryOutcome
                if hit.negated {
                    // 还没到账, "never received": pending. A negated promise, request or refusal says nothing.
                    guard outcome == .done || outcome == .prompt else { continue }
                    stated = .pending
                } else {
                    stated = outcome
                }
                words.append(Word(hit: hit, clause: scored.units[hit.unit].clause, outcome: stated))
            }
        }
    }

    /// The outcome the words near `hit` give it, or nil when there are none.
    func outcome(near hit: CueHit, in scored: ScoredComment) -> RecoveryOutcome? {
        guard !words.isEmpty else { return nil }
        let clause = scored.units[hit.unit].clause
        var best: RecoveryOutcome?
        for word in words where word.clause == clause {
            let gap = word.range.lowerBound >= hit.range.upperBound ? hit.range.upperBound..<word.range.lowerBound
                : word.range.upperBound <= hit.range.lowerBound ? word.range.upperBound..<hit.range.lowerBound : nil
            guard let gap, Self.isWithinReach(gap, in: scored.segmented.folded) else { continue }
            // Words come in text order: of equal precedence, the later one wins.
            if best.map({ word.outcome.precedence >= $0.precedence }) ?? true { best = word.outcome }
        }
        return best ?? farRefusal(of: hit)
    }

    /// `.refused` when a refusal before `hit`, beyond the usual reach, still refuses it, else nil. What was refused
    /// follows the refusal, sometimes far on ("they refused to even look at the refund", five words on), but only
    /// while nothing else has been said of it: no outcome word is near the cue (`outcome(near:)` asks this last), no
    /// other outcome word stands between the two, and no turn word parts them (the refusal's scoring unit is the
    /// cue's). "They refused my coupon at the till but processed the refund" and "refused to take our order for ages
    /// and then the refund came through" speak of two things; the refund's own words decide it.
    private func farRefusal(of hit: CueHit) -> RecoveryOutcome? {
        var last: Word?
        for word in words where word.range.upperBound <= hit.range.lowerBound
            && last.map({ word.range.upperBound > $0.range.upperBound }) ?? true {
            last = word
        }
        guard let last, last.outcome == .refused, last.hit.unit == hit.unit else { return nil }
        return .refused
    }

    /// A done word that makes up its own clause's outcome, in the clause right after `clause`, or nil: a promise or
    /// request followed by its result in the next clause (客服说会退款，第二天就到账了; 答应补发，后来收到了). A clause
    /// holding a recovery cue of its own (`cueClauses`) speaks for itself; a one-character word (到, 快) is too
    /// common to stand for a result alone. A manner word (`prompt`: 回复很及时, "replied promptly") may describe
    /// anything, so it is passed over: it neither keeps the promise nor breaks it.
    func result(after clause: Int, cueClauses: Set<Int>, in scored: ScoredComment) -> CueHit? {
        let next = clause + 1
        guard !cueClauses.contains(next) else { return nil }
        for word in words where word.clause == next {
            if word.outcome == .prompt { continue }
            guard word.outcome == .done else { return nil }
            let text = String(decoding: scored.segmented.folded[word.range], as: UTF8.self)
            if text.utf8.allSatisfy({ $0 < 0x80 }) || text.count > 1 { return word.hit }
        }
        return nil
    }

    /// The last open outcome word (pending, refused, or a negated done word) in a clause after `clause` that holds no
    /// recovery cue of its own (`cueClauses`), or nil: a recovery read earlier and left open later (店长道歉了，但钱还没
    /// 到账; "they apologised, but it is still pending"; 不是不给退，是要等审核). The mirror of `result(after:)`, with the
    /// same caution: a one-character word (还没到) is too common to stand alone. A promise there is passed over: what
    /// is promised after a recovery is often more (道歉了，还说下次给打折), not the recovery still owed.
    func openOutcome(after clause: Int, cueClauses: Set<Int>, in scored: ScoredComment) -> CueHit? {
        var found: CueHit?
        for word in words where word.clause > clause && !cueClauses.contains(word.clause) {
            guard word.outcome == .pending || word.outcome == .refused else { continue }
            let text = String(decoding: scored.segmented.folded[word.range], as: UTF8.self)
            if text.utf8.allSatisfy({ $0 < 0x80 }) || text.count > 1 { found = word.hit }
        }
        return found
    }

    /// Whether `clause` holds a done outcome word (到账, "came through"): what a clause after a claimed recovery says
    /// came (`ClaimedRecovery`).
    func hasDone(inClause clause: Int) -> Bool {
        words.contains { $0.clause == clause && $0.outcome == .done }
    }

    /// Whether at most `reachWords` words (ASCII text) or `reachCharacters` characters lie in `gap`.
    private static func isWithinReach(_ gap: Range<Int>, in folded: [UInt8]) -> Bool {
        GapReach.isWithin(gap, of: folded, words: reachWords, characters: reachCharacters)
    }
}

extension RecoveryOutcome {
    /// Which outcome wins when several are near one cue (see `RecoveryOutcomes`).
    var precedence: Int {
        switch self {
        case .requested, .done, .prompt: 0
        case .promised: 1
        case .pending, .refused: 2
        }
    }
}
