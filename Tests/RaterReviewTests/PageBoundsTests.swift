import Foundation
import RaterCore
import Testing
@testable import RaterReview

/// A page number past the end, zero, negative or not a number: the list lands on a page that exists, says what
/// happened, and never prints a range whose start is past its end ("4901–8 of 8").
@Suite(.serialized) struct PageBoundsTests {
    @Test func aPagePastTheEndIsTheLastPage() throws {
        let fixture = try ReviewFixture(results: ReviewPagingTests.results(120))
        var filter = ReviewFilter()
        filter.page = 99
        let data = try fixture.store.page(filter)
        #expect(data.page == 3 && data.pageCount == 3 && data.total == 120)
        #expect(data.comments.map(\.id) == (101...120).map { "c\($0)" })
    }

    @Test func theServerShowsTheLastPageAndSaysSo() async throws {
        let fixture = try ReviewFixture.sample()
        try await withServer(fixture) { port, _ in
            let past = try LoopbackHTTP.send(port: port, "GET", "/?page=99")
            #expect(past.status == 200)
            #expect(past.body.contains(">1–6 of 6 comments · page 1 of 1<"), "\(past.body)")
            #expect(past.body.contains("There is no page 99: 6 comments fill 1 page. Showing page 1."))
            #expect(!past.body.contains("page 99 of") && !past.body.contains("4901"))
            // The forms return to the page shown, not to the one that does not exist.
            #expect(!past.body.contains("page=99"))

            let filtered = try LoopbackHTTP.send(port: port, "GET", "/?label=negative&page=7")
            #expect(filtered.status == 200)
            #expect(filtered.body.contains(">1–3 of 3 comments · page 1 of 1<"))
            #expect(filtered.body.contains("There is no page 7: 3 comments fill 1 page. Showing page 1."))

            let none = try LoopbackHTTP.send(port: port, "GET", "/?q=nothing-like-this&page=2")
            #expect(none.body.contains(">0 comments · page 1 of 1<"), "\(none.body)")
            #expect(none.body.contains("There is no page 2: no comment matches these filters. Showing page 1."))
        }
    }

    @Test func aPageThatIsNoNumberIsRefusedAndTheOtherFiltersStay() async throws {
        let fixture = try ReviewFixture.sample()
        try await withServer(fixture) { port, _ in
            for page in ["0", "-1", "x", "1e3"] {
                let reply = try LoopbackHTTP.send(port: port, "GET", "/?label=negative&page=" + page)
                #expect(reply.status == 400, "\(page)")
                #expect(reply.body.contains("Page filter not applied: &#39;\(page)&#39; is not a page number (1, 2, 3 …)")
                            || reply.body.contains("Page filter not applied: '\(page)' is not a page number (1, 2, 3 …)"),
                        "\(page): \(reply.body)")
                // The label filter is still on: three negative comments, and the form says so.
                #expect(reply.body.contains(">1–3 of 3 comments · page 1 of 1<"), "\(page)")
                #expect(reply.body.contains("<option value=\"negative\" selected"), "\(page)")
            }
        }
    }
}
