import Foundation
import RaterCore

/// Reads stored comments back as `CommentResult`s (round-trip tests, `rater report --db`), with their dimension and
/// aspect mentions and their signals.
///
/// Passthrough fields come back in name order: the `fields` column is a JSON object, whose key order PostgreSQL's
/// `json` keeps but JSON parsers do not promise. A database made before aspects and profiles were stored (and not
/// opened by a run since, which would have added them: `rater report --db` does not change the database) gives
/// comments without aspects, and so does a comment stored before then; their profile is empty (`""`, version `""`,
/// no service score): unknown, not `generic`.
public enum DatabaseReader {
    public static func comments(in database: any DatabaseConnection) throws -> [CommentResult] {
        try database.read { executor in
            let dimensionRows = try executor.query(
                "SELECT source, comment_key, dimension, label, score, mentions, evidence FROM dimension_mentions", [])
            var dimensions = [String: [DimensionSummary]]()
            for row in dimensionRows {
                let key = (row[0].string ?? "") + "\u{0}" + (row[1].string ?? "")
                guard let dimension = row[2].string.flatMap(ServiceDimension.init(rawValue:)),
                      let label = row[3].string.flatMap(SentimentLabel.init(rawValue:)) else {
                    throw DatabaseError.unexpectedValue(table: "dimension_mentions", column: "dimension/label",
                                                        value: "\(row[2]) \(row[3])")
                }
                let evidence = evidence(try jsonArray(row[6], table: "dimension_mentions", column: "evidence"))
                dimensions[key, default: []].append(DimensionSummary(
                    dimension: dimension, label: label, score: row[4].double ?? 0, mentions: row[5].int ?? 0,
                    evidence: evidence))
            }
            var aspects = [String: [AspectSummary]]()
            let hasAspects = try SchemaMigration.hasColumn("aspect", in: Schema.aspectMentions.name, executor)
            let aspectRows = try hasAspects ? executor.query(
                "SELECT source, comment_key, aspect, label, score, mentions, evidence FROM aspect_mentions", []) : []
            for row in aspectRows {
                let key = (row[0].string ?? "") + "\u{0}" + (row[1].string ?? "")
                guard let aspect = row[2].string.flatMap(Aspect.init(rawValue:)),
                      let label = row[3].string.flatMap(SentimentLabel.init(rawValue:)) else {
                    throw DatabaseError.unexpectedValue(table: "aspect_mentions", column: "aspect/label",
                                                        value: "\(row[2]) \(row[3])")
                }
                let evidence = cueEvidence(try jsonArray(row[6], table: "aspect_mentions", column: "evidence"))
                aspects[key, default: []].append(AspectSummary(
                    aspect: aspect, label: label, score: row[4].double ?? 0, mentions: row[5].int ?? 0,
                    evidence: evidence))
            }
            // Every stored signal value with its evidence: `rater report --db` counts the signal rates from these,
            // as it does from a results file's `signals`.
            var signals = [String: [SignalSummary]]()
            let hasSignals = try SchemaMigration.hasColumn("value", in: Schema.signals.name, executor)
            let signalRows = try hasSignals ? executor.query(
                "SELECT source, comment_key, value, evidence FROM signals", []) : []
            for row in signalRows {
                let key = (row[0].string ?? "") + "\u{0}" + (row[1].string ?? "")
                guard let value = row[2].string.flatMap(SignalValue.init(rawValue:)) else {
                    throw DatabaseError.unexpectedValue(table: "signals", column: "value", value: "\(row[2])")
                }
                let evidence = cueEvidence(try jsonArray(row[3], table: "signals", column: "evidence"))
                signals[key, default: []].append(SignalSummary(value: value, evidence: evidence))
            }
            let hasProfile = try SchemaMigration.hasColumn("service_score", in: Schema.comments.name, executor)
            let hasEvidenceKind = try SchemaMigration.hasColumn("evidence_kind", in: Schema.comments.name, executor)
            let rows = try executor.query("""
                SELECT source, comment_key, id, record, line, lang, text, label, score, positive, negative, neutral,
                       confidence, fields, explanation, \(hasProfile ? "profile, profile_version, service_score"
                                                                     : "NULL, NULL, NULL"),
                       \(hasEvidenceKind ? "evidence_kind" : "NULL")
                FROM comments ORDER BY source, record
                """, [])
            return try rows.map { row in
                guard let language = row[5].string.flatMap(Language.init(rawValue:)),
                      let label = row[7].string.flatMap(SentimentLabel.init(rawValue:)) else {
                    throw DatabaseError.unexpectedValue(table: "comments", column: "lang/label",
                                                        value: "\(row[5]) \(row[7])")
                }
                let fields = fields(row[13])
                let terms = terms(try jsonArray(row[14], table: "comments", column: "explanation"))
                let key = (row[0].string ?? "") + "\u{0}" + (row[1].string ?? "")
                return CommentResult(
                    id: row[2].string ?? "", source: row[0].string ?? "", recordNumber: row[3].int ?? 0,
                    line: row[4].int, language: language, text: row[6].string ?? "",
                    sentiment: SentimentSummary(
                        label: label, score: row[8].double ?? 0, positive: row[9].double ?? 0,
                        negative: row[10].double ?? 0, neutral: row[11].double ?? 0, confidence: row[12].double ?? 0,
                        terms: terms, evidenceKind: row[18].string.flatMap(EvidenceKind.init(rawValue:))),
                    dimensions: (dimensions[key] ?? []).sorted { $0.dimension < $1.dimension },
                    aspects: (aspects[key] ?? []).sorted { $0.aspect < $1.aspect },
                    signals: (signals[key] ?? []).sorted { $0.value.ordinal < $1.value.ordinal },
                    profile: ProfileSummary(name: row[15].string ?? "", version: row[16].string ?? "",
                                            serviceScore: row[17].double),
                    fields: fields)
            }
        }
    }

