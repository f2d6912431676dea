import Foundation
import RaterCore
import RaterDatabase
import RaterNormalize

/// The workspace's reads and its one kind of write (appending a correction), over a results database written by
/// `rater analyze --db` (SQLite, or PostgreSQL when shared).
///
/// Every value reaches SQL as a bound parameter; the only text spliced into statements is column and table names
/// from Rater's own schema and the fixed fragments below. Access is serialised with a lock: `DatabaseConnection`s
/// are not safe to share between threads (libpq's is not), and a review workspace serves a handful of analysts,
/// so one statement at a time costs nothing noticeable.
public final class ReviewStore: @unchecked Sendable {
    private let connection: any DatabaseConnection
    private let lock = NSLock()
    /// The passthrough column holding each comment's date, when there is one (for the date filter).
    public let dateColumn: String?
    /// Passthrough columns seen in the comments (for the group filter), sorted.
    public let groupColumns: [String]
    /// The sources stored when the workspace opened (for the source filter), sorted; at most `listedSources`.
    public let sources: [String]
    static let listedSources = 200

    /// Opens the workspace over `connection`, adding the corrections table (and its append-only triggers) to a
    /// database written before it existed. `dateColumn` names the date field; nil picks a common name if present.
    public init(connection: any DatabaseConnection, dateColumn: String? = nil) throws {
        self.connection = connection
        try connection.createSchema()
        let columns = try Self.fieldNames(connection)
        groupColumns = columns
        sources = try connection.read { executor in
            try executor.query("SELECT DISTINCT source FROM comments ORDER BY source LIMIT \(Self.listedSources)", [])
                .compactMap { $0.first?.string }
        }
        if let dateColumn {
            self.dateColumn = dateColumn
        } else {
            let common = ["date", "created_at", "created", "timestamp", "time", "日期", "时间", "评论时间"]
            self.dateColumn = common.first { name in columns.contains { $0.lowercased() == name } }
                .flatMap { name in columns.first { $0.lowercased() == name } }
        }
    }

