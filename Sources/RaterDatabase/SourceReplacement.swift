/// `rater analyze --replace-source`: each input is the whole of its source, so the rows earlier runs stored for the
/// source that this run did not write belong to records the export no longer holds, and go.
///
/// Rows are keyed by export id or text digest (comments and what hangs on them) and by record (answers,
/// rejections), so a corrected re-export replaces the rows of the records it still holds, and the records it dropped
/// stayed: their comments, signals and ratings counted in `aggregates` and on every dashboard, with no word (a
/// user-side review: 3 rows removed from a 502-row export left the source at 502). Without the flag, the run's
/// summary notes how many such comments a source holds, since a source stored under one name night after night
/// (`--source-name shop` over dated files that hold one day each) keeps them by design.
///
/// Only after a finished run that read its inputs whole: an `--incremental` run writes new records only, and a run
/// stopped by `--strict` wrote part of them. One statement per table, run after the writers finish and before the
/// aggregates are made again. Corrections stay: they are the analysts' record, append-only.
public enum SourceReplacement {
    /// The tables whose rows belong to one source's record or comment, children before the comments.
    static let tables = [Schema.dimensionMentions, Schema.aspectMentions, Schema.signals, Schema.ratingAnswers,
                         Schema.rejects, Schema.comments]

    /// What a source of the run holds beside what the run wrote: the comments earlier runs stored that it did not
    /// write, and the records (comments and rating-only answers) it wrote.
    struct Leftover: Equatable {
        var source: String
        var comments: Int
        var written: Int
    }

    /// What one source lost to `--replace-source`.
    struct Deleted: Equatable {
        var source: String
        var comments: Int
        var answers: Int
        var rejects: Int
    }

    /// Why a source of the run is not replaced even under `--replace-source`: each is a case where the rows the run
    /// did not write may be records the export still holds, and deleting them would lose data without a word.
    enum Exemption: Equatable {
        /// The input stopped being readable, or its XML could not be read to the end: the records after the break
        /// were not seen, not dropped.
        case partlyRead
        /// Every record was rejected (a renamed column, a changed layout): nothing says which records it holds.
        case nothingStored
        /// The name's recorded path changed in this run (`SourceNames` rule 2): another file of the same name may
        /// have taken it over, and the first file's rows are not this export's to delete.
        case moved

        var reason: String {
            switch self {
            case .partlyRead: return "its input was not read to the end (see the unreadable_input or malformed_xml "
                + "rejection)"
            case .nothingStored: return "this run stored no comment or rating-only answer of it: every record was "
                + "rejected"
            case .moved: return "its recorded path changed in this run, so this may be another file of the same "
                + "name (give each its own --source-name)"
            }
        }
    }

    /// A row an earlier run wrote: rows of databases from before `run_id` was kept have none, and are earlier too.
    static func notWrittenBy(_ placeholder: String, column: String = "run_id") -> String {
        "(\(column) IS NULL OR \(column) <> \(placeholder))"
    }

    /// The sources run `runID` wrote anything to, each with the comments earlier runs stored that it did not write
    /// and the records it wrote.
    static func leftovers(_ executor: any SQLExecutor, runID: String) throws -> [Leftover] {
        let dialect = executor.dialect
        // SQLite numbers its `?` by their place in the text: the counts' come first, then the union's.
        let written = [Schema.comments, Schema.ratingAnswers, Schema.rejects].enumerated().map { index, table in
            "SELECT source FROM \(table.name) WHERE run_id = \(dialect.placeholder(index + 4))"
        }.joined(separator: " UNION ")
        let rows = try executor.query("""
            SELECT s.source, (SELECT count(*) FROM \(Schema.comments.name) c WHERE c.source = s.source \
            AND \(notWrittenBy(dialect.placeholder(1), column: "c.run_id"))), \
            (SELECT count(*) FROM \(Schema.comments.name) c WHERE c.source = s.source \
            AND c.run_id = \(dialect.placeholder(2))) + (SELECT count(*) FROM \(Schema.ratingAnswers.name) a \
            WHERE a.source = s.source AND a.run_id = \(dialect.placeholder(3))) FROM (\(written)) s ORDER BY s.source
            """, Array(repeating: .text(runID), count: 6))
        return rows.compactMap { row in
            guard row.count == 3, let source = row[0].string, let comments = row[1].int, let written = row[2].int
            else { return nil }
            return Leftover(source: source, comments: comments, written: written)
        }
    }

