import Foundation
import RaterAggregate
import RaterCore
import RaterSinks

/// How results (with their dimension and aspect mentions), rejections, signals and aggregates become rows: shared by both drivers.
public enum Rows {
    /// Whether the comment's id came from the export, rather than being made from its source and record number.
    static func hasExportID(id: String, source: String, recordNumber: Int) -> Bool {
        StoredComment.hasExportID(id: id, source: source, recordNumber: recordNumber)
    }

    static func comment(_ comment: StoredComment, key: String, runID: String, at timestamp: String,
                        into row: inout OrderedRow) {
        row.add("source", .text(comment.source))
        row.add("comment_key", .text(key))
        row.add("id", .text(comment.id))
        row.add("record", .integer(comment.recordNumber))
        row.add("line", SQLValue(comment.line))
        row.add("lang", .text(comment.language.rawValue))
        row.add("text", .text(comment.text))
        row.add("label", .text(comment.label.rawValue))
        row.add("score", .real(comment.score))
        row.add("positive", .real(comment.positive))
        row.add("negative", .real(comment.negative))
        row.add("neutral", .real(comment.neutral))
        row.add("confidence", .real(comment.confidence))
        row.add("fields", .text(comment.fieldsJSON))
        row.add("explanation", .text(comment.explanationJSON))
        row.add("run_id", .text(runID))
        row.add("analysed_at", .text(timestamp))
        row.add("profile", .text(comment.profileName))
        row.add("profile_version", .text(comment.profileVersion))
        row.add("service_score", SQLValue(comment.serviceScore))
        row.add("evidence_kind", SQLValue(comment.evidenceKind?.rawValue))
    }

    static func dimension(_ dimension: StoredComment.Dimension, source: String, key: String, runID: String,
                          into row: inout OrderedRow) {
        row.add("source", .text(source))
        row.add("comment_key", .text(key))
        row.add("dimension", .text(dimension.dimension.rawValue))
        row.add("label", .text(dimension.label.rawValue))
        row.add("score", .real(dimension.score))
        row.add("mentions", .integer(dimension.mentions))
        row.add("evidence", .text(dimension.evidenceJSON))
        row.add("run_id", .text(runID))
    }

    static func aspect(_ aspect: StoredComment.AspectMention, source: String, key: String, runID: String,
                       into row: inout OrderedRow) {
        row.add("source", .text(source))
        row.add("comment_key", .text(key))
        row.add("aspect", .text(aspect.aspect.rawValue))
        row.add("label", .text(aspect.label.rawValue))
        row.add("score", .real(aspect.score))
        row.add("mentions", .integer(aspect.mentions))
        row.add("evidence", .text(aspect.evidenceJSON))
        row.add("run_id", .text(runID))
    }

    static func signal(_ signal: SignalRecord, runID: String, into row: inout OrderedRow) {
        row.add("source", .text(signal.source))
        row.add("comment_key", .text(signal.commentKey))
        row.add("signal", .text(signal.signal))
        row.add("value", .text(signal.value))
        row.add("evidence", .text(signal.evidenceJSON))
        row.add("run_id", .text(runID))
    }

    static func rejection(_ rejection: Rejection, runID: String) -> [SQLValue] {
        Schema.rejects.values([
            "source": .text(rejection.source),
            "record": .integer(rejection.recordNumber),
            "line": SQLValue(rejection.line),
            "byte_offset": SQLValue(rejection.byteOffset),
            "reason": .text(rejection.reason.code),
            "message": .text(rejection.reason.message),
            "raw": .text(rejection.raw),
            "run_id": .text(runID),
        ])
    }

