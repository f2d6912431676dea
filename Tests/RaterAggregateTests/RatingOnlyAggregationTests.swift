import Foundation
import RaterCore
import Testing

@testable import RaterAggregate

/// Survey answers with a rating and no comment (`RatingOnlyAnswer`): their ratings count in NPS/CSAT/CES, and in
/// nothing a comment is counted in. Before, such rows were rejected and "NPS 100 over 2 responses" stood for five
/// answers 10, 9, 0, 0, 2.
@Suite struct RatingOnlyAggregationTests {
    func options() -> AggregationOptions {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        options.npsColumn = "nps"
        options.csatColumn = "csat"
        return options
    }

    func answer(_ record: Int, _ fields: [(String, String)]) -> RatingOnlyAnswer {
        RatingOnlyAnswer(source: "survey.csv", recordNumber: record, fields: fields.map { Field($0.0, $0.1) })
    }

    /// Two comments (NPS 10 and 9) and three answers without one (0, 0, 2), all of branch A on one day.
    func survey(_ options: AggregationOptions) -> Aggregation {
        var aggregation = Aggregation(options: options)
        aggregation.add(observation(.positive, 0.6, [(.empathy, .positive, 0.6)],
                                    fields: [("branch", "A"), ("date", "2026-11-24"), ("nps", "10"), ("csat", "5")]))
        aggregation.add(observation(.positive, 0.4, fields: [("branch", "A"), ("date", "2026-11-24"), ("nps", "9")]))
        aggregation.add(answer(3, [("branch", "A"), ("date", "2026-11-24"), ("nps", "0")]))
        aggregation.add(answer(4, [("branch", "A"), ("date", "2026-11-24"), ("nps", "0"), ("csat", "2")]))
        aggregation.add(answer(5, [("branch", "A"), ("date", "2026-11-24"), ("nps", "2")]))
        return aggregation
    }

    @Test func theirRatingsCountInTheFiguresAndNothingElse() throws {
        let aggregation = survey(options())
        let everyone = try #require(aggregation.rows.first { $0.groups.isEmpty && $0.period == nil && $0.scope == "overall" })
        let ratings = try #require(everyone.ratings)
        #expect(ratings.nps == -20)
        #expect(ratings.npsResponses == 5)
        #expect(ratings.csatResponses == 2)
        #expect(ratings.csat == 0.5)
        // Comments, shares and means stay over the two comments: no neutral comment was added.
        #expect((everyone.comments, everyone.mentions, everyone.positive, everyone.neutral) == (2, 2, 2, 0))
        #expect(everyone.sharePositive == 1)
        #expect(abs(everyone.meanScore - 0.5) < 1e-9)
        // The same under the group and the period.
        let cell = try #require(aggregation.rows.first { !$0.groups.isEmpty && $0.period == "2026-11-24" && $0.scope == "overall" })
        #expect(cell.ratings?.nps == -20 && cell.ratings?.npsResponses == 5 && cell.comments == 2)
        // The driver table (CSAT's) is fitted on comments alone: it has no dimensions to explain an answer
        // without one, so record 4's CSAT 2 is not among its rated comments.
        #expect(aggregation.ratedComments() == 1)
        #expect(aggregation.undated == 0)
    }

