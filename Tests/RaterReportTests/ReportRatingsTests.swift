import Foundation
import RaterAggregate
import RaterCore
import Testing
@testable import RaterReport

/// The ratings section showed NPS, CSAT and CES for everyone only, and "Comments 112" beside "NPS n=119" with no
/// word on the 7 survey answers that had a rating and no comment (a user-side review). It now shows the figures by
/// group and by period, and says what the difference in n is.
@Suite struct ReportRatingsTests {
    static var options: AggregationOptions {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        options.bucket = .day
        options.npsColumn = "nps"
        options.csatColumn = "csat"
        return options
    }

    /// Six comments over two branches and two days, NPS on all, CSAT on branch A only, and two rating-only answers.
    static func collector() throws -> ReportCollector {
        var collector = ReportCollector(options: options)
        let rows: [(branch: String, date: String, nps: String, csat: String?, label: String)] = [
            ("A", "2026-11-20", "10", "5", "positive"), ("A", "2026-11-20", "9", "4", "positive"),
            ("A", "2026-11-21", "3", "2", "negative"), ("B", "2026-11-20", "6", nil, "negative"),
            ("B", "2026-11-21", "9", nil, "positive"), ("B", "2026-11-21", "2", nil, "negative"),
        ]
        for (index, row) in rows.enumerated() {
            var fields = ["branch": row.branch, "date": row.date, "nps": row.nps]
            if let csat = row.csat { fields["csat"] = csat }
            let line: [String: Any] = ["id": "C\(index)", "sentiment": ["label": row.label, "score": row.label == "positive" ? 0.5 : -0.5,
                                                                     "terms": [] as [Any]],
                                       "fields": fields]
            try collector.add(line: try JSONSerialization.data(withJSONObject: line), path: "r.jsonl", lineNumber: index + 1)
        }
        collector.add(answer: RatingOnlyAnswer(source: "s.csv", recordNumber: 1, fields: [
            Field("branch", "B"), Field("date", "2026-11-21"), Field("nps", "10")]))
        collector.add(answer: RatingOnlyAnswer(source: "s.csv", recordNumber: 2, fields: [
            Field("branch", "A"), Field("date", "2026-11-20"), Field("nps", "0"), Field("csat", "1")]))
        return collector
    }

    @Test(arguments: [ReportLocale.en, .zh])
    func ratingsByGroupAndPeriodEqualTheAggregates(locale: ReportLocale) throws {
        let collector = try Self.collector()
        let model = ReportModel(aggregation: collector.aggregation, samples: collector.samples)
        #expect(model.ratingOnly == 2)
        let html = ReportRenderer(locale: locale).render(model)
        let structure = ReportSupport.parse(html)
        try #require(structure.error == nil, "\(structure.error ?? "")")
        #expect(structure.text.contains(locale.ratingOnlyNote(2)))

        let rows = collector.aggregation.rows.filter { $0.scope == "overall" }
        let byGroup = structure.elements.filter { $0.name == "tr" && $0.attributes["data-group"] != nil
            && $0.attributes["data-nps-n"] != nil }
        #expect(byGroup.map { $0.attributes["data-group"] } == ["branch=A", "branch=B"])
        for element in byGroup {
            let row = try #require(rows.first { $0.period == nil
                && $0.groups.map { $0.name + "=" + $0.value }.joined(separator: ",") == element.attributes["data-group"] })
            let ratings = try #require(row.ratings)
            #expect(element.attributes["data-nps-n"] == String(ratings.npsResponses))
            #expect(abs(Double(element.attributes["data-nps"]!)! - ratings.nps!) <= 0.00005)
            #expect(element.attributes["data-csat-n"] == String(ratings.csatResponses))
            #expect(element.attributes["data-csat"].flatMap(Double.init) == ratings.csat.map { ($0 * 10_000).rounded() / 10_000 })
        }
        // Branch A: NPS from 10, 9, 3 and the rating-only 0: 2 promoters, 2 detractors of 4 → 0; branch B: 6, 9, 2, 10
        // → 2 promoters, 2 detractors → 0; CSAT only for A, none for B (a dash, no figure).
        #expect(byGroup.map { $0.attributes["data-nps-n"] } == ["4", "4"])
        #expect(byGroup.map { $0.attributes["data-csat-n"] } == ["4", "0"])
        #expect(byGroup.last?.attributes["data-csat"] == nil)

        let byPeriod = structure.elements.filter { $0.name == "tr" && $0.attributes["data-period"] != nil
            && $0.attributes["data-nps-n"] != nil }
        #expect(byPeriod.map { $0.attributes["data-period"] } == ["2026-11-20", "2026-11-21"])
        for element in byPeriod {
            let row = try #require(rows.first { $0.groups.isEmpty && $0.period == element.attributes["data-period"] })
            #expect(element.attributes["data-nps-n"] == String(row.ratings!.npsResponses))
            #expect(abs(Double(element.attributes["data-nps"]!)! - row.ratings!.nps!) <= 0.00005)
        }
    }

    /// Without rating-only answers there is no note, and one period makes no table by period.
    @Test func noNoteWithoutRatingOnlyAnswersAndNoTableForOnePeriod() throws {
        var options = Self.options
        options.bucket = .month
        var collector = ReportCollector(options: options)
        let line = #"{"id":"1","sentiment":{"label":"positive","score":0.5,"terms":[]},"fields":{"branch":"A","date":"2026-11-20","nps":"9"}}"#
        try collector.add(line: Data(line.utf8), path: "r.jsonl", lineNumber: 1)
        let html = ReportRenderer(locale: .en).render(ReportModel(aggregation: collector.aggregation,
                                                                   samples: collector.samples))
        let structure = ReportSupport.parse(html)
        #expect(structure.error == nil)
        #expect(!structure.text.contains("a rating and no comment"))
        #expect(!structure.elements.contains { $0.attributes["data-period"] != nil && $0.attributes["data-nps-n"] != nil })
        #expect(structure.elements.contains { $0.attributes["data-group"] == "branch=A" && $0.attributes["data-nps-n"] == "1" })
    }
}