    static func aggregate(_ row: AggregateRow, runID: String, at timestamp: String) -> [SQLValue] {
        var groups = JSONWriter()
        groups.fields(row.groups)
        var rates = JSONWriter()
        rates.beginObject()
        for signal in row.signals {
            rates.key(signal.name)
            rates.beginObject()
            rates.key("count", signal.count)
            rates.key("rate")
            rates.number(signal.rate, digits: 6)
            rates.endObject()
        }
        rates.endObject()
        // A row of rating-only answers alone has no sentiment figures: NULL, not zeros (`hasSentiment`).
        let figure: (Double) -> SQLValue = { row.hasSentiment ? .real($0) : .null }
        return Schema.aggregates.values([
            "group_key": .text(groupKey(row.groups)),
            "period": .text(row.period ?? ""),
            "scope": .text(row.scope),
            "groups": .text(String(decoding: groups.bytes, as: UTF8.self)),
            "comments": .integer(row.comments),
            "mentions": .integer(row.mentions),
            "positive": .integer(row.positive),
            "negative": .integer(row.negative),
            "neutral": .integer(row.neutral),
            "share_positive": figure(row.sharePositive),
            "share_negative": figure(row.shareNegative),
            "share_neutral": figure(row.shareNeutral),
            "mean_score": figure(row.meanScore),
            "net_sentiment": figure(row.netSentiment),
            "positive_low": figure(row.positiveInterval.lowerBound),
            "positive_high": figure(row.positiveInterval.upperBound),
            "negative_low": figure(row.negativeInterval.lowerBound),
            "negative_high": figure(row.negativeInterval.upperBound),
            "net_change": SQLValue(row.netChange),
            "signal_rates": .text(String(decoding: rates.bytes, as: UTF8.self)),
            "nps": SQLValue(row.ratings?.nps),
            "nps_responses": .integer(row.ratings?.npsResponses ?? 0),
            "csat": SQLValue(row.ratings?.csat),
            "csat_responses": .integer(row.ratings?.csatResponses ?? 0),
            "ces": SQLValue(row.ratings?.ces),
            "ces_responses": .integer(row.ratings?.cesResponses ?? 0),
            "run_id": .text(runID),
            "written_at": .text(timestamp),
        ])
    }

    /// The longest `group_key` kept whole. PostgreSQL refuses an index entry over 2,704 bytes, which a group value
    /// (a passthrough field, up to 1 MiB) could exceed: such a run failed as a whole there while SQLite finished it.
    public static let maximumGroupKeyBytes = 512

    /// `name=value` pairs joined by `; ` in the given order (`branch=西湖店; channel=app`), `\`, `;` and `=` escaped
    /// with a backslash so distinct groups never share a key; empty for the overall row.
    ///
    /// A key over `maximumGroupKeyBytes` is cut to its first characters followed by `…sha256:` and the SHA-256 of
    /// the whole key (512 bytes at most in all): the same groups give the same key in every run and in both
    /// databases, distinct groups still never share one, and the row's `groups` column keeps the values whole.
    public static func groupKey(_ groups: [Field]) -> String {
        func escape(_ text: String) -> String {
            var escaped = ""
            for character in text {
                if character == "\\" || character == ";" || character == "=" { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped
        }
        let key = groups.map { escape($0.name) + "=" + escape($0.value) }.joined(separator: "; ")
        guard key.utf8.count > maximumGroupKeyBytes else { return key }
        let suffix = "…sha256:" + SHA256Digest.hex(of: key)
        var prefix = ""
        var room = maximumGroupKeyBytes - suffix.utf8.count
        for character in key {
            let bytes = character.utf8.count
            guard bytes <= room else { break }
            prefix.append(character)
            room -= bytes
        }
        return prefix + suffix
    }

    /// ISO-8601 UTC with milliseconds, the form Grafana, Metabase and Superset parse as a timestamp.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }
}

/// One signal of one comment (`loyalty` = `at-risk`), for the `signals` table: the writers make these from a stored
/// comment's signals, under the comment's key.
public struct SignalRecord: Sendable, Equatable {
    public var source: String
    public var commentKey: String
    public var signal: String
    public var value: String
    /// A JSON array of the evidence (cue words and clauses), as the detector writes it.
    public var evidenceJSON: String

    public init(source: String, commentKey: String, signal: String, value: String, evidenceJSON: String = "[]") {
        self.source = source
        self.commentKey = commentKey
        self.signal = signal
        self.value = value
        self.evidenceJSON = evidenceJSON
    }
}
