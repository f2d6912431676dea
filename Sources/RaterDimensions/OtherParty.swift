import RaterLexicon
import RaterScore

/// Whether a loyalty cue tells someone else's intent or visit rather than the customer's: "My friend said she'd never
/// go back", 同事说他下次还会住这里 report another customer, and "The engineer will come again on Monday", 师傅说明天
/// 再来 a provider's return visit. Read as the writer's, they made a customer at risk or loyal who had said nothing
/// of the kind.
///
/// The subject nearest before the cue in its clause decides: a third person or a member of staff (`other_party`:
/// 他, 她, 师傅, "she", "the engineer") makes it theirs; the writer (`own_party`) nearer the cue makes it the customer's
/// again (the lexicons list none yet: "i will" would hide the cue "will be back"). An opinion word between the two says the
/// other party is what the customer judged, not who acts: 服务员很热情下次还来, "the driver was lovely, will order
/// again" stay loyal.
///
/// A namespace: the comment and window are borrowed per call.
enum OtherParty {
    static func governs(_ hit: CueHit, among parties: [(hit: CueHit, other: Bool)], in scored: ScoredComment,
                        window: TermWindow) -> Bool {
        let clause = scored.units[hit.unit].clause
        var nearest: (hit: CueHit, other: Bool)?
        for party in parties where scored.units[party.hit.unit].clause == clause
            && party.hit.range.upperBound <= hit.range.lowerBound {
            if nearest.map({ party.hit.range.lowerBound > $0.hit.range.lowerBound }) ?? true { nearest = party }
        }
        guard let nearest, nearest.other else { return false }
        // An opinion word between the party and the cue: the party was judged, the intent is the writer's.
        // From the party's last word: its own words ("the leak", "the noise") are no judgement of it.
        let tokens = scored.segmented.tokens
        var partyEnd = nearest.hit.token
        while partyEnd + 1 < tokens.count && Int(tokens[partyEnd + 1].start) < nearest.hit.range.upperBound { partyEnd += 1 }
        let from = window.ordinal(ofToken: partyEnd)
        let to = window.ordinal(ofToken: hit.token)
        for unit in nearest.hit.unit...hit.unit {
            guard let terms = window.terms(in: unit) else { continue }
            if terms.contains(where: { $0.isOpinion && !$0.isBareNegation && $0.ordinal > from && $0.ordinal < to }) {
                return false
            }
        }
        return true
    }
}
