import RaterCore

/// Which rejections `rater analyze` logs one by one, when every one of them is kept elsewhere.
///
/// A nightly export with a systematic fault (a column shifted in one file, a truncated feed) rejects thousands of
/// records for one reason, and logging each made a log of thousands of near-identical warnings in which the rest of
/// the night's messages were lost. When the rejections are kept whole elsewhere (`--rejects`, a database's `rejects`
/// table), the log needs a few of each kind to show what is wrong and where: the first `perReason` rejections of
/// each reason in each input are logged, then one line says the rest of them are not, and the rest go to the debug
/// level. Without such a place the log is the only record of them, and every one is logged (`keepsAll` false).
public struct RejectionLogLimit: Sendable {
    /// Rejections of one reason in one input logged one by one before the rest go quiet.
    public static let perReason = 20

    /// What to do with one rejection.
    public enum Decision: Sendable, Equatable {
        /// Log it as a warning.
        case log
        /// Log it as a warning, then `RejectionLogLimit.noticeText` once: the last of its reason in its input.
        case logWithNotice
        /// Log it only at the debug level.
        case quiet
    }

    private let keepsAll: Bool
    private var counts: [Key: Int] = [:]
    /// Rejections decided `.quiet`: the summary says how many.
    public private(set) var unlogged = 0

    private struct Key: Hashable, Sendable {
        var source: String
        var reason: String
    }

    /// `keepsAll` when every rejection is written elsewhere too (a rejects file or a database).
    public init(keepsAll: Bool) { self.keepsAll = keepsAll }

    public mutating func decide(_ rejection: Rejection) -> Decision {
        guard keepsAll else { return .log }
        let key = Key(source: rejection.source, reason: rejection.reason.code)
        let count = counts[key, default: 0] + 1
        counts[key] = count
        if count < Self.perReason { return .log }
        if count == Self.perReason { return .logWithNotice }
        unlogged += 1
        return .quiet
    }

    /// The line logged once after the last rejection of its reason in its input that is logged one by one.
    public static func noticeText(for rejection: Rejection) -> String {
        "\(rejection.source): \(perReason) records rejected as \(rejection.reason.code) so far; further ones of this "
            + "reason in this input are not logged one by one (they are in the rejects and counted in the summary; "
            + "--log-level debug logs each)"
    }
}