    /// The stored survey answers with a rating and no comment (`rating_answers`), in key order: `rater report --db`
    /// counts their ratings as the `aggregates` rebuild does. None in a database made before they were stored.
    public static func ratingAnswers(in database: any DatabaseConnection) throws -> [RatingOnlyAnswer] {
        try database.read { executor in
            guard try SchemaMigration.hasColumn("fields", in: Schema.ratingAnswers.name, executor) else { return [] }
            return try executor.query("SELECT source, record, line, fields FROM \(Schema.ratingAnswers.name) "
                                      + "ORDER BY source, record", []).map { row in
                RatingOnlyAnswer(source: row[0].string ?? "", recordNumber: row[1].int ?? 0, line: row[2].int,
                                 fields: fields(row[3]))
            }
        }
    }

    /// The `fields` column (a JSON object) as fields in name order; repeated fields (JSON arrays) as one field per
    /// value. A missing or unreadable object gives no fields.
    public static func fields(_ value: SQLValue) -> [Field] {
        let object = (try? JSONSerialization.jsonObject(with: Data((value.string ?? "{}").utf8))) as? [String: Any] ?? [:]
        return object.keys.sorted().flatMap { name -> [Field] in
            if let values = object[name] as? [String] { return values.map { Field(name, $0) } }
            return [Field(name, object[name] as? String ?? "")]
        }
    }

    /// The `explanation` column's objects as terms; a term stored before `source` and `learned` were recorded has
    /// neither (no file named, not learned).
    public static func terms(_ array: [[String: Any]]) -> [TermExplanation] {
        array.map { term in
            TermExplanation(term: term["term"] as? String ?? "", base: (term["base"] as? NSNumber)?.doubleValue ?? 0,
                            rules: term["rules"] as? [String] ?? [], weight: (term["weight"] as? NSNumber)?.doubleValue ?? 0,
                            source: term["source"] as? String,
                            isLearned: (term["learned"] as? NSNumber).map { $0.isJSONBoolean && $0.boolValue } ?? false)
        }
    }

    /// An `evidence` column's objects as cue and clause.
    public static func evidence(_ array: [[String: Any]]) -> [(cue: String, clause: String)] {
        array.map { (cue: $0["cue"] as? String ?? "", clause: $0["clause"] as? String ?? "") }
    }

    /// An `evidence` column's objects as cue, clause and negator (aspects' and signals' evidence).
    public static func cueEvidence(_ array: [[String: Any]]) -> [CueEvidence] {
        array.map { CueEvidence(cue: $0["cue"] as? String ?? "", clause: $0["clause"] as? String ?? "",
                                negator: $0["negator"] as? String) }
    }

    /// A JSON-array column, or an error naming the table and column when it is not one.
    public static func jsonArray(_ value: SQLValue, table: String, column: String) throws -> [[String: Any]] {
        guard let text = value.string,
              let array = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [[String: Any]] else {
            throw DatabaseError.unexpectedValue(table: table, column: column, value: value.description)
        }
        return array
    }
}
