import Foundation
import RaterCore
import RaterTestSupport
import Testing
@testable import RaterReview

/// The workspace's pages and stylesheet checked by the W3C Nu validator (`NuValidator`): the list with
/// corrections, filters and hostile comments, the audit trail, an error page, and the CSS.
@Suite struct ReviewPageValidationTests {
    @Test(.enabled(if: NuValidator.jar != nil, Comment(rawValue: NuValidator.skipMessage)))
    func pagesAndStylesheetValidate() throws {
        let fixture = try ReviewFixture(try HostileCommentTests.hostileRecords() + [
            SourceRecord(source: "branches.csv", recordNumber: 1, id: "r1", text: "环境不错，但是服务员态度很差",
                         fields: [Field("branch", "西湖店"), Field("date", "2026-11-01")]),
        ])
        try fixture.store.record(CorrectionRequest(source: "branches.csv", commentKey: "r1", action: .addDimension,
                                                   dimension: .empathy, value: .negative, analyst: "王芳"))
        let renderer = ReviewPageRenderer(csrfToken: "t", analyst: "王芳")
        var filter = try ReviewFilter(query: [("q", "服务"), ("order", "low-confidence")])
        let info = ReviewStoreInfo(groupColumns: fixture.store.groupColumns, dateColumn: fixture.store.dateColumn)
        var data = try fixture.store.page(filter)
        #expect(try NuValidator.errors(of: renderer.list(data, filter: filter, store: info, progress: (8, 1))) == [])
        filter = ReviewFilter()
        data = try fixture.store.page(filter, pageSize: 3)
        #expect(try NuValidator.errors(of: renderer.list(data, filter: filter, store: info, progress: (8, 1),
                                             errors: ["invalid filter: <b>"],
                                             notices: ["There is no page 9: 8 comments fill 3 pages. Showing page 3."])) == [])
        #expect(try NuValidator.errors(of: renderer.audit(try fixture.store.corrections(), page: 2, hasMore: true)) == [])
        #expect(try NuValidator.errors(of: renderer.error("Form expired", message: "Reload & try again")) == [])
        #expect(try NuValidator.errors(of: ReviewAssets.css.description, css: true) == [])
    }
}
