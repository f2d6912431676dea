/// A results file whose comments an aggregate partial counts: the one `rater analyze --aggregate-partial` wrote
/// beside it, or one that `rater aggregate --aggregate-partial` read.
///
/// Known by the SHA-256 of its bytes (as `rater aggregate` reads them: a `.gz` copy is the same results), not by its
/// name: a nightly job renames, moves and compresses its results, and the results a run wrote to standard output
/// have no name until the caller gives them one. A partial never holds the comments themselves, so this is how
/// `rater aggregate` tells that a results file given beside it would count them twice. No result line carries
/// anything for it.
public struct CoveredResults: Codable, Sendable, Equatable {
    /// The name it was written or read under (`-` for standard output), for messages.
    public var path: String
    /// Its result lines: results without any are never refused, as counting them twice changes nothing.
    public var lines: Int
    public var sha256: String

    public init(path: String, lines: Int, sha256: String) {
        self.path = path
        self.lines = lines
        self.sha256 = sha256
    }
}
