import RaterCore
import Testing

@testable import RaterAggregate

private func result(_ label: SentimentLabel, _ dimensions: [ServiceDimension] = []) -> CommentResult {
    CommentResult(
        id: "x", source: "s.csv", recordNumber: 1, line: nil, language: .zh, text: "t",
        sentiment: SentimentSummary(label: label, score: 0, positive: 0, negative: 0, neutral: 1, confidence: 0.5,
                                    terms: []),
        dimensions: dimensions.map {
            DimensionSummary(dimension: $0, label: label, score: 0, mentions: 1, evidence: [])
        },
        fields: [])
}

private func rejection(_ reason: Rejection.Reason) -> Rejection {
    Rejection(source: "s.csv", recordNumber: 1, reason: reason, raw: "")
}

@Suite struct RunSummaryTests {
    @Test func startsEmptyAndReconciles() {
        let summary = RunSummary()
        #expect(summary.read == 0)
        #expect(summary.analysed == 0)
        #expect(summary.rejected == 0)
        #expect(summary.reconciles)
        #expect(summary.megabytesPerSecond == 0)
    }

    @Test func resultsAreCountedByLabelAndDimension() {
        var summary = RunSummary()
        summary.add(result(.positive, [.tangibles, .assurance]))
        summary.add(result(.negative, [.assurance]))
        summary.add(result(.positive))
        #expect(summary.read == 3)
        #expect(summary.analysed == 3)
        #expect(summary.rejected == 0)
        #expect(summary.labels == [.positive: 2, .negative: 1])
        #expect(summary.dimensions == [.tangibles: 1, .assurance: 2])
        #expect(summary.rejectionReasons.isEmpty)
        #expect(summary.reconciles)
    }

    @Test func aTallyKeepsTheLabelAndEveryDimension() {
        let all = ResultTally(result(.negative, [.responsiveness, .reliability, .empathy, .tangibles, .assurance]))
        #expect(all.label == .negative)
        #expect(all.dimensions == ServiceDimension.allCases)
        let one = ResultTally(result(.neutral, [.empathy]))
        #expect(one.dimensions == [.empathy])
        #expect(ResultTally(result(.positive)).dimensions.isEmpty)
        var summary = RunSummary()
        for sample in [result(.positive, [.tangibles, .empathy]), result(.negative, [.empathy]), result(.neutral)] {
            summary.add(ResultTally(sample))
        }
        #expect(summary.read == 3 && summary.analysed == 3)
        #expect(summary.labels == [.positive: 1, .negative: 1, .neutral: 1])
        #expect(summary.dimensions == [.tangibles: 1, .empathy: 2])
    }

    @Test func rejectionsAreCountedByReasonCode() {
        var summary = RunSummary()
        summary.add(rejection(.emptyText))
        summary.add(rejection(.unterminatedQuote))
        summary.add(rejection(.emptyText))
        #expect(summary.read == 3)
        #expect(summary.analysed == 0)
        #expect(summary.rejected == 3)
        #expect(summary.rejectionReasons == ["empty_text": 2, "unterminated_quote": 1])
        #expect(summary.labels.isEmpty)
        #expect(summary.reconciles)
    }

    @Test func mixedRunReconciles() {
        var summary = RunSummary()
        for _ in 0..<5 { summary.add(result(.neutral)) }
        for _ in 0..<2 { summary.add(rejection(.textTooLong(bytes: 10, limit: 5))) }
        #expect(summary.read == 7)
        #expect(summary.analysed + summary.rejected == summary.read)
        #expect(summary.reconciles)
        var broken = summary
        broken.read += 1
        #expect(!broken.reconciles)
    }

