import RaterCore

/// Which rejections `rater analyze` logs one by one, when every one of them is kept elsewhere.
///
/// A nightly export with a systematic fault (a column shifted in one file, a truncated feed) rejects thousands of
/// records for one reason, and logging each made a log of thousands of near-identical warnings in which the rest of
/// the night's messages were lost. When the rejections are kept whole elsewhere (`--rejects`, a database's `rejects`
/// table), the log needs a few of each kind to show what is wrong and where: the first `perReason` rejections of
/// each reason in each input are logged; with the first one after them one line says the rest are not, and the rest
/// go to the debug level. Exactly `perReason` rejections log no such line, since none are left unlogged. Without such a place the log is the only record of them, and every one is logged (`keepsAll` false).
public struct RejectionLogLimit: Sendable {
    /// Rejections of one reason in one input logged one by one before the rest go quiet.
    public static let perReason = 20

    /// What to do with one rejection.
    public enum Decision: Sendable, Equatable {
        /// Log it as a warning.
        case log
        /// Log `RejectionLogLimit.noticeText` once as a warning, and the rejection itself only at the debug level: the
        /// first of its reason in its input past the `perReason` logged.
        case quietWithNotice
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
        if count <= Self.perReason { return .log }
        unlogged += 1
        return count == Self.perReason + 1 ? .quietWithNotice : .quiet
    }

    /// The line logged once, with the first rejection of its reason in its input that is not logged one by one.
    public static func noticeText(for rejection: Rejection) -> String {
        "\(rejection.source): more than \(perReason) records rejected as \(rejection.reason.code); those after the first "
            + "\(perReason) of this reason in this input are not logged one by one (they are in the rejects and counted "
            + "in the summary; --log-level debug logs each)"
    }
}