    /// Whether a source's comments changed how they are keyed: earlier runs stored some by export id and this run
    /// stored some by their text's digest. Then each comment is stored twice and counted twice in `aggregates`, and
    /// the leftovers are no records a re-export dropped: the id column was not found this time (renamed in the
    /// export, or `ticket_id`, which is no longer taken as an id by default; a code review).
    ///
    /// Most of this run's comments must be keyed by text: a re-export whose id column was found, with one row's id
    /// left blank (stored by its text), is a re-export that dropped records, and says so (a code review).
    static func changedKeying(_ executor: any SQLExecutor, runID: String, source: String) throws -> Bool {
        let dialect = executor.dialect
        let rows = try executor.query("""
            SELECT (SELECT count(*) FROM \(Schema.comments.name) WHERE source = \(dialect.placeholder(1)) \
            AND \(notWrittenBy(dialect.placeholder(2))) AND comment_key NOT LIKE 'sha256:%'), \
            (SELECT count(*) FROM \(Schema.comments.name) WHERE source = \(dialect.placeholder(3)) \
            AND run_id = \(dialect.placeholder(4)) AND comment_key LIKE 'sha256:%'), \
            (SELECT count(*) FROM \(Schema.comments.name) WHERE source = \(dialect.placeholder(5)) \
            AND run_id = \(dialect.placeholder(6)) AND comment_key NOT LIKE 'sha256:%')
            """, [.text(source), .text(runID), .text(source), .text(runID), .text(source), .text(runID)])
        guard let row = rows.first, row.count == 3 else { return false }
        let earlierByID = row[0].int ?? 0, byText = row[1].int ?? 0, byID = row[2].int ?? 0
        return earlierByID > 0 && byText > byID
    }

    /// The warning for a source whose comments changed keying (`changedKeying`).
    static func keyingNote(source: String, comments: Int) -> String {
        "source \(source) holds " + (comments == 1 ? "1 comment" : "\(comments) comments") + " earlier runs stored "
            + "by export id, and this run stored its comments by their text: no id column was found this time, so "
            + "each comment may now be stored twice. Pass the id column with --id-column (ticket_id, case_id and "
            + "工单号 are not taken as ids by default), or, if the export has no ids now, --replace-source"
    }

    /// Deletes, for every source run `runID` wrote and `exempt` does not hold back, the rows earlier runs stored
    /// that it did not write; returns what each source lost (sources that lost nothing are left out).
    static func deleteRowsNotWritten(_ executor: any SQLExecutor, runID: String, replacing sources: [String])
        throws -> [Deleted]
    {
        let dialect = executor.dialect
        var deleted = [Deleted]()
        for source in sources {
            var lost = [String: Int]()
            for table in tables {
                let condition = " WHERE source = \(dialect.placeholder(1)) AND "
                    + notWrittenBy(dialect.placeholder(2))
                if [Schema.comments.name, Schema.ratingAnswers.name, Schema.rejects.name].contains(table.name) {
                    lost[table.name] = try executor.query("SELECT count(*) FROM \(table.name)" + condition,
                                                          [.text(source), .text(runID)]).first?.first?.int ?? 0
                }
                try executor.execute("DELETE FROM \(table.name)" + condition, [.text(source), .text(runID)])
            }
            let row = Deleted(source: source, comments: lost[Schema.comments.name] ?? 0,
                              answers: lost[Schema.ratingAnswers.name] ?? 0, rejects: lost[Schema.rejects.name] ?? 0)
            if row.comments + row.answers + row.rejects > 0 { deleted.append(row) }
        }
        return deleted
    }

    /// The summary's line for a source whose rows `--replace-source` deleted.
    static func note(_ deleted: Deleted) -> String {
        var parts = [deleted.comments == 1 ? "1 comment" : "\(deleted.comments) comments"]
        if deleted.answers > 0 { parts.append(deleted.answers == 1 ? "1 rating-only answer" : "\(deleted.answers) rating-only answers") }
        if deleted.rejects > 0 { parts.append(deleted.rejects == 1 ? "1 rejection" : "\(deleted.rejects) rejections") }
        return "source \(deleted.source): deleted \(parts.joined(separator: ", ")) (with their rows) that earlier runs "
            + "stored and this export no longer holds (--replace-source)"
    }

    /// The warning for a source `--replace-source` leaves alone.
    static func exempted(source: String, comments: Int, _ exemption: Exemption) -> String {
        "source \(source) is not replaced (--replace-source): \(exemption.reason); the "
            + (comments == 1 ? "1 comment" : "\(comments) comments") + " earlier runs stored stay"
    }

    /// The summary's line for a source that keeps comments this run did not write.
    static func note(source: String, comments: Int) -> String {
        let them = comments == 1 ? "1 comment" : "\(comments) comments"
        return "source \(source) holds \(them) that earlier runs stored and this run did not write: records no longer "
                + "in a corrected re-export, or earlier exports stored under the same name; when each export is the "
                + "whole source, --replace-source deletes them"
    }
}
