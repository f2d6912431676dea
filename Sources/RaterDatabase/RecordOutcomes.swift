/// Keeps one outcome per record: a record a run stored as a comment is no longer an earlier run's rating-only answer
/// or rejection.
///
/// Answers and rejections are keyed by source and record (`RatingAnswerRows`), comments by export id or text
/// digest, so nothing replaced the answer row an earlier run stored for a record whose comment was filled in since
/// (the export edited), or for a record that now holds another respondent's row (rows moved up when one was
/// removed): the `aggregates` rebuild and `rater report --db` counted that respondent's rating twice, and a
/// repaired record's rejection stayed listed. The record numbers of the run's comments say what each record is
/// now, so after the writers finish, and before the aggregates are made, the earlier runs' answer and rejection
/// rows of those records go.
///
/// One statement per table, whatever the run's size: each earlier row of the table is looked up in the run's
/// comments through the `comments (source, record)` index. The tables hold survey answers without a comment and
/// rejections only, and the `aggregates` rebuild that follows reads every stored answer anyway.
enum RecordOutcomes {
    static func deleteSupersededByComments(_ executor: any SQLExecutor, runID: String) throws {
        let dialect = executor.dialect
        for table in [Schema.ratingAnswers.name, Schema.rejects.name] {
            try executor.execute(
                "DELETE FROM \(table) WHERE run_id <> \(dialect.placeholder(1)) AND EXISTS (SELECT 1 FROM \(Schema.comments.name) c "
                    + "WHERE c.source = \(table).source AND c.record = \(table).record AND c.run_id = \(dialect.placeholder(2)))",
                [.text(runID), .text(runID)])
        }
    }
}