    private func withConnection<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(connection)
    }

    /// The latest runs, newest first, as the run filter lists them: when each started, its
    /// status and the start of its id.
    public func recentRuns(limit: Int = 30) throws -> [(id: String, label: String)] {
        try withConnection { connection in
            try connection.read { executor in
                var parameters = SQLParameters(executor.dialect)
                let sql = "SELECT id, started_at, status FROM runs ORDER BY started_at DESC LIMIT "
                    + parameters.add(.integer(limit))
                return try executor.query(sql, parameters.values).compactMap { row in
                    guard row.count == 3, let id = row[0].string else { return nil }
                    let started = row[1].string.map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") }
                    return (id, [started, row[2].string, String(id.prefix(8))].compactMap { $0 }.joined(separator: " · "))
                }
            }
        }
    }

    // MARK: Listing

    /// One page of the comments matching `filter`, with the total count for the pager.
    public func page(_ filter: ReviewFilter, pageSize: Int = ReviewLimits.pageSize) throws -> ReviewPageData {
        try withConnection { connection in
            try connection.read { executor in
                var parameters = SQLParameters(executor.dialect)
                let condition = try whereClause(filter, &parameters, executor)
                let total = try executor.query("SELECT COUNT(*) FROM comments c WHERE " + condition,
                                               parameters.values).first?.first?.int ?? 0
                let order = filter.order == .lowConfidence
                    ? "c.confidence ASC, c.source, c.record" : "c.source, c.record"
                // A page past the end (a bookmark, or the last page of "unreviewed" emptied by the corrections made
                // on it) is the last page: the list shows comments and a count that adds up, never "4901–8 of 8".
                let page = min(filter.page, ReviewPageData.pageCount(total: total, pageSize: pageSize))
                let limit = parameters.add(.integer(pageSize))
                let offset = parameters.add(.integer((page - 1) * pageSize))
                let rows = try executor.query("SELECT " + Self.commentColumns + " FROM comments c WHERE " + condition
                    + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset, parameters.values)
                let comments = try rows.map { try details(Self.comment(from: $0), executor) }
                return ReviewPageData(comments: comments, total: total, page: page, pageSize: pageSize)
            }
        }
    }

    /// One comment with its details, or nil when the database has no such comment.
    public func comment(source: String, key: String) throws -> ReviewComment? {
        try withConnection { connection in
            try connection.read { executor in
                var parameters = SQLParameters(executor.dialect)
                let sql = "SELECT " + Self.commentColumns + " FROM comments c WHERE c.source = "
                    + parameters.add(source) + " AND c.comment_key = " + parameters.add(key)
                guard let row = try executor.query(sql, parameters.values).first else { return nil }
                return try details(Self.comment(from: row), executor)
            }
        }
    }

    /// How many comments there are, and how many have at least one applied correction (a comment whose only
    /// corrections are stale needs reviewing again; an orphaned correction has no comment to count).
    public func progress() throws -> (comments: Int, reviewed: Int) {
        try withConnection { connection in
            try connection.read { executor in
                let comments = try executor.query("SELECT COUNT(*) FROM comments", []).first?.first?.int ?? 0
                var parameters = SQLParameters(executor.dialect)
                let applied = CorrectionStaleness.isApplied("k", try CorrectionStaleness.stale(executor), &parameters)
                let reviewed = try executor.query(
                    "SELECT COUNT(*) FROM (SELECT DISTINCT k.source, k.comment_key FROM corrections k WHERE " + applied
                        + " AND EXISTS (SELECT 1 FROM comments c WHERE c.source = k.source AND "
                        + "c.comment_key = k.comment_key)) r", parameters.values
                ).first?.first?.int ?? 0
                return (comments, reviewed)
            }
        }
    }

    // MARK: Corrections

    /// Appends one correction and returns it as stored. The comment must exist; the machine's label and run, and
    /// the digest of the text judged, are recorded beside the analyst's action. With `request.textSHA256` (the text
    /// the analyst was shown), a comment whose text has changed since is refused (`ReviewError.commentChanged`); a
    /// correction that would change nothing in the comment's reviewed reading is refused (`ReviewError.noChange`,
    /// see `CorrectionRequest.unchangedReason`).
    @discardableResult
    public func record(_ request: CorrectionRequest, at date: Date = Date()) throws -> Correction {
        try request.validate()
        return try withConnection { connection in
            try connection.transaction { executor in
                var lookup = SQLParameters(executor.dialect)
                let sql = "SELECT " + Self.commentColumns + " FROM comments c WHERE c.source = "
                    + lookup.add(request.source) + " AND c.comment_key = " + lookup.add(request.commentKey)
                guard let row = try executor.query(sql, lookup.values).first else {
                    throw ReviewError.unknownComment(source: request.source, key: request.commentKey)
                }
                // The reviewed reading as it stands inside this transaction, so a second analyst's identical click
                // is seen as the no-op it is.
                let comment = try details(Self.comment(from: row), executor)
                let machineLabel = comment.machineLabel
                let digest = comment.textSHA256
                if let shown = request.textSHA256, shown.lowercased() != digest {
                    throw ReviewError.commentChanged(source: request.source, key: request.commentKey)
                }
                if let reason = request.unchangedReason(on: comment) {
                    throw ReviewError.noChange(source: request.source, key: request.commentKey, reason: reason)
                }
                // An accept keeps the dimensions it judged; with the page's, only if they are still the comment's.
                var accepted: String?
                if request.action == .accept {
                    let current = comment.dimensionPairs
                    if let shown = request.shownDimensions {
                        guard let posted = AcceptedDimensions.parse(shown) else {
                            throw ReviewError.invalidCorrection("malformed dimensions_shown '\(shown.prefix(100))'")
                        }
                        if posted != AcceptedDimensions.parse(current) {
                            throw ReviewError.dimensionsChanged(source: request.source, key: request.commentKey)
                        }
                    }
                    accepted = current
                }
                // Inside the write transaction, so two analysts saving at once still get distinct numbers (SQLite
                // serialises writers; on PostgreSQL a clash fails on the primary key instead of overwriting).
                let seq = (try executor.query("SELECT COALESCE(MAX(seq), 0) FROM corrections", []).first?.first?.int ?? 0) + 1
                let correction = Correction(
                    seq: seq, source: request.source, commentKey: request.commentKey, action: request.action,
                    dimension: request.dimension, value: request.value, signal: request.signal,
                    signalValue: request.signalValue, machineLabel: machineLabel,
                    machineRunID: comment.runID,
                    analyst: request.analyst.trimmingCharacters(in: .whitespacesAndNewlines),
                    createdAt: Rows.timestamp(date), note: request.note, textSHA256: digest,
                    acceptedDimensions: accepted)
                var insert = SQLParameters(executor.dialect)
                let values: [SQLValue] = [
                    .integer(correction.seq), .text(correction.source), .text(correction.commentKey),
                    .text(correction.action.rawValue), SQLValue(correction.dimension?.rawValue),
                    // A label, or a signal's value (null for none).
                    SQLValue(correction.value?.rawValue ?? correction.signalValue?.rawValue),
                    .text(correction.machineLabel.rawValue),
                    .text(correction.machineRunID), .text(correction.analyst), .text(correction.createdAt),
                    SQLValue(correction.note), SQLValue(correction.textSHA256), SQLValue(correction.acceptedDimensions),
                    SQLValue(correction.signal?.rawValue),
                ]
                let placeholders = values.map { insert.add($0) }.joined(separator: ", ")
                try executor.execute("INSERT INTO corrections (" + Schema.corrections.columnNames.joined(separator: ", ")
                                     + ") VALUES (" + placeholders + ")", insert.values)
                return correction
            }
        }
    }

    /// The audit trail, newest first, each correction with its status; with `status`, only the corrections in it
    /// (`rater corrections list --status stale`).
    public func corrections(limit: Int = 200, offset: Int = 0, status: CorrectionStatus? = nil) throws -> [Correction] {
        try withConnection { connection in
            try connection.read { executor in
                var parameters = SQLParameters(executor.dialect)
                let stale = try CorrectionStaleness.stale(executor)
                // Made twice, not reused: each adds its parameter, and SQLite's `?` are numbered by their place.
                var sql = "SELECT " + Self.correctionColumns + ", " + CorrectionStaleness.status("k", stale, &parameters)
                    + " FROM corrections k"
                if let status {
                    sql += " WHERE " + CorrectionStaleness.status("k", stale, &parameters) + " = "
                        + parameters.add(status.rawValue)
                }
                sql += " ORDER BY k.seq DESC LIMIT " + parameters.add(.integer(limit)) + " OFFSET "
                    + parameters.add(.integer(offset))
                return try executor.query(sql, parameters.values).map { row in
                    var correction = try Self.correction(from: row)
                    correction.status = row.last?.string.flatMap(CorrectionStatus.init(rawValue:)) ?? .current
                    return correction
                }
            }
        }
    }

    /// Every comment with an applied correction, with its reviewed reading, in source order: the gold file's rows.
    /// A comment whose only corrections are stale is left out (`omissions` counts it).
    public func reviewedComments() throws -> [ReviewComment] {
        try withConnection { connection in
            try connection.read { executor in
                var parameters = SQLParameters(executor.dialect)
                let applied = CorrectionStaleness.isApplied("k", try CorrectionStaleness.stale(executor), &parameters)
                let rows = try executor.query("SELECT " + Self.commentColumns + " FROM comments c WHERE EXISTS ("
                    + "SELECT 1 FROM corrections k WHERE k.source = c.source AND k.comment_key = c.comment_key AND "
                    + applied + ") ORDER BY c.source, c.record", parameters.values)
                return try rows.map { try details(Self.comment(from: $0), executor) }
            }
        }
    }

    /// The corrections a gold export cannot use: stale ones (their comment's text has changed since) and orphaned
    /// ones (no such comment in the database).
    public func omissions() throws -> CorrectionOmissions {
        try withConnection { connection in
            try connection.read { executor in
                let stale = try CorrectionStaleness.stale(executor)
                let orphaned = "FROM corrections k WHERE NOT EXISTS (SELECT 1 FROM comments c WHERE "
                    + "c.source = k.source AND c.comment_key = k.comment_key)"
                let corrections = try executor.query("SELECT COUNT(*) " + orphaned, []).first?.first?.int ?? 0
                let comments = try executor.query(
                    "SELECT COUNT(*) FROM (SELECT DISTINCT k.source, k.comment_key " + orphaned + ") r", []
                ).first?.first?.int ?? 0
                let staleComments = Set(stale.map { [$0.source, $0.key] }).count
                return CorrectionOmissions(staleCorrections: stale.count, staleComments: staleComments,
                                           orphanedCorrections: corrections, orphanedComments: comments)
            }
        }
    }

    // MARK: Query pieces

    /// The label after applied corrections, in SQL: the last label or accept, else the machine's.
    private static func reviewedLabel(_ applied: String) -> String {
        "COALESCE((SELECT k.value FROM corrections k WHERE k.source = c.source AND k.comment_key = c.comment_key AND "
            + "k.action IN ('label', 'accept') AND " + applied + " ORDER BY k.seq DESC LIMIT 1), c.label)"
    }

    private func whereClause(_ filter: ReviewFilter, _ parameters: inout SQLParameters,
                             _ executor: any SQLExecutor) throws -> String {
        var conditions = ["1 = 1"]
        let dialect = parameters.dialect
        // The filters on the reviewed reading see applied corrections only: a comment relabelled on an earlier text
        // is found under its machine label.
        let usesCorrections = filter.label != nil || filter.dimension != nil || filter.review != nil
            || filter.signal != nil
        let stale = try usesCorrections ? CorrectionStaleness.stale(executor) : []
        if let label = filter.label {
            let applied = CorrectionStaleness.isApplied("k", stale, &parameters)
            conditions.append(Self.reviewedLabel(applied) + " = " + parameters.add(label.rawValue))
        }
        if let dimension = filter.dimension {
            // Present after corrections: the last add/remove for the dimension decides; without one, the machine's
            // mention does.
            // An accept that kept its dimensions decides too, by whether they name this one (`AcceptedDimensions`).
            let last = "(SELECT CASE WHEN k.action = 'accept' THEN (CASE WHEN ';' || k.dimensions || ';' LIKE "
                + parameters.add("%;" + dimension.rawValue + ":%")
                + " THEN 'add_dimension' ELSE 'remove_dimension' END) ELSE k.action END"
                + " FROM corrections k WHERE k.source = c.source AND k.comment_key = c.comment_key"
                + " AND ((k.dimension = " + parameters.add(dimension.rawValue)
                + " AND k.action IN ('add_dimension', 'remove_dimension')) OR (k.action = 'accept' AND "
                + "k.dimensions IS NOT NULL)) AND "
                + CorrectionStaleness.isApplied("k", stale, &parameters) + " ORDER BY k.seq DESC LIMIT 1)"
            let machine = "(CASE WHEN EXISTS (SELECT 1 FROM dimension_mentions d WHERE d.source = c.source AND "
                + "d.comment_key = c.comment_key AND d.dimension = " + parameters.add(dimension.rawValue)
                + ") THEN 'add_dimension' ELSE 'remove_dimension' END)"
            conditions.append("COALESCE(" + last + ", " + machine + ") = 'add_dimension'")
        }
        if let aspect = filter.aspect {
            // The machine's reading: aspects are not corrected.
            var condition = "EXISTS (SELECT 1 FROM aspect_mentions a WHERE a.source = c.source AND "
                + "a.comment_key = c.comment_key AND a.aspect = " + parameters.add(aspect.rawValue)
            if let label = filter.aspectLabel { condition += " AND a.label = " + parameters.add(label.rawValue) }
            conditions.append(condition + ")")
        }
        if let signal = filter.signal {
            // The reviewed reading: the last applied `set_signal` of this signal decides ('' for none); without one,
            // the machine's signals do. The corrected value is written twice (SQLite numbers `?` by place).
            func corrected(_ parameters: inout SQLParameters) -> String {
                "(SELECT COALESCE(k.value, '') FROM corrections k WHERE k.source = c.source AND "
                    + "k.comment_key = c.comment_key AND k.action = 'set_signal' AND k.signal = "
                    + parameters.add(signal.rawValue) + " AND " + CorrectionStaleness.isApplied("k", stale, &parameters)
                    + " ORDER BY k.seq DESC LIMIT 1)"
            }
            var condition = "(CASE WHEN " + corrected(&parameters) + " IS NOT NULL THEN " + corrected(&parameters)
            if let value = filter.signalValue {
                condition += " = " + parameters.add(value.rawValue)
            } else {
                condition += " <> ''"
            }
            condition += " ELSE EXISTS (SELECT 1 FROM signals s WHERE s.source = c.source AND "
                + "s.comment_key = c.comment_key AND s.signal = " + parameters.add(signal.rawValue)
            if let value = filter.signalValue { condition += " AND s.value = " + parameters.add(value.rawValue) }
            conditions.append(condition + ") END)")
        }
        if let column = filter.groupColumn {
            guard groupColumns.contains(column) else { throw ReviewError.invalidFilter("no column '\(column)' in the comments") }
            let field = Self.field(column, dialect, &parameters)
            if let value = filter.groupValue {
                conditions.append(field + " = " + parameters.add(value))
            } else {
                conditions.append(field + " IS NOT NULL")
            }
        }
        if filter.dateFrom != nil || filter.dateTo != nil {
            guard let dateColumn else {
                throw ReviewError.invalidFilter("the comments have no date column (start the server with --date-column)")
            }
            // ISO dates compare as text; slashes (2026/11/26) are read as dashes.
            for (bound, comparison) in [(filter.dateFrom, ">="), (filter.dateTo, "<=")] {
                guard let bound else { continue }
                let day = "substr(replace(" + Self.field(dateColumn, dialect, &parameters) + ", '/', '-'), 1, 10)"
                conditions.append(day + " " + comparison + " " + parameters.add(bound))
            }
        }
        if let source = filter.source { conditions.append("c.source = " + parameters.add(source)) }
        if let run = filter.run { conditions.append("c.run_id = " + parameters.add(run)) }
        if let evidence = filter.evidence {
            // The machine's reading, as stored: a comment stored before the kind was recorded (null) matches none.
            conditions.append("c.evidence_kind = " + parameters.add(evidence.rawValue))
        }
        if let search = filter.search {
            // Stored texts are normalised (NFKC, Traditional → Simplified), and so is what they are searched for, as
            // lexicon terms are: a Chinese IME's full-width comma or a phrase copied from the Traditional original
            // found nothing. The box keeps showing what was typed.
            let function = dialect == .sqlite ? "instr" : "strpos"
            let text = Normalizer.normalizeEntry(search)
            conditions.append(function + "(lower(c.text), lower(" + parameters.add(text) + ")) > 0")
        }
        if let review = filter.review {
            // Each fragment adds its parameter when it is made: SQLite's `?` are numbered by their place in the text.
            let some = "EXISTS (SELECT 1 FROM corrections k WHERE k.source = c.source AND k.comment_key = c.comment_key AND "
            func applied() -> String { some + CorrectionStaleness.isApplied("k", stale, &parameters) + ")" }
            switch review {
            case .reviewed: conditions.append(applied())
            case .unreviewed: conditions.append("NOT " + applied())
            case .stale:
                let earlier = some + CorrectionStaleness.isStale("k", stale, &parameters) + ")"
                conditions.append(earlier + " AND NOT " + applied())
            }
        }
        return conditions.joined(separator: " AND ")
    }

    /// A passthrough field's value as text (the column name is a bound parameter too).
    ///
    /// On SQLite the name is compared as a key, never written into a JSON path: SQLite's path parser ends a quoted
    /// label at the first `"` whatever the escaping, so a column named `a"b` matched nothing. PostgreSQL's `->>`
    /// takes the key as it is.
    private static func field(_ name: String, _ dialect: SQLDialect, _ parameters: inout SQLParameters) -> String {
        switch dialect {
        case .sqlite:
            return "(SELECT j.value FROM json_each(c.fields) j WHERE j.key = " + parameters.add(name) + " LIMIT 1)"
        case .postgres:
            return "(c.fields ->> CAST(" + parameters.add(name) + " AS TEXT))"
        }
    }

    private static let commentColumns = "c.source, c.comment_key, c.id, c.record, c.lang, c.text, c.label, c.score, "
        + "c.confidence, c.fields, c.explanation, c.run_id, c.service_score, c.evidence_kind"

    private static let correctionColumns = "k.seq, k.source, k.comment_key, k.action, k.dimension, k.value, "
        + "k.machine_label, k.machine_run_id, k.analyst, k.created_at, k.note, k.text_sha256, k.dimensions, "
        + "k.signal"

    private static func comment(from row: [SQLValue]) throws -> ReviewComment {
        guard let label = row[6].string.flatMap(SentimentLabel.init(rawValue:)) else {
            throw DatabaseError.unexpectedValue(table: "comments", column: "label", value: row[6].description)
        }
        let terms = DatabaseReader.terms(try DatabaseReader.jsonArray(row[10], table: "comments", column: "explanation"))
        let fields = DatabaseReader.fields(row[9])
        let text = row[5].string ?? ""
        return ReviewComment(
            source: row[0].string ?? "", key: row[1].string ?? "", id: row[2].string ?? "", record: row[3].int ?? 0,
            language: row[4].string ?? "", text: text, machineLabel: label,
            score: row[7].double ?? 0, confidence: row[8].double ?? 0, terms: terms, fields: fields,
            runID: row[11].string ?? "", machineDimensions: [], signals: [], corrections: [],
            textSHA256: SHA256Digest.hex(of: text), serviceScore: row[12].double,
            evidenceKind: row[13].string.flatMap(EvidenceKind.init(rawValue:)))
    }

    private static func correction(from row: [SQLValue]) throws -> Correction {
        guard let action = row[3].string.flatMap(CorrectionAction.init(rawValue:)),
              let machineLabel = row[6].string.flatMap(SentimentLabel.init(rawValue:)) else {
            throw DatabaseError.unexpectedValue(table: "corrections", column: "action/machine_label",
                                                value: "\(row[3]) \(row[6])")
        }
        return Correction(
            seq: row[0].int ?? 0, source: row[1].string ?? "", commentKey: row[2].string ?? "", action: action,
            dimension: row[4].string.flatMap(ServiceDimension.init(rawValue:)),
            value: action == .setSignal ? nil : row[5].string.flatMap(SentimentLabel.init(rawValue:)),
            signal: row[13].string.flatMap(SignalKind.init(rawValue:)),
            signalValue: action == .setSignal ? row[5].string.flatMap(SignalValue.init(rawValue:)) : nil,
            machineLabel: machineLabel,
            machineRunID: row[7].string ?? "", analyst: row[8].string ?? "", createdAt: row[9].string ?? "",
            note: row[10].string, textSHA256: row[11].string, acceptedDimensions: row[12].string)
    }

    /// Adds the comment's dimension and aspect mentions, signals and corrections.
    private func details(_ comment: ReviewComment, _ executor: any SQLExecutor) throws -> ReviewComment {
        var comment = comment
        var parameters = SQLParameters(executor.dialect)
        let key = " WHERE source = " + parameters.add(comment.source) + " AND comment_key = " + parameters.add(comment.key)
        for row in try executor.query("SELECT dimension, label, score, mentions, evidence FROM dimension_mentions" + key,
                                      parameters.values) {
            guard let dimension = row[0].string.flatMap(ServiceDimension.init(rawValue:)),
                  let label = row[1].string.flatMap(SentimentLabel.init(rawValue:)) else { continue }
            let evidence = DatabaseReader.evidence(
                try DatabaseReader.jsonArray(row[4], table: "dimension_mentions", column: "evidence"))
            comment.machineDimensions.append(DimensionSummary(dimension: dimension, label: label,
                                                              score: row[2].double ?? 0, mentions: row[3].int ?? 0,
                                                              evidence: evidence))
        }
        comment.machineDimensions.sort { $0.dimension < $1.dimension }
        for row in try executor.query("SELECT aspect, label, score, mentions, evidence FROM aspect_mentions" + key,
                                      parameters.values) {
            guard let aspect = row[0].string.flatMap(Aspect.init(rawValue:)),
                  let label = row[1].string.flatMap(SentimentLabel.init(rawValue:)) else { continue }
            let evidence = DatabaseReader.cueEvidence(
                try DatabaseReader.jsonArray(row[4], table: "aspect_mentions", column: "evidence"))
            comment.aspects.append(AspectSummary(aspect: aspect, label: label, score: row[2].double ?? 0,
                                                 mentions: row[3].int ?? 0, evidence: evidence))
        }
        comment.aspects.sort { $0.aspect < $1.aspect }
        for row in try executor.query("SELECT signal, value, evidence FROM signals" + key, parameters.values) {
            guard let kind = row[0].string.flatMap(SignalKind.init(rawValue:)),
                  let value = row[1].string.flatMap(SignalValue.init(rawValue:)) else { continue }
            let evidence = DatabaseReader.cueEvidence(
                try DatabaseReader.jsonArray(row[2], table: "signals", column: "evidence"))
            comment.signals.append(.init(kind: kind, value: value, evidence: evidence))
        }
        comment.signals.sort { $0.kind < $1.kind }
        // Split by what each correction judged: only those made on this text are applied.
        for row in try executor.query("SELECT " + Self.correctionColumns + " FROM corrections k" + key + " ORDER BY seq",
                                      parameters.values) {
            var correction = try Self.correction(from: row)
            correction.status = CorrectionStaleness.status(of: correction, currentDigest: comment.textSHA256)
            if correction.status == .stale {
                comment.staleCorrections.append(correction)
            } else {
                comment.corrections.append(correction)
            }
        }
        return comment
    }

    /// The passthrough field names in the comments (the first 10,000 comments are enough to find them).
    private static func fieldNames(_ connection: any DatabaseConnection) throws -> [String] {
        try connection.read { executor in
            let sql: String
            switch executor.dialect {
            case .sqlite:
                sql = "SELECT DISTINCT j.key FROM (SELECT fields FROM comments LIMIT 10000) c, json_each(c.fields) j"
            case .postgres:
                sql = "SELECT DISTINCT json_object_keys(c.fields) FROM (SELECT fields FROM comments LIMIT 10000) c"
            }
            return try executor.query(sql, []).compactMap { $0.first?.string }.sorted()
        }
    }
}

/// One page of the list.
public struct ReviewPageData: Sendable, Equatable {
    public var comments: [ReviewComment]
    public var total: Int
    /// 1-based, at most `pageCount` (`ReviewStore.page` clamps a page past the end).
    public var page: Int
    public var pageSize: Int

    public var pageCount: Int { Self.pageCount(total: total, pageSize: pageSize) }

    /// Pages for `total` comments: at least one, so an empty list is "page 1 of 1".
    static func pageCount(total: Int, pageSize: Int) -> Int { max(1, (total + pageSize - 1) / pageSize) }
}
