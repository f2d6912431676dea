import RaterCore

/// The readings of one comment's signal cues, and the rules that settle them, so that a comment never reports
/// both readings of a signal for the same words.
///
/// 1. **A clause has at most one reading of each kind, the most cautious one**: unresolved over recovered, at risk
///    over loyal, fell short over exceeded over met (道歉了但没解决 is unresolved; "recommend it, never again" at
///    risk). Reporting a recovery or loyalty that the same clause denies inflates the very rates the signals feed.
///    A cue that only announces its signal (投诉, 本以为: read from the sentence's sentiment) yields to one that
///    states it in the same clause: in 投诉之后店长道歉了 the complaint is the occasion and the apology its outcome, and
///    the sentence's complaint words say nothing about how it ended.
/// 2. **Recovery and loyalty follow the comment to its last word**: they are states of one failure and one customer,
///    and a later clause's reading replaces an earlier one's (开始没人理，后来经理出面解决了 is recovered;
///    道歉了，到现在还没退款 unresolved; 以前常来，以后不会来了 at risk).
/// 3. **Expectation is kept per clause**: it compares one thing with what was expected, and a comment may compare
///    several (菜比预期好，服务令人失望 both exceeded and fell short).
///
/// A reported value keeps the evidence of the clauses that read it.
struct SignalReadings {
    static let evidenceLimit = 5
    /// Read once: `allCases` builds a new array on every call.
    private static let values = SignalValue.allCases
    private static let kindCount = SignalKind.allCases.count

    private struct Reading {
        var value: SignalValue
        var clause: Int
        var hit: CueHit
        var negator: String?
        var announced: Bool
    }

    /// In the order found, which is text order within the signal cue layer.
    private var readings = [Reading]()

    /// - Parameter announced: the reading comes from the sentence's sentiment, not from the cue's words (see 1.).
    mutating func add(_ value: SignalValue, clause: Int, hit: CueHit, negator: String?, announced: Bool = false) {
        readings.append(Reading(value: value, clause: clause, hit: hit, negator: negator, announced: announced))
    }

    /// The first clause with a reading of `kind`, or nil.
    func firstClause(of kind: SignalKind) -> Int? {
        var first: Int?
        for reading in readings where reading.value.kind == kind {
            first = min(first ?? reading.clause, reading.clause)
        }
        return first
    }

    /// The settled signals, in `SignalValue` order, each with the hits (and their negators) of its first readings,
    /// from which the caller makes the evidence.
    ///
    /// Nearly every comment has a handful of readings at most, but a long one may have thousands, so the rules run
    /// on the readings sorted by kind and clause (each clause's readings together, in the order found) rather than
    /// on sets and dictionaries, which cost more to build than the rules for the few: O(n log n), no hashing.
    func settled() -> [(value: SignalValue, hits: [(hit: CueHit, negator: String?)])] {
        guard !readings.isEmpty else { return [] }
        let order = readings.indices.sorted { left, right in
            let (a, b) = (readings[left], readings[right])
            if a.value.kind != b.value.kind { return a.value.kind < b.value.kind }
            if a.clause != b.clause { return a.clause < b.clause }
            return left < right
        }
        // Rule 1, per clause and kind: announced readings yield to a stated one; the most cautious (the first of
        // equal caution) stands. `standing[i]`: reading i is its clause's standing value.
        var standing = [Bool](filledWith: false, count: readings.count)
        // Rule 2: the value standing in the last clause of each kind with a reading.
        var lastValue = [SignalValue?](filledWith: nil, count: Self.kindCount)
        var groupStart = 0
        while groupStart < order.count {
            let first = readings[order[groupStart]]
            var groupEnd = groupStart + 1
            while groupEnd < order.count, readings[order[groupEnd]].value.kind == first.value.kind,
                  readings[order[groupEnd]].clause == first.clause {
                groupEnd += 1
            }
            let group = order[groupStart..<groupEnd]
            let stated = group.contains { !readings[$0].announced }
            var value: SignalValue?
            for index in group where !(readings[index].announced && stated) {
                if let held = value, held.caution >= readings[index].value.caution { continue }
                value = readings[index].value
            }
            if let value {
                for index in group where readings[index].value == value && !(readings[index].announced && stated) {
                    standing[index] = true
                }
                lastValue[first.value.kind.ordinal] = value
            }
            groupStart = groupEnd
        }
        // `filledWith`, not `repeating:`, which looked up the array's storage type at run time (see
        // `Array.init(filledWith:count:)`).
        var found = [[(hit: CueHit, negator: String?)]](filledWith: [], count: Self.values.count)
        for (index, reading) in readings.enumerated() where standing[index] {
            let kind = reading.value.kind
            if kind == .recovery || kind == .loyalty, lastValue[kind.ordinal] != reading.value { continue }
            if found[reading.value.ordinal].count < Self.evidenceLimit {
                found[reading.value.ordinal].append((reading.hit, reading.negator))
            }
        }
        return Self.values.compactMap { value in
            found[value.ordinal].isEmpty ? nil : (value, found[value.ordinal])
        }
    }
}

extension SignalValue {
    /// How cautious a reading is among its kind's: within one clause the most cautious reading stands.
    var caution: Int {
        switch self {
        case .met, .recovered, .loyal: 0
        case .exceeded, .unresolved, .atRisk: 1
        case .fellShort: 2
        }
    }
}
