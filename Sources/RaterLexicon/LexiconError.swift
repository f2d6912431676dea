/// A lexicon file that cannot be used, with the file and line so an analyst can fix it.
public enum LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case missingHeader(path: String, field: String)
    case unknownKind(path: String, kind: String)
    case wrongColumnCount(path: String, line: Int, expected: Int, found: Int)
    case badNumber(path: String, line: Int, column: String, value: String)
    case badValue(path: String, line: Int, column: String, value: String, allowed: [String])
    case noLexicons(directory: String)
    case badContext(path: String, line: Int, piece: String)

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
        case let .badNumber(path, line, column, value):
            return "\(path):\(line): the \(column) '\(value)' is not a number"
        case let .badValue(path, line, column, value, allowed):
            return "\(path):\(line): the \(column) '\(value)' is not one of \(allowed.joined(separator: ", "))"
        case let .badContext(path, line, piece):
            return "\(path):\(line): the context condition '\(piece)' is not next:, prev:, near: or not-… "
                + "followed by alternatives separated by |"
        case let .noLexicons(directory):
            return "\(directory): no lexicon files (*.tsv) found"
        }
    }
}
