import RaterCore
import RaterSinks

/// How a rating-only answer (`RatingOnlyAnswer`: a survey row with a rating and no comment) is stored: one row of
/// `rating_answers` per source and record, the key of `rejects`, since there is no text to key it by and an export
/// id is not always there. Re-reading an input replaces its rows, as it replaces its rejections.
///
/// A record is an answer or a rejection, not both: an answer's row replaces the `empty_text` rejection an earlier
/// run stored for the record (before rating-only answers, or without the rating column), and a rejection's row
/// replaces an answer's, so the `aggregates` rebuild counts what the last run that read the record made of it.
enum RatingAnswerRows {
    static func row(_ answer: RatingOnlyAnswer, runID: String, at timestamp: String) -> [SQLValue] {
        var fields = JSONWriter()
        fields.fields(answer.fields)
        return Schema.ratingAnswers.values([
            "source": .text(answer.source),
            "record": .integer(answer.recordNumber),
            "line": SQLValue(answer.line),
            "byte_offset": SQLValue(answer.byteOffset),
            "fields": .text(String(decoding: fields.bytes, as: UTF8.self)),
            "run_id": .text(runID),
            "analysed_at": .text(timestamp),
        ])
    }

    /// Upserts the answer's row and deletes the record's rejection, if an earlier run left one.
    static func write(_ answer: RatingOnlyAnswer, runID: String, at timestamp: String,
                      executor: any SQLExecutor) throws {
        try executor.execute(Schema.ratingAnswers.upsertStatement(executor.dialect),
                             row(answer, runID: runID, at: timestamp))
        try executor.execute("DELETE FROM \(Schema.rejects.name) WHERE " + ofRecord(executor.dialect),
                             [.text(answer.source), .integer(answer.recordNumber)])
    }

    /// Deletes the answer an earlier run stored for a record this run rejects.
    static func deleteAnswer(of rejection: Rejection, executor: any SQLExecutor) throws {
        try executor.execute("DELETE FROM \(Schema.ratingAnswers.name) WHERE " + ofRecord(executor.dialect),
                             [.text(rejection.source), .integer(rejection.recordNumber)])
    }

    private static func ofRecord(_ dialect: SQLDialect) -> String {
        "source = \(dialect.placeholder(1)) AND record = \(dialect.placeholder(2))"
    }
}
