import Foundation
import RaterCore
import Testing
@testable import RaterReview

/// A filter the list cannot apply is named on the page with the reason, left off the filter form, and the other
/// filters still apply: an analyst never reads an unfiltered list believing it filtered.
@Suite(.serialized) struct FilterNoticeTests {
    static let info = ReviewStoreInfo(groupColumns: ["branch", "date"], dateColumn: "date")

    @Test func eachRefusedFilterIsNamedAndTheRestIsKept() {
        let reading = ReviewFilter.reading(query: [("label", "negative"), ("column", "nonexistent"), ("value", "x"),
                                                   ("from", "garbage"), ("to", "2026-11-02")], store: Self.info)
        var expected = ReviewFilter()
        expected.label = .negative
        expected.dateTo = "2026-11-02"
        #expect(reading.filter == expected)
        #expect(reading.notices.map(\.description) == [
            "Column filter not applied: no comment has a column 'nonexistent'; columns: branch, date",
            "From filter not applied: 'garbage' is not a date (YYYY-MM-DD)",
        ])
    }

    /// The export's file name where its source is stored under the path typed for the run (`../w/fb.csv`): the list
    /// was empty, "0 comments", as if the export had none (a user-side review). A name no stored source is near is
    /// applied as given: a run may have stored it since the workspace started.
    @Test func aSourceGivenByItsFileNameNamesTheStoredOne() {
        let info = ReviewStoreInfo(groupColumns: [], dateColumn: nil,
                                   sources: ["../w/fb-2026-11-25.csv", "../w/fb-2026-11-26.csv", "other.csv"])
        let reading = ReviewFilter.reading(query: [("source", "fb-2026-11-25.csv"), ("label", "negative")], store: info)
        #expect(reading.filter.source == nil && reading.filter.label == .negative)
        #expect(reading.notices.map(\.description) == [
            "Source filter not applied: no source is stored as 'fb-2026-11-25.csv'; did you mean '../w/fb-2026-11-25.csv'?",
        ])
        for given in ["../w/fb-2026-11-26.csv", "tonight.csv"] {
            let applied = ReviewFilter.reading(query: [("source", given)], store: info)
            #expect(applied.filter.source == given && applied.notices.isEmpty, "\(given)")
        }
    }

    @Test func filtersTheDatabaseCannotHaveAreNamedToo() {
        let bare = ReviewStoreInfo(groupColumns: [], dateColumn: nil)
        let reading = ReviewFilter.reading(query: [("column", "branch"), ("from", "2026-11-01"), ("value", "东")],
                                           store: bare)
        #expect(reading.filter == ReviewFilter())
        #expect(reading.notices.map(\.description) == [
            "Column filter not applied: no comment has a column 'branch'; the comments have no passthrough columns",
            "From filter not applied: the comments have no date column (start the server with --date-column)",
        ])
        // A value without a column says so instead of vanishing.
        let value = ReviewFilter.reading(query: [("value", "东")], store: Self.info)
        #expect(value.filter == ReviewFilter())
        #expect(value.notices.map(\.description) == ["Value filter not applied: '东' needs a column to match"])
    }

    /// A parameter no filter reads listed every comment, as if filtered (`dimesion=reliability`): it is named, with
    /// the filter one letter away.
    @Test func anUnknownParameterIsNamed() {
        let reading = ReviewFilter.reading(query: [("dimesion", "reliability"), ("label", "negative"), ("colour", "x")],
                                           store: Self.info)
        var expected = ReviewFilter()
        expected.label = .negative
        #expect(reading.filter == expected)
        let notices = reading.notices.map(\.description)
        #expect(notices.count == 2, "\(notices)")
        #expect(notices.first?.hasPrefix("Dimesion filter not applied: unknown filter 'dimesion' (did you mean "
            + "dimension?); filters: aspect, column") == true, "\(notices)")
        #expect(notices.last?.hasPrefix("Colour filter not applied: unknown filter 'colour'; filters:") == true,
                "\(notices)")
        #expect(ReviewFilter.isNear("lable", "label") && ReviewFilter.isNear("sourc", "source")
            && !ReviewFilter.isNear("label", "label") && !ReviewFilter.isNear("x", "run"))
    }

    /// A day that does not exist, and a range that ends before it starts, matched nothing without a word.
    @Test func impossibleDatesAndRangesAreNamed() {
        for day in ["2026-13-01", "2026-02-30", "2026-00-10", "2025-02-29"] {
            let reading = ReviewFilter.reading(query: [("from", day)], store: Self.info)
            #expect(reading.filter.dateFrom == nil, "\(day)")
            #expect(reading.notices.map(\.description) == ["From filter not applied: '\(day)' is not a date (YYYY-MM-DD)"])
        }
        #expect(ReviewFilter.reading(query: [("from", "2024-02-29")], store: Self.info).filter.dateFrom == "2024-02-29")
        let backwards = ReviewFilter.reading(query: [("from", "2026-11-05"), ("to", "2026-11-01")], store: Self.info)
        #expect(backwards.filter.dateFrom == "2026-11-05" && backwards.filter.dateTo == nil)
        #expect(backwards.notices.map(\.description)
            == ["To filter not applied: 2026-11-01 is before 2026-11-05: no day is in that range"])
    }

    @Test func theStrictReadingStillThrowsTheFirstProblem() {
        #expect(throws: ReviewError.invalidFilter("'garbage' is not a date (YYYY-MM-DD)")) {
            try ReviewFilter(query: [("from", "garbage"), ("page", "0")])
        }
    }

    @Test func thePageNamesTheFilterThatWasNotAppliedAndDoesNotPretend() async throws {
        let fixture = try ReviewFixture.sample()
        try await withServer(fixture) { port, _ in
            let column = try LoopbackHTTP.send(port: port, "GET", "/?column=nonexistent&value=x&label=negative")
            #expect(column.status == 400)
            #expect(column.body.contains("Column filter not applied: no comment has a column 'nonexistent'; columns: branch, date"),
                    "\(column.body)")
            // The label filter still applies; the column filter shows as off in the form.
            #expect(column.body.contains(">1–3 of 3 comments · page 1 of 1<"))
            #expect(column.body.contains("<option value=\"negative\" selected"))
            #expect(!column.body.contains("nonexistent\" selected") && !column.body.contains("name=\"value\" value=\"x\""))

            let date = try LoopbackHTTP.send(port: port, "GET", "/?from=garbage")
            #expect(date.status == 400)
            #expect(date.body.contains("From filter not applied: 'garbage' is not a date (YYYY-MM-DD)"), "\(date.body)")
            #expect(date.body.contains(">1–6 of 6 comments · page 1 of 1<"))
            #expect(date.body.contains("name=\"from\" value=\"\""))
            #expect(!date.body.contains("garbage\""))

            let applied = try LoopbackHTTP.send(port: port, "GET", "/?column=branch&value=%E6%BB%A8%E6%B1%9F%E5%BA%97&from=2026-11-03")
            #expect(applied.status == 200 && !applied.body.contains("not applied"))
            #expect(applied.body.contains(">1–2 of 2 comments · page 1 of 1<"), "\(applied.body)")
        }
    }
}
