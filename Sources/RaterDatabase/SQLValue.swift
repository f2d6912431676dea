/// A value bound to a statement parameter or read from a result column.
///
/// Every value reaches the database as a bound parameter (`sqlite3_bind_*` or GRDB's statement arguments, libpq's
/// `PQexecPrepared` parameters), never spliced into SQL text.
public enum SQLValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int)
    case real(Double)
    case text(String)

    public init(_ value: Int?) { self = value.map { .integer($0) } ?? .null }
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }

    public var isNull: Bool { self == .null }

    public var int: Int? {
        switch self {
        case let .integer(value): return value
        case let .real(value): return Int(exactly: value)
        case let .text(value): return Int(value)
        case .null: return nil
        }
    }

    public var double: Double? {
        switch self {
        case let .integer(value): return Double(value)
        case let .real(value): return value
        case let .text(value): return Double(value)
        case .null: return nil
        }
    }

    public var string: String? {
        switch self {
        case let .text(value): return value
        case let .integer(value): return String(value)
        case let .real(value): return String(value)
        case .null: return nil
        }
    }

    public var description: String {
        switch self {
        case .null: return "NULL"
        case let .integer(value): return String(value)
        case let .real(value): return String(value)
        case let .text(value): return "'" + value + "'"
        }
    }
}
