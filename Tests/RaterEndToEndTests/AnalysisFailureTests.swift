import RaterCore
import RaterNormalize
import Testing

@testable import Rater

/// What a worker makes of an analysis that throws: a rejection of the record, with the reason, unless the error says
/// the run cannot go on (a `RunStoppingError`, such as ICU without its Traditional-Simplified data), which ends the run.
@Suite struct AnalysisFailureTests {
    private struct RecordError: Error, CustomStringConvertible {
        var description: String { "this record is bad" }
    }

    private let record = SourceRecord(source: "in.csv", recordNumber: 7, line: 9, text: "這個")

    @Test func anOrdinaryErrorRejectsTheRecord() {
        guard case let .rejected(rejection) = AnalyzerPool.outcome(of: RecordError(), analysing: record) else {
            Issue.record("expected a rejection")
            return
        }
        #expect(rejection.recordNumber == 7)
        #expect(rejection.line == 9)
        #expect(rejection.reason == .analysisFailed(message: "this record is bad"))
        #expect(rejection.raw == "這個")
    }

    @Test func aRunStoppingErrorEndsTheRun() {
        let error = TraditionalChineseUnavailable(cause: ICUError(operation: "test", code: 2))
        guard case let .failed(stopping) = AnalyzerPool.outcome(of: error, analysing: record) else {
            Issue.record("expected the run to stop")
            return
        }
        #expect("\(stopping)".contains("UErrorCode 2"))
    }
}
