import CLibPQ
import Foundation

/// A PostgreSQL database through libpq, PostgreSQL's own client library.
///
/// Statements are prepared once per connection (`PQprepare`) and run with `PQexecPrepared`: values travel as
/// parameters in text form, their types inferred by the server from the columns they go to. One connection, used
/// from one thread at a time, as the run's writer is.
public final class PostgresConnection: DatabaseConnection {
    public let dialect = SQLDialect.postgres
    public let displayName: String
    private let connection: OpaquePointer
    private var prepared: [String: String] = [:]

    /// `url` is a libpq connection URI or keyword string (`postgresql://rater@127.0.0.1:5432/dashboards`).
    public init(url: String) throws {
        displayName = Self.redacted(url)
        guard let connection = PQconnectdb(url) else {
            throw DatabaseError.cannotOpen(database: displayName, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.scrubbed(Self.errorMessage(connection), connectionString: url)
            PQfinish(connection)
            throw DatabaseError.cannotOpen(database: displayName, message: message)
        }
        self.connection = connection
        // Quiet the notices `CREATE … IF NOT EXISTS` sends for existing tables.
        try run("SET client_min_messages TO warning", [])
    }

    deinit { PQfinish(connection) }

    /// `READ COMMITTED` whatever the server's default: a run's `aggregates` refresh, which waits for another run's
    /// commit (`SharedWriteLock`), must then see that run's comments, which a snapshot taken when the transaction
    /// began (`REPEATABLE READ`) would not.
    public func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        try run("BEGIN ISOLATION LEVEL READ COMMITTED", [])
        do {
            try enterPipeline()
            let result = try body(PostgresExecutor(connection: self))
            try leavePipeline()
            try run("COMMIT", [])
            return result
        } catch {
            // A failed ROLLBACK leaves nothing to undo: the server rolls back when the connection closes.
            try? leavePipeline()
            _ = try? run("ROLLBACK", [])
            throw error
        }
    }