    @Test func theColumnReportsNameTheAnswersWithoutAComment() throws {
        let reports = survey(options()).columnReports
        let nps = try #require(reports.first { $0.role == .nps })
        #expect(nps.note == "--nps-column nps: NPS over 5 responses of 2 comments and 3 rating-only answers (no comment)")
        let csat = try #require(reports.first { $0.role == .csat })
        #expect(csat.note == "--csat-column csat: CSAT over 2 responses of 2 comments and 3 rating-only answers "
                + "(no comment); 1 of 2 comments have no value; 2 of 3 rating-only answers have no value")
        let date = try #require(reports.first { $0.role == .date })
        #expect(date.note == nil)
        #expect(date.ratingOnly == 0)
    }

    /// An unreadable value beside a valid one is what it is on a comment: no answer, counted for the warning.
    @Test func anUnreadableValueBesideAValidOneIsCountedAsUnreadable() throws {
        var aggregation = Aggregation(options: options())
        aggregation.add(answer(1, [("nps", "11"), ("csat", "4")]))
        let nps = try #require(aggregation.columnReports.first { $0.role == .nps })
        #expect(nps.unreadable.count == 1 && nps.unreadable.example == "11")
        #expect(nps.warning == "--nps-column nps: 1 of 1 value are not NPS (0–10, whole numbers) answers, e.g. '11'; "
                + "they are left out of the figures and the driver table")
        let everyone = try #require(aggregation.rows.first { $0.groups.isEmpty && $0.period == nil })
        #expect(everyone.ratings?.npsResponses == 0 && everyone.ratings?.csatResponses == 1)
        #expect(everyone.comments == 0)
    }

    /// An answer with no valid rating under the options (a stored one whose rating is in a column a later run does
    /// not name) adds nothing: no row, no count.
    @Test func anAnswerWithoutAValidRatingAddsNothing() {
        var aggregation = Aggregation(options: options())
        aggregation.add(answer(1, [("branch", "A"), ("ces", "3"), ("nps", "x")]))
        #expect(aggregation.groups.isEmpty)
        #expect(aggregation.coverage == ColumnCoverage())
        #expect(!options().hasRatingAnswer([Field("nps", " "), Field("csat", "9")]))
        #expect(options().hasRatingAnswer([Field("nps", "０")]))
    }

    /// A period whose only records are answers without a comment has no net change: there is no sentiment to
    /// compare.
    @Test func aPeriodOfAnswersAloneHasNoNetChange() throws {
        var aggregation = Aggregation(options: options())
        aggregation.add(observation(.negative, -0.5, fields: [("branch", "A"), ("date", "2026-11-23"), ("nps", "3")]))
        aggregation.add(answer(2, [("branch", "A"), ("date", "2026-11-24"), ("nps", "10")]))
        let day = try #require(aggregation.rows.first { $0.groups.isEmpty && $0.period == "2026-11-24" })
        #expect(day.comments == 0 && day.netChange == nil && day.ratings?.nps == 100)
    }

    /// Shards and partials merge into exactly the aggregation of the whole, answers included.
    @Test func partialsCarryTheAnswersAndMergeExactly() throws {
        let whole = survey(options())
        var first = Aggregation(options: options())
        first.add(observation(.positive, 0.6, [(.empathy, .positive, 0.6)],
                              fields: [("branch", "A"), ("date", "2026-11-24"), ("nps", "10"), ("csat", "5")]))
        first.add(answer(3, [("branch", "A"), ("date", "2026-11-24"), ("nps", "0")]))
        var second = Aggregation(options: options())
        second.add(observation(.positive, 0.4, fields: [("branch", "A"), ("date", "2026-11-24"), ("nps", "9")]))
        second.add(answer(4, [("branch", "A"), ("date", "2026-11-24"), ("nps", "0"), ("csat", "2")]))
        second.add(answer(5, [("branch", "A"), ("date", "2026-11-24"), ("nps", "2")]))
        let partial = try AggregationPartial.decode(try AggregationPartial(first).encoded(), path: "p1.json")
        var merged = partial.aggregation
        try merged.merge(second)
        #expect(merged == whole)
        #expect(merged.rows == whole.rows)
        #expect(merged.columnReports == whole.columnReports)
    }

    /// A partial without answers is written as before: no new keys.
    @Test func aPartialWithoutAnswersHasNoNewKeys() throws {
        var aggregation = Aggregation(options: options())
        aggregation.add(observation(.positive, 0.4, fields: [("nps", "9")]))
        let text = String(decoding: try AggregationPartial(aggregation).encoded(), as: UTF8.self)
        #expect(!text.contains("ratingOnly"))
    }
}

/// The run's counts with answers without a comment: a class of their own, so that read = analysed + rating-only +
/// rejected, and the first line of the summary names them only when there are some.
@Suite struct RatingOnlySummaryTests {
    @Test func answersAreCountedApartAndTheCountsReconcile() {
        var summary = RunSummary()
        summary.add(RatingOnlyAnswer(source: "s.csv", recordNumber: 1, fields: [Field("nps", "0")]))
        summary.add(Rejection(source: "s.csv", recordNumber: 2, reason: .emptyText, raw: ","))
        #expect((summary.read, summary.analysed, summary.ratingOnly, summary.rejected) == (2, 0, 1, 1))
        #expect(summary.reconciles)
        let lines = summary.report.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("rater: read 2, analysed 0, rating-only 1, rejected 1 in "))
        #expect(lines.contains("rater: 1 rating-only answer (a rating and no comment): counted in the NPS/CSAT/CES "
                               + "figures, in no sentiment, dimension or signal figure"))
        var other = RunSummary()
        other.merge(summary)
        #expect(other.ratingOnly == 1 && other.reconciles)
        #expect(!RunSummary().report.contains("rating-only"))
    }
}
