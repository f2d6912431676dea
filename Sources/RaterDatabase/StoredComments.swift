import Foundation
import RaterCore

/// Reads every stored comment back whole (`CommentResult`: text, terms, dimension and aspect mentions with their
/// evidence, signals, profile, fields), a page of comments at a time, so that `rater report --db` needs memory
/// bounded by a page, not by the database. A first version read each table whole into dictionaries: 2.9 GB for a
/// database of 1.1 million comments.
///
/// Pages follow the primary key of `comments` (`source`, `comment_key`), which `dimension_mentions`,
/// `aspect_mentions` and `signals` share as the start of theirs, as `StoredObservations` pages: each page is one
/// indexed range read in each of the four tables, its rows matched to its comments by key in a dictionary, so the
/// database's collation alone decides the order.
///
/// A database made before aspects, signal values, profiles or evidence kinds were stored (and not opened by a run
/// since, which would have added them: `rater report --db` does not change the database) gives comments without
/// them; their profile is empty (`""`, version `""`, no service score): unknown, not `generic`.
struct StoredComments {
    let executor: any SQLExecutor
    let pageSize: Int

    init(executor: any SQLExecutor, pageSize: Int = StoredObservations.standardPageSize) {
        precondition(pageSize >= 1, "pages of one comment or more")
        self.executor = executor
        self.pageSize = pageSize
    }

    /// Calls `body` with every stored comment, in key order.
    func forEach(_ body: (CommentResult) throws -> Void) throws {
        let dialect = executor.dialect
        let (p1, p2, p3, p4) = (dialect.placeholder(1), dialect.placeholder(2), dialect.placeholder(3),
                                dialect.placeholder(4))
        let hasAspects = try SchemaMigration.hasColumn("aspect", in: Schema.aspectMentions.name, executor)
        let hasSignals = try SchemaMigration.hasColumn("value", in: Schema.signals.name, executor)
        let hasProfile = try SchemaMigration.hasColumn("service_score", in: Schema.comments.name, executor)
        let hasEvidenceKind = try SchemaMigration.hasColumn("evidence_kind", in: Schema.comments.name, executor)
        let columns = """
            SELECT source, comment_key, id, record, line, lang, text, label, score, positive, negative, neutral,
                   confidence, fields, explanation, \(hasProfile ? "profile, profile_version, service_score"
                                                                 : "NULL, NULL, NULL"),
                   \(hasEvidenceKind ? "evidence_kind" : "NULL")
            FROM comments
            """
        let order = " ORDER BY source, comment_key LIMIT \(pageSize)"
        let firstPage = columns + order
        let nextPage = columns + " WHERE (source, comment_key) > (\(p1), \(p2))" + order
        let inPage = " WHERE (source, comment_key) >= (\(p1), \(p2)) AND (source, comment_key) <= (\(p3), \(p4))"

        var last: [SQLValue]?
        while true {
            let page = try executor.query(last == nil ? firstPage : nextPage, last ?? [])
            guard let first = page.first, let end = page.last else { return }
            let range = [first[0], first[1], end[0], end[1]]
            let dimensions = try dimensionMentions(
                "SELECT source, comment_key, dimension, label, score, mentions, evidence FROM dimension_mentions"
                    + inPage, range)
            let aspects = hasAspects ? try aspectMentions(
                "SELECT source, comment_key, aspect, label, score, mentions, evidence FROM aspect_mentions" + inPage,
                range) : [:]
            let signals = hasSignals ? try signalValues(
                "SELECT source, comment_key, value, evidence FROM signals" + inPage, range) : [:]
            for row in page {
                let key = Self.key(row)
                try body(try comment(row, dimensions: dimensions[key] ?? [], aspects: aspects[key] ?? [],
                                     signals: signals[key] ?? []))
            }
            guard page.count == pageSize else { return }
            last = [end[0], end[1]]
        }
    }

    /// A comment's key across the four tables; the NUL cannot occur in a source name or a key read from text.
    private static func key(_ row: [SQLValue]) -> String {
        (row[0].string ?? "") + "\u{0}" + (row[1].string ?? "")
    }