    public func read<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        try body(PostgresExecutor(connection: self))
    }

    /// Every statement outside a transaction sees what was committed when it started, so a paged read would mix
    /// versions: `REPEATABLE READ` holds the first statement's snapshot to the end, and `READ ONLY` says no write
    /// belongs there.
    public func snapshot<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        try run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", [])
        do {
            let result = try body(PostgresExecutor(connection: self))
            try run("COMMIT", [])
            return result
        } catch {
            _ = try? run("ROLLBACK", [])
            throw error
        }
    }

    // MARK: Pipelining
    //
    // Inside a transaction, writes are sent in libpq's pipeline mode: up to `pipelineDepth` statements go out
    // before their results are read, so a run costs one network round trip per batch instead of one per row (on a
    // busy machine a round trip to a local server took over 1 ms: 2 minutes for 20,000 comments unpipelined). The
    // first failed statement's error is reported when its batch is read; the statements after it are skipped by
    // the server and the transaction rolls back.

    private static let pipelineDepth = 256
    private var pipelined = false
    private var pending = 0

    private func enterPipeline() throws {
        guard !pipelined else { return }
        guard PQenterPipelineMode(connection) == 1 else {
            throw DatabaseError.transactionFailed(database: displayName, message: Self.errorMessage(connection))
        }
        pipelined = true
    }

    private func leavePipeline() throws {
        guard pipelined else { return }
        defer {
            PQexitPipelineMode(connection)
            pipelined = false
        }
        try drain()
    }

    /// Queues a statement in the pipeline (preparing it first if it is new).
    func send(_ sql: String, _ values: [SQLValue]) throws {
        guard pipelined else { try run(sql, values); return }
        let name = try preparedName(sql)
        let texts: [String?] = values.map(Self.text)
        let cStrings = texts.map { $0.map { strdup($0) } ?? nil }
        defer { cStrings.forEach { free($0) } }
        let sent = cStrings.map { UnsafePointer($0) }.withUnsafeBufferPointer { parameters in
            PQsendQueryPrepared(connection, name, Int32(values.count), parameters.baseAddress, nil, nil, 0)
        }
        guard sent == 1 else {
            throw DatabaseError.statementFailed(database: displayName, sql: sql, message: Self.errorMessage(connection))
        }
        pending += 1
        if pending >= Self.pipelineDepth { try drain() }
    }

    /// Reads the results of every queued statement; throws the first error among them.
    private func drain() throws {
        guard pending > 0 else { return }
        pending = 0
        guard PQpipelineSync(connection) == 1 else {
            throw DatabaseError.transactionFailed(database: displayName, message: Self.errorMessage(connection))
        }
        var firstError: String?
        var emptyInARow = 0
        while true {
            guard let result = PQgetResult(connection) else {
                // NULL ends each statement's results; two in a row means nothing more is coming.
                emptyInARow += 1
                if emptyInARow > 1 || PQstatus(connection) != CONNECTION_OK {
                    throw DatabaseError.transactionFailed(
                        database: displayName, message: firstError ?? Self.errorMessage(connection))
                }
                continue
            }
            emptyInARow = 0
            let status = PQresultStatus(result)
            if status == PGRES_FATAL_ERROR, firstError == nil { firstError = Self.errorMessage(connection, result) }
            PQclear(result)
            if status == PGRES_PIPELINE_SYNC { break }
        }
        if let firstError {
            throw DatabaseError.transactionFailed(database: displayName, message: firstError)
        }
    }

    private func preparedName(_ sql: String) throws -> String {
        if let known = prepared[sql] { return known }
        let resume = pipelined
        if resume { try leavePipeline() }
        let name = "rater_\(prepared.count + 1)"
        let result = PQprepare(connection, name, sql, 0, nil)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else {
            throw DatabaseError.statementFailed(database: displayName, sql: sql,
                                                message: Self.errorMessage(connection, result))
        }
        prepared[sql] = name
        if resume { try enterPipeline() }
        return name
    }

    /// Runs a statement through its prepared form and returns the rows of a query (none for other statements),
    /// leaving the pipeline first if one is open.
    @discardableResult
    func run(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] {
        let resume = pipelined
        if resume { try leavePipeline() }
        defer { if resume { try? enterPipeline() } }
        let name = try preparedName(sql)
        let texts: [String?] = values.map(Self.text)
        let cStrings = texts.map { $0.map { strdup($0) } ?? nil }
        defer { cStrings.forEach { free($0) } }
        let result = cStrings.map { UnsafePointer($0) }.withUnsafeBufferPointer { parameters in
            PQexecPrepared(connection, name, Int32(values.count), parameters.baseAddress, nil, nil, 0)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK:
            return []
        case PGRES_TUPLES_OK:
            return Self.rows(result)
        default:
            throw DatabaseError.statementFailed(database: displayName, sql: sql,
                                                message: Self.errorMessage(connection, result))
        }
    }

    /// Text form of a parameter, as PostgreSQL's input functions read it. PostgreSQL's text cannot hold a NUL byte
    /// and libpq's parameters end at the first one, so a NUL inside a text becomes U+FFFD: the rest of the comment is
    /// kept and the change shows, where the parameter would otherwise have been cut there without notice.
    static func text(_ value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case let .integer(number): return String(number)
        case let .real(number):
            if number.isNaN { return "NaN" }
            if number.isInfinite { return number > 0 ? "Infinity" : "-Infinity" }
            return String(number)
        case let .text(text):
            return text.utf8.contains(0) ? text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : text
        }
    }

    /// Result rows with integers and floats typed by their column's type OID, everything else as text.
    static func rows(_ result: OpaquePointer?) -> [[SQLValue]] {
        let rowCount = PQntuples(result), columnCount = PQnfields(result)
        let types = (0..<columnCount).map { PQftype(result, $0) }
        return (0..<rowCount).map { row in
            (0..<columnCount).map { column -> SQLValue in
                if PQgetisnull(result, row, column) == 1 { return .null }
                let text = String(cString: PQgetvalue(result, row, column))
                switch types[Int(column)] {
                case 20, 21, 23: return Int(text).map(SQLValue.integer) ?? .text(text) // int8, int2, int4
                case 700, 701, 1700: return Double(text).map(SQLValue.real) ?? .text(text) // float4, float8, numeric
                default: return .text(text)
                }
            }
        }
    }

    static func errorMessage(_ connection: OpaquePointer?, _ result: OpaquePointer? = nil) -> String {
        if let result, let message = PQresultErrorMessage(result), message.pointee != 0 {
            return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let message = PQerrorMessage(connection) else { return "unknown libpq error" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The connection string without its secrets, for messages, logs and manifests.
    ///
    /// libpq takes a URI (`postgresql://user:secret@host:5432,host2:5433/db?sslpassword=…`) or keyword/value pairs
    /// (`host=db user=rater password='se cret'`). Foundation's `URLComponents` cannot parse a URI with several
    /// hosts, and its fallback returned such a string whole, password included. The string is scanned here instead,
    /// as libpq reads it: in a URI, everything between the first `:` of the user information and its last `@`, and
    /// the values of `password` and `sslpassword` query parameters, become `***`; in keyword/value pairs, the values
    /// of those keywords. Then libpq reads the result (`PQconninfoParse`), and if it still finds a secret there (a
    /// form the scan read differently), or cannot read the original, nothing of the string is shown.
    public static func redacted(_ connectionString: String) -> String {
        let unreadable = "postgres (a connection string libpq cannot read, not shown)"
        let hidden = "postgres (connection string not shown: its password could not be cut out)"
        guard let original = conninfo(connectionString) else { return unreadable }
        let scanned: String?
        if let authority = uriAuthorityStart(connectionString) {
            scanned = redactedURI(connectionString, authorityStart: authority)
        } else {
            scanned = redactedKeywordValues(connectionString)
        }
        guard let scanned, let reread = conninfo(scanned) else { return hidden }
        if scanned.allSatisfy(\.isWhitespace) { return "postgres (libpq's defaults)" }
        for keyword in secretKeywords {
            let value = reread[keyword] ?? ""
            guard value.isEmpty || value == "***" else { return hidden }
            // Nor may a secret show anywhere else (libpq read it from another place, or it is also the user name).
            if let secret = original[keyword], !secret.isEmpty, reread.values.contains(where: { $0.contains(secret) }) {
                return hidden
            }
        }
        return scanned
    }

    /// The keywords whose values are secrets: the password and the passphrase of the client's SSL key.
    static let secretKeywords = ["password", "sslpassword"]

    /// The options libpq reads from `connectionString` (only those it sets), or nil if libpq cannot read it.
    static func conninfo(_ connectionString: String) -> [String: String]? {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString, &error) else {
            if let error { PQfreemem(error) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var values = [String: String]()
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { values[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return values
    }

    /// Where the part after `postgresql://` or `postgres://` starts, or nil for keyword/value pairs (libpq's own
    /// test: these two prefixes, in lower case).
    static func uriAuthorityStart(_ text: String) -> String.Index? {
        for prefix in ["postgresql://", "postgres://"] where text.hasPrefix(prefix) {
            return text.index(text.startIndex, offsetBy: prefix.count)
        }
        return nil
    }

    /// A URI with `***` for the password of its user information and for secret query parameters. The user
    /// information ends at the last `@` before the query: libpq stops at the first `@` or `/`, but a password with
    /// an unencoded `@` or `/` is hidden whole this way (at worst a database name holding `@` is hidden too).
    static func redactedURI(_ text: String, authorityStart: String.Index) -> String {
        let rest = text[authorityStart...]
        let queryStart = rest.firstIndex(of: "?")
        let beforeQuery = rest[..<(queryStart ?? rest.endIndex)]
        var result = String(text[..<authorityStart])
        if let at = beforeQuery.lastIndex(of: "@"), let colon = beforeQuery[..<at].firstIndex(of: ":") {
            result += beforeQuery[...colon] + "***" + beforeQuery[at...]
        } else {
            result += beforeQuery
        }
        guard let queryStart else { return result }
        let parameters = rest[rest.index(after: queryStart)...].split(separator: "&", omittingEmptySubsequences: false)
        result += "?" + parameters.map { parameter -> String in
            let key = parameter.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            let name = key.removingPercentEncoding ?? key
            return secretKeywords.contains(name) ? key + "=***" : String(parameter)
        }.joined(separator: "&")
        return result
    }

    /// Keyword/value pairs with `***` for the values of the secret keywords, read as libpq reads them: a keyword,
    /// `=` with optional blanks around it, and a value that is either bare (up to the next blank) or in single
    /// quotes, with `\` escaping the next character in both. Nil if the text is not such a list.
    static func redactedKeywordValues(_ text: String) -> String? {
        let characters = Array(text)
        var result = ""
        var index = 0
        func isBlank(_ character: Character) -> Bool { character.isWhitespace }
        while index < characters.count {
            if isBlank(characters[index]) {
                result.append(characters[index])
                index += 1
                continue
            }
            let keywordStart = index
            while index < characters.count, !isBlank(characters[index]), characters[index] != "=" { index += 1 }
            let keyword = String(characters[keywordStart..<index])
            while index < characters.count, isBlank(characters[index]) { index += 1 }
            guard index < characters.count, characters[index] == "=" else { return nil }
            index += 1
            while index < characters.count, isBlank(characters[index]) { index += 1 }
            let valueStart = index
            if index < characters.count, characters[index] == "'" {
                index += 1
                while true {
                    guard index < characters.count else { return nil }
                    if characters[index] == "\\" { index += 2; continue }
                    if characters[index] == "'" { index += 1; break }
                    index += 1
                }
            } else {
                while index < characters.count, !isBlank(characters[index]) {
                    index += characters[index] == "\\" ? 2 : 1
                }
            }
            index = min(index, characters.count)
            let value = secretKeywords.contains(keyword) ? "***" : String(characters[valueStart..<index])
            result += keyword + "=" + value
        }
        return result
    }

    /// `message` with every secret of `connectionString` (as libpq reads it) replaced by `***`, and, when libpq
    /// cannot read the string, with whatever it quotes from it: its messages quote the part they could not read.
    static func scrubbed(_ message: String, connectionString: String) -> String {
        guard let options = conninfo(connectionString) else {
            return message.replacingOccurrences(of: #""[^"]*""#, with: "\"…\"", options: .regularExpression)
        }
        var message = message
        for keyword in secretKeywords {
            guard let secret = options[keyword], !secret.isEmpty else { continue }
            message = message.replacingOccurrences(of: secret, with: "***")
        }
        return message
    }
}

struct PostgresExecutor: SQLExecutor {
    let connection: PostgresConnection
    var dialect: SQLDialect { .postgres }

    func execute(_ sql: String, _ values: [SQLValue]) throws { try connection.send(sql, values) }
    func query(_ sql: String, _ values: [SQLValue]) throws -> [[SQLValue]] { try connection.run(sql, values) }
}