    @Test func mergeAddsCountsAndKeepsTheLongestTime() {
        var first = RunSummary()
        first.add(result(.positive, [.empathy]))
        first.add(rejection(.emptyText))
        first.bytes = 1000
        first.seconds = 2
        var second = RunSummary()
        second.add(result(.positive, [.empathy, .reliability]))
        second.add(result(.negative))
        second.add(rejection(.emptyText))
        second.add(rejection(.malformedXML(message: "x")))
        second.bytes = 500
        second.seconds = 3
        first.merge(second)
        #expect(first.read == 6)
        #expect(first.analysed == 3)
        #expect(first.rejected == 3)
        #expect(first.bytes == 1500)
        #expect(first.seconds == 3)
        #expect(first.labels == [.positive: 2, .negative: 1])
        #expect(first.dimensions == [.empathy: 2, .reliability: 1])
        #expect(first.rejectionReasons == ["empty_text": 2, "malformed_xml": 1])
        #expect(first.reconciles)
    }

    @Test func mergingAnEmptySummaryChangesNothing() {
        var summary = RunSummary()
        summary.add(result(.negative, [.responsiveness]))
        summary.seconds = 1.5
        let before = summary
        summary.merge(RunSummary())
        #expect(summary == before)
    }

    @Test func megabytesPerSecond() {
        var summary = RunSummary()
        summary.bytes = 3 * 1_048_576
        summary.seconds = 2
        #expect(summary.megabytesPerSecond == 1.5)
    }

    @Test func reportMentionsTheCounts() {
        var summary = RunSummary()
        summary.add(result(.positive, [.tangibles]))
        summary.add(result(.negative, [.tangibles, .assurance]))
        summary.add(rejection(.emptyText))
        summary.bytes = 2 * 1_048_576
        summary.seconds = 4
        let lines = summary.report.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("rater: read 3, analysed 2, rejected 1 in 4.0 s"))
        #expect(lines[0].contains("0.5 MB/s"))
        #expect(lines[0].contains("0.75 comments/s"))
        #expect(lines[1] == "rater: sentiment positive 1, negative 1, neutral 0")
        #expect(lines[2] == "rater: dimensions reliability 0, assurance 1, tangibles 2, empathy 0, responsiveness 0")
        #expect(lines[3] == "rater: rejected by reason empty_text 1")
    }

    /// A `--db` run says how long the databases took after the analysis, the whole run and its peak memory: a staged
    /// SQLite merge can be most of a nightly run, and the first line is the analysis alone.
    @Test func reportSaysHowLongTheDatabasesTook() {
        var summary = RunSummary()
        summary.seconds = 150
        summary.peakMemoryBytes = 154 << 20
        #expect(!summary.report.contains("databases"))
        summary.databases = RunSummary.DatabaseTiming(seconds: 367.5, runSeconds: 520.25, peakMemoryBytes: 160 << 20)
        let lines = summary.report.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix("peak RSS 154 MB)"))  // the analysis alone
        #expect(lines[1] == "rater: databases written 367.5 s after the analysis, the run 520.25 s in all (peak RSS 160 MB)")
    }

    @Test func reportOfAnEmptyRunHasOneLine() {
        let report = RunSummary().report
        #expect(!report.contains("\n"))
        #expect(report.hasPrefix("rater: read 0, analysed 0, rejected 0"))
        #expect(report.contains("0.0 comments/s"))
    }

    @Test func reportListsRejectionReasonsSorted() {
        var summary = RunSummary()
        summary.add(rejection(.unterminatedQuote))
        summary.add(rejection(.emptyText))
        summary.add(rejection(.unterminatedQuote))
        let report = summary.report
        #expect(!report.contains("rater: sentiment"))  // nothing analysed
        #expect(report.hasSuffix("rater: rejected by reason empty_text 1, unterminated_quote 2"))
        #expect(report.hasPrefix("rater: read 3, analysed 0, rejected 3"))
    }

    @Test func reportWithoutRejectionsHasNoReasonLine() {
        var summary = RunSummary()
        summary.add(result(.neutral))
        #expect(!summary.report.contains("rejected by reason"))
        #expect(summary.report.contains("neutral 1"))
    }
}
