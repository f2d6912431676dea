/// A lexicon file that cannot be used, with the file and line so an analyst can fix it.
public enum LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case missingHeader(path: String, field: String)
    case unknownKind(path: String, kind: String)
    case wrongColumnCount(path: String, line: Int, expected: Int, found: Int)
    /// One column where several are expected, and spaces in it: the commonest hand-editing mistake, an editor that
    /// turned the TAB into spaces, named as such.
    case spacesWithoutTab(path: String, line: Int, expected: Int)
    case badNumber(path: String, line: Int, column: String, value: String)
    case badValue(path: String, line: Int, column: String, value: String, allowed: [String])
    case noLexicons(directory: String)
    case badContext(path: String, line: Int, piece: String)
    /// A number outside what its column allows (`range` as the README writes it, e.g. "−4…4").
    case outOfRange(path: String, line: Int, column: String, value: String, range: String)
    /// The same term twice in one file of a kind that gives a term one value, with different values: which one was
    /// meant is unknown.
    case duplicateTerm(path: String, term: String, firstLine: Int, line: Int)
    /// A negator's scope written in a form that does not parse (`Scope=6`, `scope:6`), or run into the term
    /// with spaces instead of a TAB.
    case badScope(path: String, line: Int, value: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read the lexicon (\(reason))"
        case let .missingHeader(path, field):
            return "\(path): the header has no '# \(field):' line"
        case let .unknownKind(path, kind):
            return "\(path): unknown lexicon kind '\(kind)' (expected one of "
                + LexiconKind.allCases.map(\.rawValue).joined(separator: ", ") + ")"
        case let .wrongColumnCount(path, line, expected, found):
            return "\(path):\(line): expected \(expected) TAB-separated column(s), found \(found)"
        case let .spacesWithoutTab(path, line, expected):
            return "\(path):\(line): expected \(expected) TAB-separated column(s), found 1: the line has spaces but no "
                + "TAB (an editor may have turned the TAB into spaces)"
        case let .badNumber(path, line, column, value):
            return "\(path):\(line): the \(column) '\(value)' is not a plain decimal number (such as 2, -1.5, 0.8)"
        case let .badValue(path, line, column, value, allowed):
            return "\(path):\(line): the \(column) '\(value)' is not one of \(allowed.joined(separator: ", "))"
        case let .badContext(path, line, piece):
            return "\(path):\(line): the context condition '\(piece)' is not next:, prev:, near: or not-… "
                + "followed by alternatives separated by |"
        case let .outOfRange(path, line, column, value, range):
            return "\(path):\(line): the \(column) '\(value)' is outside \(range)"
        case let .duplicateTerm(path, term, firstLine, line):
            return "\(path):\(line): '\(term)' is already on line \(firstLine) of this file with another value; keep one of the two"
        case let .badScope(path, line, value):
            return "\(path):\(line): '\(value)' is not a scope: write scope=N (N words, N ≥ 1) in the second "
                + "column, after a TAB"
        case let .noLexicons(directory):
            return "\(directory): no lexicon files (*.tsv) found"
        }
    }
}
