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

    /// The sources run `runID` wrote anything to, and for each the comments earlier runs stored that it did not
    /// write.
    static func leftovers(_ executor: any SQLExecutor, runID: String) throws -> [(source: String, comments: Int)] {
        let dialect = executor.dialect
        // SQLite numbers its `?` by their place in the text: the count's comes first, then the union's.
        let written = [Schema.comments, Schema.ratingAnswers, Schema.rejects].enumerated().map { index, table in
            "SELECT source FROM \(table.name) WHERE run_id = \(dialect.placeholder(index + 2))"
        }.joined(separator: " UNION ")
        let rows = try executor.query("""
            SELECT s.source, (SELECT count(*) FROM \(Schema.comments.name) c WHERE c.source = s.source \
            AND c.run_id <> \(dialect.placeholder(1))) FROM (\(written)) s ORDER BY s.source
            """, Array(repeating: .text(runID), count: 4))
        return rows.compactMap { row in
            guard row.count == 2, let source = row[0].string, let count = row[1].int else { return nil }
            return (source, count)
        }
    }

    /// Deletes, for every source run `runID` wrote, the rows earlier runs stored that it did not write; returns the
    /// comments deleted per source (sources that lost none are left out).
    static func deleteRowsNotWritten(_ executor: any SQLExecutor, runID: String) throws
        -> [(source: String, comments: Int)]
    {
        let dialect = executor.dialect
        let replaced = try leftovers(executor, runID: runID)
        for (source, _) in replaced {
            for table in tables {
                try executor.execute("DELETE FROM \(table.name) WHERE source = \(dialect.placeholder(1)) "
                                     + "AND run_id <> \(dialect.placeholder(2))", [.text(source), .text(runID)])
            }
        }
        return replaced.filter { $0.comments > 0 }
    }

    /// The summary's line for a source that keeps comments this run did not write.
    static func note(source: String, comments: Int, replaced: Bool) -> String {
        let them = comments == 1 ? "1 comment" : "\(comments) comments"
        return replaced
            ? "source \(source): deleted \(them) (with their rows) that earlier runs stored and this export no longer "
                + "holds (--replace-source)"
            : "source \(source) holds \(them) that earlier runs stored and this run did not write: records no longer "
                + "in a corrected re-export, or earlier exports stored under the same name; when each export is the "
                + "whole source, --replace-source deletes them"
    }
}
