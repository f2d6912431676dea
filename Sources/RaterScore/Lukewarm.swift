import RaterCore
import RaterLexicon

/// A lukewarm verdict (还行吧, 凑合吧, 一般般, "ok I guess", "so-so", "meh"; `IrrealisRole.hedge`) leans but does not
/// judge. Read as the mild words they are, such comments came out polar with high confidence, and the hedges
/// disagreed among themselves (还可以吧 +0.50, 一般般吧 −0.60, "not bad I guess" −0.02). Where every opinion word of a
/// comment left with a weight is a hedge, not negated, the comment is lukewarm: every weight is scaled by one factor
/// so the score leans by `ScoringRules.lukewarmLean` of the label threshold on its side and reads neutral. The lean
/// keeps its sign, so binary gold (where a neutral label counts on the side its score leans to) reads the comment
/// as before. Beside any other opinion word ("还行吧，就是太吵了", "ok I guess, but the staff were lovely") a hedge
/// counts as the mild word it is.
enum Lukewarm {
    /// The rule's role name in explanations (`AppliedRule.irrealis`).
    static let role = "lukewarm"

    static func apply(to contributions: inout [Contribution], units: inout [ScoringUnit], matches: [TermMatch],
                      entries: [LexiconEntry], thresholds: LabelThresholds, lean: Double, damping: Double) {
        var hedge: String?
        // A unit kept from a first scoring (`Scorer.score(again:waiving:)`) is scaled already: the rule applies once.
        if contributions.contains(where: { $0.rules.contains(where: isLukewarm) }) { return }
        var positive = 0.0
        var negative = 0.0
        for contribution in contributions where contribution.weight != 0 {
            if contribution.weight > 0 { positive += contribution.weight } else { negative -= contribution.weight }
            guard !contribution.isLearned else { continue }
            let match = contribution.match
            guard match >= 0, match < matches.count, entries[Int(matches[match].entry)].irrealis == .hedge,
                  !contribution.rules.contains(where: isTurning) else { return }
            if hedge == nil { hedge = contribution.term }
        }
        guard let hedge, positive != negative else { return }
        // (f·(p − n)) / (f·(p + n) + damping) = target, solved for f; only ever a damping (f < 1).
        let difference = abs(positive - negative)
        let target = lean * (positive > negative ? thresholds.positive : -thresholds.negative)
        guard target > 0, difference / (positive + negative + damping) > target else { return }
        let factor = target * damping / (difference - target * (positive + negative))
        guard factor > 0, factor < 1 else { return }
        var touched = Set<Int>()
        for index in contributions.indices where contributions[index].weight != 0 {
            contributions[index].weight *= factor
            contributions[index].rules.append(.irrealis(role: Self.role, by: hedge, factor: factor))
            touched.insert(contributions[index].clause)
        }
        for unit in touched where unit < units.count {
            var unitPositive = 0.0
            var unitNegative = 0.0
            for contribution in contributions where contribution.clause == unit {
                if contribution.weight > 0 {
                    unitPositive += contribution.weight
                } else {
                    unitNegative -= contribution.weight
                }
            }
            units[unit].positive = unitPositive
            units[unit].negative = unitNegative
        }
    }

    private static func isLukewarm(_ rule: AppliedRule) -> Bool {
        if case let .irrealis(role, _, _) = rule { return role == Self.role }
        return false
    }

    /// A rule that turns a hedge into an opinion: negated ("not ok"), or praise the writer did not mean.
    private static func isTurning(_ rule: AppliedRule) -> Bool {
        switch rule {
        case .negated, .doubleNegated, .softNegated: return true
        case let .irrealis(role, _, factor): return factor < 0 || role == SarcasticPraise.role
        default: return false
        }
    }
}
