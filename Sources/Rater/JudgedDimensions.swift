import Foundation
import RaterCore

/// The dimensions a row of the review workspace's gold file says an analyst judged: its `judged` column
/// (`GoldFileLayout.judgedColumn`, `label;assurance;empathy`). A comment corrected in one dimension says nothing
/// about the others, so `rater eval --aspect-scheme rater` scores only the judged ones on that row; counting the rest
/// as absent (or as the machine's reading) would grade the machine against itself.
public enum JudgedDimensions {
    /// The judged dimensions, or nil when the row has no `judged` column: every other gold file's dimensions column
    /// is the comment's complete list.
    public static func of(_ fields: [Field]) -> Set<ServiceDimension>? {
        GoldFileLayout.judgedNames(in: fields).map { Set($0.compactMap(ServiceDimension.init(rawValue:))) }
    }

    /// Whether `target` can be scored on a row that judged `judged`: every dimension it pools was judged. An
    /// aspect target never is (the workspace does not correct aspects).
    public static func covers(_ judged: Set<ServiceDimension>?, _ target: EvaluationTarget) -> Bool {
        guard let judged else { return true }
        return !target.isAspect && target.dimensions.isSubset(of: judged)
    }
}
