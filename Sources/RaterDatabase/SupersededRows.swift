import RaterSinks

/// Deletes the row an earlier incremental run stored for a record it held back (no line break after it, perhaps
/// half written), when a run reads the record again (`SupersededRecord`), before the record's outcome is written.
///
/// Only that source and record's row: under the half text's digest (`sha256:…`, or `sha256:…#n` for a repeated
/// text) or under the half id, with its mentions, aspects and signals; or its rejection. A row of the same record
/// number under another key (an export id of a rotated file under the same name) is another comment and stays; a
/// row under the same key at another record (the text's earlier repeat) stays too.
enum SupersededRows {
    static func delete(_ superseded: SupersededRecord, executor: any SQLExecutor) throws {
        let dialect = executor.dialect
        let record: [SQLValue] = [.text(superseded.source), .integer(superseded.recordNumber)]
        // The record's rows, with placeholders numbered from `first`: SQLite's `?` are taken by their place in the
        // text, PostgreSQL's `$n` by their number.
        func ofRecord(from first: Int) -> String {
            "source = \(dialect.placeholder(first)) AND record = \(dialect.placeholder(first + 1))"
        }
        let keyed: (Int) -> String
        let key: [SQLValue]
        switch superseded.row {
        case .rejection:
            // A rejection or a rating-only answer: both are keyed by record (`RatingAnswerRows`).
            try executor.execute("DELETE FROM \(Schema.rejects.name) WHERE " + ofRecord(from: 1), record)
            try executor.execute("DELETE FROM \(Schema.ratingAnswers.name) WHERE " + ofRecord(from: 1), record)
            return
        case let .digest(hex):
            keyed = { first in
                ofRecord(from: first) + " AND (comment_key = \(dialect.placeholder(first + 2)) "
                    + "OR comment_key LIKE \(dialect.placeholder(first + 3)))"
            }
            key = [.text("sha256:" + hex), .text("sha256:" + hex + "#%")]
        case let .exportID(id):
            keyed = { first in ofRecord(from: first) + " AND comment_key = \(dialect.placeholder(first + 2))" }
            key = [.text(id)]
        }
        for table in [Schema.dimensionMentions.name, Schema.aspectMentions.name, Schema.signals.name] {
            try executor.execute("DELETE FROM \(table) WHERE source = \(dialect.placeholder(1)) AND comment_key IN "
                                 + "(SELECT comment_key FROM comments WHERE \(keyed(2)))",
                                 [.text(superseded.source)] + record + key)
        }
        try executor.execute("DELETE FROM comments WHERE " + keyed(1), record + key)
    }
}
