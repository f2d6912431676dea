/// A profiles file or name that cannot be used.
public enum ProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case malformed(path: String, line: Int, reason: String)
    case unknown(name: String, known: [String])

    public var description: String {
        switch self {
        case let .unreadable(path): return "\(path): cannot read the industry profiles"
        case let .malformed(path, line, reason): return "\(path):\(line): \(reason)"
        case let .unknown(name, known):
            return "unknown profile '\(name)' (known: \(known.joined(separator: ", ")))"
        }
    }
}
