import RaterCore
import Testing

@testable import RaterAggregate

/// An input whose records are all rejected for one reason is a wrong option, said once early and once in the
/// summary; an input with one record analysed, or rejections of two kinds, is not.
@Suite struct UniformRejectionsTests {
    private func rejection(_ record: Int, _ reason: Rejection.Reason = .missingElement(name: "text")) -> Rejection {
        Rejection(source: "f.xml", recordNumber: record, line: record + 1, reason: reason, raw: "")
    }

    @Test func theTenthAlikeIsTheTimeToSaySoAndOnlyIt() {
        var uniform = UniformRejections(source: "f.xml")
        let said = (1...25).map { uniform.rejected(rejection($0)) }
        #expect(said.indices.filter { said[$0] } == [UniformRejections.earlyNotice - 1])
        #expect(uniform.allRejected && uniform.records == 25)
        #expect(uniform.summaryText == "all 25 records read from f.xml were rejected as missing_element; the first, f.xml:2 "
            + "(record 1): the record has no comment text in element <text>")
        var summary = RunSummary()
        summary.uniformlyRejected = [uniform]
        #expect(summary.report.hasSuffix("\nrater: warning: " + uniform.summaryText))
    }

    @Test func oneAnalysedRecordOrAnotherReasonIsNoSuchInput() {
        var analysedFirst = UniformRejections(source: "f.xml")
        analysedFirst.analysed()
        #expect((1...20).allSatisfy { !analysedFirst.rejected(rejection($0)) } && !analysedFirst.allRejected)
        var mixed = UniformRejections(source: "f.xml")
        _ = mixed.rejected(rejection(1))
        _ = mixed.rejected(rejection(2, .emptyText))
        #expect((3...20).allSatisfy { !mixed.rejected(rejection($0)) } && !mixed.allRejected)
        // A lone rejected record is told by its own rejection.
        var lone = UniformRejections(source: "f.xml")
        _ = lone.rejected(rejection(1))
        #expect(!lone.allRejected)
    }

    /// A `--strict` stop is named in the report, after the counts.
    @Test func aStopIsNamed() {
        var summary = RunSummary()
        let stop = Rejection(source: "s.csv", recordNumber: 3, line: 4, byteOffset: 63, reason: .emptyText, raw: "")
        summary.add(stop)
        summary.stoppedAt = stop
        #expect(summary.report.hasSuffix("\nrater: stopped by --strict at the first rejected record, s.csv:4 (record 3, "
            + "byte 63): the comment text is empty; nothing after it is in the outputs or these counts"))
    }
}
