import Foundation
import RaterCore

/// The signals a row of the review workspace's gold file says an analyst set: the signal names in its `judged`
/// column (`GoldFileLayout.judgedColumn`). A comment an analyst relabelled says nothing about its loyalty, so
/// `rater eval --expectation-column expectation …` scores a signal only on the rows that judged it; reading the
/// others' empty cells as "none" would count every machine reading on them as spurious.
public enum JudgedSignals {
    /// The judged signals, or nil when the row has no `judged` column: every other signal gold file gives each row's
    /// complete reading (an empty cell is none).
    public static func of(_ fields: [Field]) -> Set<SignalKind>? {
        GoldFileLayout.judgedNames(in: fields).map { Set($0.compactMap(SignalKind.init(rawValue:))) }
    }
}
