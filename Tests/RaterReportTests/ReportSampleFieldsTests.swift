import Foundation
import Rater
import RaterAggregate
import RaterCore
import Testing
@testable import RaterReport

/// What the page shows beside its sample comments and above its change column: the same results must give the same
/// page (reports are archived and diffed), and what is shown must be what the reader asked the report about.
@Suite struct ReportSampleFieldsTests {
    static let fieldNames = ["zone", "channel", "ces", "agent", "date", "nps", "branch", "order", "city", "csat"]

    static func line(id: Int, date: String) -> String {
        let fields = fieldNames.map { #""\#($0)":"\#($0 == "date" ? date : $0 + "-value")""# }.joined(separator: ",")
        return #"{"id":"c\#(id)","sentiment":{"label":"positive","score":0.6,"terms":[{"term":"good","weight":0.6}]},"fields":{\#(fields)}}"#
    }

    /// The decoder gives a line's fields by name whatever order the JSON object iterates in.
    @Test func decodedFieldsAreInNameOrder() throws {
        let observation = try ResultLineDecoder.observation(Data(Self.line(id: 1, date: "2026-03-01").utf8),
                                                            path: "r.jsonl", lineNumber: 1)
        #expect(observation.fields.map(\.name) == Self.fieldNames.sorted())
    }

    /// Grouped, dated and rated columns come first, in the options' order; then the rest by name.
    @Test func namedColumnsComeFirst() {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        let renderer = ReportRenderer(locale: .en)
        let fields = Self.fieldNames.map { Field($0, "v") }
        #expect(renderer.shownFields(fields, options: options).map(\.name) == ["branch", "date", "agent"])
        #expect(renderer.shownFields(fields.reversed(), options: options).map(\.name) == ["branch", "date", "agent"])
        options.groupBy = []
        options.dateColumn = nil
        options.npsColumn = "nps"
        #expect(renderer.shownFields(fields.shuffled(), options: options).map(\.name) == ["nps", "agent", "branch"])
    }

    /// The page names the sample's group and date, and the change column names the period it compares.
    @Test func pageShowsTheAskedColumnsAndThePeriod() throws {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        var collector = ReportCollector(options: options)
        for (index, date) in ["2026-03-01", "2026-03-02", "2026-03-02"].enumerated() {
            try collector.add(line: Data(Self.line(id: index, date: date).utf8), path: "r.jsonl", lineNumber: index + 1)
        }
        let html = ReportRenderer(locale: .en).render(ReportModel(aggregation: collector.aggregation,
                                                                  samples: collector.samples))
        #expect(ReportSupport.parse(html).error == nil)
        let who = try #require(html.range(of: #"c\d · branch: branch-value · date: 2026-03-0\d · agent: agent-value · "#,
                                          options: .regularExpression))
        #expect(!html[who].isEmpty)
        // Both periods, latest first: the latest alone read as the period compared with (a user-side review).
        #expect(html.contains(">Change vs previous (2026-03-02 vs 2026-03-01)</th>"))
    }
}
