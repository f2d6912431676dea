import Foundation
import RaterCore
import Testing

@testable import RaterAggregate

/// What a run says about the columns its options name: they used to be silent, a typo and all.
@Suite struct ColumnReportTests {
    func options() -> AggregationOptions {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        options.npsColumn = "nps"
        options.csatColumn = "csat"
        return options
    }

    func aggregation(_ options: AggregationOptions) -> Aggregation {
        var aggregation = Aggregation(options: options)
        let rows: [[(String, String)]] = [
            [("branch", "A"), ("date", "2026-02-30"), ("csat", "5"), ("nps", "9")],
            [("branch", ""), ("date", "2026-11-24"), ("csat", "nan"), ("nps", "6.5")],
            [("date", ""), ("csat", "99"), ("nps", "")],
            [("branch", "B"), ("date", "2026-11-24"), ("csat", "９"), ("nps", "10")],
        ]
        for fields in rows { aggregation.add(observation(.positive, 0.5, fields: fields)) }
        return aggregation
    }

    func report(_ reports: [ColumnReport], _ role: ColumnReport.Role) throws -> ColumnReport {
        try #require(reports.first { $0.role == role })
    }

    @Test func unreadableCellsAreCountedPerColumnWithAnExample() throws {
        let reports = aggregation(options()).columnReports
        #expect(reports.map(\.role) == [.groupBy, .date, .nps, .csat])
        let csat = try report(reports, .csat)
        #expect((csat.comments, csat.present, csat.missing, csat.unreadable.count) == (4, 4, 0, 3))
        #expect(csat.unreadable.example == "99")
        #expect(csat.warning == "--csat-column csat: 3 of 4 values are not CSAT (1–5) answers, e.g. '99'; they are "
                + "left out of the figures and the driver table")
        // How many answers the figure stands on is always said, not only when some are missing.
        #expect(csat.note == "--csat-column csat: CSAT over 1 response of 4 comments")
        let nps = try report(reports, .nps)
        #expect((nps.missing, nps.unreadable.count, nps.unreadable.example) == (1, 1, "6.5"))
        #expect(nps.note == "--nps-column nps: NPS over 2 responses of 4 comments; 1 of 4 comments have no value")
        let date = try report(reports, .date)
        #expect((date.missing, date.unreadable.count, date.unreadable.example) == (1, 1, "2026-02-30"))
        #expect(date.note == "--date-column date: 2 of 4 comments have no readable date (1 without a value, 1 "
                + "unreadable); they count in the all-time rows only")
        let branch = try report(reports, .groupBy)
        #expect((branch.present, branch.missing) == (3, 2))
        #expect(branch.warning == nil)
        #expect(branch.note == "--group-by branch: 2 of 4 comments have no value; they form the group with an empty value")
    }

    @Test func aColumnNoRecordHasIsNamedWithTheKnownColumns() throws {
        var options = options()
        options.groupBy = ["brnach"]
        let reports = aggregation(options).columnReports
        let typo = try report(reports, .groupBy)
        #expect(typo.isAbsent)
        #expect(typo.warning == "--group-by brnach: no record has this column; known columns: branch, csat, date, nps")
        #expect(typo.note == nil)
        #expect(try report(reports, .csat).isAbsent == false)
    }

    /// Partials carry the counts, so merged partials report what one run over all the data reports.
    @Test func partialsCarryTheCounts() throws {
        let whole = aggregation(options())
        var merged = Aggregation(options: options())
        var half = Aggregation(options: options())
        half.add(observation(.positive, 0.5, fields: [("csat", "7"), ("date", "x")]))
        let decoded = try AggregationPartial.decode(try AggregationPartial(whole).encoded(), path: "p.json")
        try merged.merge(decoded.aggregation)
        try merged.merge(half)
        #expect(merged.coverage.comments == 5)
        let csat = try report(merged.columnReports, .csat)
        #expect((csat.unreadable.count, csat.unreadable.example) == (4, "7"))
        #expect(try report(merged.columnReports, .date).unreadable.count == 2)
        // The partial's first key is still `entries`, which is how `rater aggregate` recognises a partial.
        #expect(String(decoding: try AggregationPartial(whole).encoded(), as: UTF8.self).hasPrefix("{\"entries\""))
    }
}
