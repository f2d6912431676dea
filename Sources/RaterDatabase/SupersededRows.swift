import RaterSinks

/// Deletes the rows an earlier incremental run stored for a record it held back (no line break after it, perhaps
/// half written) under the digest of that text, when a run reads the record again, whole
/// (`StoredComment.supersededDigest`).
///
/// Only the rows of that source and record whose key is made of that digest (`sha256:…`, or `sha256:…#n` for a
/// repeated text): a row with an export id is replaced by its key anyway, and a row of the same record number from
/// an earlier file under the same name (a rotated export) is another comment and stays.
enum SupersededRows {
    static func delete(_ comment: StoredComment, digest: String, executor: any SQLExecutor) throws {
        let dialect = executor.dialect
        let key = "sha256:" + digest
        // Placeholders numbered in the order they appear: SQLite's `?` are taken by their place in the text.
        func ofRecord(from first: Int) -> String {
            "source = \(dialect.placeholder(first)) AND record = \(dialect.placeholder(first + 1)) AND "
                + "(comment_key = \(dialect.placeholder(first + 2)) OR comment_key LIKE \(dialect.placeholder(first + 3)))"
        }
        let record: [SQLValue] = [.text(comment.source), .integer(comment.recordNumber), .text(key), .text(key + "#%")]
        for table in [Schema.dimensionMentions.name, Schema.aspectMentions.name, Schema.signals.name] {
            try executor.execute("DELETE FROM \(table) WHERE source = \(dialect.placeholder(1)) AND comment_key IN "
                                 + "(SELECT comment_key FROM comments WHERE \(ofRecord(from: 2)))",
                                 [.text(comment.source)] + record)
        }
        try executor.execute("DELETE FROM comments WHERE " + ofRecord(from: 1), record)
    }
}