    private func dimensionMentions(_ sql: String, _ range: [SQLValue]) throws -> [String: [DimensionSummary]] {
        var mentions = [String: [DimensionSummary]]()
        for row in try executor.query(sql, range) {
            guard let dimension = row[2].string.flatMap(ServiceDimension.init(rawValue:)),
                  let label = row[3].string.flatMap(SentimentLabel.init(rawValue:)) else {
                throw DatabaseError.unexpectedValue(table: "dimension_mentions", column: "dimension/label",
                                                    value: "\(row[2]) \(row[3])")
            }
            let evidence = DatabaseReader.evidence(
                try DatabaseReader.jsonArray(row[6], table: "dimension_mentions", column: "evidence"))
            mentions[Self.key(row), default: []].append(DimensionSummary(
                dimension: dimension, label: label, score: row[4].double ?? 0, mentions: row[5].int ?? 0,
                evidence: evidence))
        }
        return mentions
    }

    private func aspectMentions(_ sql: String, _ range: [SQLValue]) throws -> [String: [AspectSummary]] {
        var mentions = [String: [AspectSummary]]()
        for row in try executor.query(sql, range) {
            guard let aspect = row[2].string.flatMap(Aspect.init(rawValue:)),
                  let label = row[3].string.flatMap(SentimentLabel.init(rawValue:)) else {
                throw DatabaseError.unexpectedValue(table: "aspect_mentions", column: "aspect/label",
                                                    value: "\(row[2]) \(row[3])")
            }
            let evidence = DatabaseReader.cueEvidence(
                try DatabaseReader.jsonArray(row[6], table: "aspect_mentions", column: "evidence"))
            mentions[Self.key(row), default: []].append(AspectSummary(
                aspect: aspect, label: label, score: row[4].double ?? 0, mentions: row[5].int ?? 0,
                evidence: evidence))
        }
        return mentions
    }

    /// Every stored signal value with its evidence: `rater report --db` counts the signal rates from these, as it
    /// does from a results file's `signals`.
    private func signalValues(_ sql: String, _ range: [SQLValue]) throws -> [String: [SignalSummary]] {
        var signals = [String: [SignalSummary]]()
        for row in try executor.query(sql, range) {
            guard let value = row[2].string.flatMap(SignalValue.init(rawValue:)) else {
                throw DatabaseError.unexpectedValue(table: "signals", column: "value", value: "\(row[2])")
            }
            let evidence = DatabaseReader.cueEvidence(
                try DatabaseReader.jsonArray(row[3], table: "signals", column: "evidence"))
            signals[Self.key(row), default: []].append(SignalSummary(value: value, evidence: evidence))
        }
        return signals
    }

    private func comment(_ row: [SQLValue], dimensions: [DimensionSummary], aspects: [AspectSummary],
                         signals: [SignalSummary]) throws -> CommentResult {
        guard let language = row[5].string.flatMap(Language.init(rawValue:)),
              let label = row[7].string.flatMap(SentimentLabel.init(rawValue:)) else {
            throw DatabaseError.unexpectedValue(table: "comments", column: "lang/label", value: "\(row[5]) \(row[7])")
        }
        let terms = DatabaseReader.terms(try DatabaseReader.jsonArray(row[14], table: "comments", column: "explanation"))
        return CommentResult(
            id: row[2].string ?? "", source: row[0].string ?? "", recordNumber: row[3].int ?? 0,
            line: row[4].int, language: language, text: row[6].string ?? "",
            sentiment: SentimentSummary(
                label: label, score: row[8].double ?? 0, positive: row[9].double ?? 0,
                negative: row[10].double ?? 0, neutral: row[11].double ?? 0, confidence: row[12].double ?? 0,
                terms: terms, evidenceKind: row[18].string.flatMap(EvidenceKind.init(rawValue:))),
            dimensions: dimensions.sorted { $0.dimension < $1.dimension },
            aspects: aspects.sorted { $0.aspect < $1.aspect },
            signals: signals.sorted { $0.value.ordinal < $1.value.ordinal },
            profile: ProfileSummary(name: row[15].string ?? "", version: row[16].string ?? "",
                                    serviceScore: row[17].double),
            fields: DatabaseReader.fields(row[13]))
    }
}
