/// What went wrong in the review workspace, with what the analyst or operator needs to fix it.
public enum ReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A correction names an action, label or dimension that does not fit (message says which).
    case invalidCorrection(String)
    /// The corrected comment is not in the database (it may have been written by another database).
    case unknownComment(source: String, key: String)
    /// The comment's text is no longer the one the correction was made on (the page was loaded before a run
    /// re-analysed it): the analyst must see the new text first.
    case commentChanged(source: String, key: String)
    /// An accept posted with the dimensions the page showed, which are no longer the comment's (a run with other
    /// lexicons, or another analyst's correction, changed them): accepting would judge dimensions nobody saw.
    case dimensionsChanged(source: String, key: String)
    /// A correction that would change nothing in the comment's reviewed reading (`reason` says what it already is).
    case noChange(source: String, key: String, reason: String)
    /// A filter value that cannot be used (message says which).
    case invalidFilter(String)
    /// Binding beyond loopback without a token.
    case tokenRequired(host: String)
    /// A token too short to resist guessing, or with characters a cookie or URL would have to escape.
    case invalidToken

    public var description: String {
        switch self {
        case let .invalidCorrection(message): return "invalid correction: \(message)"
        case let .unknownComment(source, key): return "no comment \(key) from \(source) in the database"
        case let .commentChanged(source, key):
            return "comment \(key) from \(source) has a new text since the page was loaded: reload and judge it again"
        case let .dimensionsChanged(source, key):
            return "comment \(key) from \(source) has other dimensions than the page showed: reload and judge it again"
        case let .noChange(source, key, reason): return "nothing to change on comment \(key) from \(source): \(reason)"
        case let .invalidFilter(message): return "invalid filter: \(message)"
        case let .tokenRequired(host):
            return "binding to \(host) exposes the workspace beyond this machine: give --token (or RATER_SERVE_TOKEN)"
        case .invalidToken:
            return "the token must be at least 16 characters of letters, digits, - and _"
        }
    }
}
