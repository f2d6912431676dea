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

    private struct Reading {
        var value: SignalValue
        var clause: Int
        var hit: CueHit
        var negator: String?
        var announced: Bool
    }

    private struct Key: Hashable {
        var kind: SignalKind
        var clause: Int
    }

    /// In the order found, which is text order within the signal cue layer.
    private var readings = [Reading]()

    /// - Parameter announced: the reading comes from the sentence's sentiment, not from the cue's words (see 1.).
    mutating func add(_ value: SignalValue, clause: Int, hit: CueHit, negator: String?, announced: Bool = false) {
        readings.append(Reading(value: value, clause: clause, hit: hit, negator: negator, announced: announced))
    }

    /// The first clause with a reading of `kind`, or nil.
    func firstClause(of kind: SignalKind) -> Int? {
        readings.filter { $0.value.kind == kind }.map(\.clause).min()
    }

    /// The settled signals, each with the evidence `evidence` makes for its first readings.
    func settled(evidence: (CueHit, String?) -> SignalEvidence) -> [SignalResult] {
        guard !readings.isEmpty else { return [] }
        let stated = Set(readings.filter { !$0.announced }.map { Key(kind: $0.value.kind, clause: $0.clause) })
        var clauseReading = [Key: SignalValue]()
        for reading in readings {
            let key = Key(kind: reading.value.kind, clause: reading.clause)
            if reading.announced && stated.contains(key) { continue }
            if let held = clauseReading[key], held.caution >= reading.value.caution { continue }
            clauseReading[key] = reading.value
        }
        var kept = clauseReading
        for kind in [SignalKind.recovery, .loyalty] {
            guard let last = clauseReading.keys.filter({ $0.kind == kind }).max(by: { $0.clause < $1.clause }),
                  let winner = clauseReading[last] else { continue }
            kept = kept.filter { $0.key.kind != kind || $0.value == winner }
        }
        var found = [SignalValue: [SignalEvidence]]()
        for reading in readings {
            let key = Key(kind: reading.value.kind, clause: reading.clause)
            if reading.announced && stated.contains(key) { continue }
            guard kept[key] == reading.value else { continue }
            if found[reading.value, default: []].count < Self.evidenceLimit {
                found[reading.value, default: []].append(evidence(reading.hit, reading.negator))
            }
        }
        return found.sorted { $0.key < $1.key }.map { SignalResult(value: $0.key, evidence: $0.value) }
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
