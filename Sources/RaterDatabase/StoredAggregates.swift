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
    /// Replaces the `aggregates` table with the aggregation of every stored comment under `options`; returns the
    /// number of rows written.
    static func refresh(_ executor: any SQLExecutor, options: AggregationOptions, runID: String,
                        timestamp: String) throws -> Int {
        // Held to the commit: another run's refresh in the same PostgreSQL database waits for this one's commit,
        // and then counts this run's comments too (`SharedWriteLock`).
        try SharedWriteLock.aggregates.take(executor)
        var aggregation = Aggregation(options: options)
        try StoredObservations(executor: executor, options: options).forEach { aggregation.add($0) }
        let upsert = Schema.aggregates.upsertStatement(executor.dialect)
        let rows = aggregation.rows
        for row in rows { try executor.execute(upsert, Rows.aggregate(row, runID: runID, at: timestamp)) }
        try executor.execute("DELETE FROM aggregates WHERE run_id <> \(executor.dialect.placeholder(1))",
                             [.text(runID)])
        return rows.count
    }
}
