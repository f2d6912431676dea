import RaterCore

/// Whether every record of one input so far was rejected for one reason.
///
/// A wrong option (`--xml-text` not given for an export whose comments are in `<comment>`, a wrong `--text-column`
/// or `--encoding`) rejects every record alike, and the one thing to tell the user, which the first rejection's
/// message says, drowned in thousands of identical rejections. Kept per input while it is read: after
/// `earlyNotice` records rejected alike the run says so once, and an input whose records were all rejected alike is
/// named once more in the run's summary.
public struct UniformRejections: Sendable, Equatable {
    /// After this many records of an input, all rejected alike, the run says so (once).
    public static let earlyNotice = 10

    public let source: String
    /// The records of the input read so far.
    public private(set) var records = 0
    /// The first record's rejection, while every record was rejected for its reason.
    public private(set) var first: Rejection?
    /// False once a record was analysed, or rejected for another reason.
    public private(set) var alike = true

    public init(source: String) { self.source = source }

    /// A record of the input was analysed.
    public mutating func analysed() {
        records += 1
        alike = false
    }

    /// A record of the input was rejected. Returns true when this rejection makes `earlyNotice` alike from the
    /// input's first record on: the time to say so.
    public mutating func rejected(_ rejection: Rejection) -> Bool {
        records += 1
        guard alike else { return false }
        if let first {
            guard first.reason.code == rejection.reason.code else {
                alike = false
                return false
            }
        } else {
            self.first = rejection
        }
        return records == Self.earlyNotice
    }

    /// Every record read (two at least: one is told by its own rejection) was rejected for the same reason.
    public var allRejected: Bool { alike && records > 1 && first != nil }

    /// What the run says when `rejected` returns true.
    public var earlyText: String {
        "\(source): the first \(records) records read were all rejected as \(first?.reason.code ?? "?")" + firstText
            + " (the summary says how many in all)"
    }

    /// The summary's line for an input whose records were all rejected alike.
    public var summaryText: String {
        "all \(records) records read from \(source) were rejected as \(first?.reason.code ?? "?")" + firstText
    }

    private var firstText: String {
        first.map { "; the first, \($0.location): \($0.reason.message)" } ?? ""
    }
}
