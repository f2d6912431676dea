import Foundation
import RaterAggregate

/// Makes a database's `aggregates` table the aggregation of every comment it holds, at the end of each run and
/// inside its transaction.
///
/// Why from the stored comments rather than from the run's: a nightly run sees only that night's export (or, with
/// `--incremental`, only what was appended), and upserting the rows its own comments gave left every group and
/// period holding the last run's figures alone. Counting the stored rows instead is right whatever came before: a
/// comment a run replaced is one row, counted once; groups and periods no run touches again keep their figures;
/// week and month rows span every night that fed them; and a failed run rolls the new figures back with the rest.
///
/// The rows are written under the run's id, and every row the run did not write is then deleted: a group or period
/// that no stored comment falls in any more (the grouping options changed, or its comments were re-keyed) leaves
/// no stale figures behind.
///
/// Cost: one pass over `comments`, `dimension_mentions`, `aspect_mentions` and `signals` in key order (`StoredObservations`), with
/// memory for one page of comments and one tally per group and period; the README's "Nightly operation" gives the
/// measured time per million comments.
enum StoredAggregates {
    /// What a refresh did: the rows written, and what the log must say about it.
    struct Outcome: Sendable, Equatable {
        var rows: Int
        /// A column the options name that no stored comment has (a typo in a nightly config: every comment would
        /// fall in the group with an empty value), and a grouping other than the one the table was made with.
        var warnings: [String]
    }

    /// Replaces the `aggregates` table with the aggregation of every stored comment under `options`.
    static func refresh(_ executor: any SQLExecutor, options: AggregationOptions, runID: String,
                        timestamp: String) throws -> Outcome {
        // Held to the commit: another run's refresh in the same PostgreSQL database waits for this one's commit,
        // and then counts this run's comments too (`SharedWriteLock`).
        try SharedWriteLock.aggregates.take(executor)
        var warnings = [String]()
        if let previous = try madeWith(executor), previous.options != options {
            warnings.append(regroupingWarning(previous: previous.options, runID: previous.runID, current: options))
        }
        var aggregation = Aggregation(options: options)
        try StoredObservations(executor: executor, options: options).forEach { aggregation.add($0) }
        if !options.ratingColumns.isEmpty {
            try StoredRatingAnswers(executor: executor, options: options).forEach { aggregation.add($0) }
        }
        // Only the absent column: unreadable values are the aggregate files' warnings too, and a typo is what
        // rebuilt a nightly table under the empty group without a word.
        let absent = aggregation.columnReports.filter(\.isAbsent)
        if !absent.isEmpty {
            // `StoredObservations` reads only the named fields, so the columns the comments do have are looked up.
            let known = try storedColumns(executor)
            for var report in absent {
                report.knownColumns = known
                if let warning = report.warning { warnings.append("aggregates table: " + warning) }
            }
        }
        let upsert = Schema.aggregates.upsertStatement(executor.dialect)
        let rows = aggregation.rows
        for row in rows { try executor.execute(upsert, Rows.aggregate(row, runID: runID, at: timestamp)) }
        try executor.execute("DELETE FROM aggregates WHERE run_id <> \(executor.dialect.placeholder(1))",
                             [.text(runID)])
        return Outcome(rows: rows.count, warnings: warnings)
    }

    /// The passthrough columns of the first stored comments, sorted: what a warning about a column none of them
    /// has names instead. Asked only then.
    static func storedColumns(_ executor: any SQLExecutor, sample: Int = 100) throws -> [String] {
        var names = Set<String>()
        for row in try executor.query("SELECT fields FROM comments LIMIT \(sample)", []) {
            guard case let .text(json)? = row.first,
                  let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { continue }
            names.formUnion(object.keys)
        }
        return names.sorted()
    }

    /// The options as `runs.aggregation` records them.
    static func encoded(_ options: AggregationOptions) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(options), as: UTF8.self)
    }

    /// The grouping options the table now in the database was made with: those of the run that wrote its rows
    /// (`runs.aggregation`). Nil for an empty table, or one made before runs recorded them.
    static func madeWith(_ executor: any SQLExecutor) throws -> (options: AggregationOptions, runID: String)? {
        let rows = try executor.query("SELECT id, aggregation FROM runs WHERE id = (SELECT run_id FROM aggregates "
            + "LIMIT 1)", [])
        guard let row = rows.first, row.count == 2, case let .text(runID) = row[0], case let .text(json) = row[1],
              let options = try? JSONDecoder().decode(AggregationOptions.self, from: Data(json.utf8)) else { return nil }
        return (options, runID)
    }

    /// Said when a run makes the table under other grouping options than the table had: an ad-hoc run without the
    /// nightly options, or a typo in them, replaces every grouped row. Nothing stored is lost (the next run with the
    /// old options makes the rows again), so it is a warning, not a refusal that would roll back the night's
    /// comments for an option of a derived table.
    static func regroupingWarning(previous: AggregationOptions, runID: String, current: AggregationOptions) -> String {
        "the aggregates table was made with other grouping options (by run \(runID)): "
            + previous.differences(from: current).map { $0.replacingOccurrences(of: "(this run: ", with: "(now: ") }
                .joined(separator: ", ")
            + "; it is made again under this run's, and its rows under the old ones are gone until a run with them: "
            + "give every run of this database the same grouping options (a --config file)"
    }
}
