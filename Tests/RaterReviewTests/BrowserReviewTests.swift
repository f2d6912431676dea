import Foundation
import RaterCore
import RaterDatabase
import RaterTestSupport
import Testing
@testable import RaterReview

/// The workspace in a real headless browser: an analyst filters with the search box, corrects a comment with the
/// keyboard, and the correction is in the database and in the exported gold file; hostile comments on the same
/// server run nothing.
///
/// Skipped, with a message, without Chromium; `.ci/run` installs it and sets RATER_REQUIRE_BROWSER=1, which
/// turns the skip into a failure.
@Suite(.serialized) struct BrowserReviewTests {
    @Test func filterCorrectAndExportInChromium() async throws {
        guard let browser = ChromiumLocator.executable else {
            #expect(!ChromiumLocator.isRequired, "RATER_REQUIRE_BROWSER=1 but no chromium on PATH")
            print("BrowserReviewTests: skipped — no chromium on PATH (apt-get install chromium; .ci/run installs it)")
            return
        }
        let records = try HostileCommentTests.hostileRecords() + [
            SourceRecord(source: "branches.csv", recordNumber: 1, id: "r5", text: "上菜太慢了，等了四十分钟",
                         fields: [Field("branch", "西湖店")]),
            SourceRecord(source: "branches.csv", recordNumber: 2, id: "r7", text: "The lobby was tidy and bright.",
                         fields: [Field("branch", "滨江店")]),
        ]
        let fixture = try ReviewFixture(records)
        try await withServer(fixture) { port, _ in
            let chromium = try ChromiumSession(browser: browser)
            defer { chromium.close() }
            try chromium.openPage()
            let base = "http://127.0.0.1:\(port)/"
            try chromium.navigate(base)
            #expect(try chromium.evaluate("document.querySelectorAll('article.comment').length") as? Int == 9)

            // Filter: "/" focuses the search box, type Chinese, Enter submits.
            try chromium.press("/", code: "Slash", keyCode: 191, text: "/")
            #expect(try chromium.evaluate("document.activeElement.id") as? String == "search")
            try chromium.typeText("上菜")
            try chromium.pressAndWaitForLoad { try chromium.press("Enter", code: "Enter", keyCode: 13, text: "\r") }
            let search = try chromium.evaluate("location.search") as? String ?? ""
            #expect(search.hasPrefix("?q=%E4%B8%8A%E8%8F%9C&"), "\(search)")
            #expect(try chromium.evaluate("document.querySelectorAll('article.comment').length") as? Int == 1)
            #expect(try chromium.evaluate("document.querySelector('article.comment').dataset.label") as? String == "negative")
            // The contributing words are highlighted by polarity.
            #expect(try chromium.evaluate("document.querySelectorAll('p.text mark.negative').length") as? Int ?? 0 >= 1)

            // Correct it with the keyboard: j focuses the comment, p sets positive, 3 adds Tangibles.
            try chromium.press(character: "j")
            #expect(try chromium.evaluate("document.activeElement.dataset.key") as? String == "r5")
            try chromium.pressAndWaitForLoad { try chromium.press(character: "p") }
            #expect(try chromium.evaluate("document.querySelector('article.comment').dataset.label") as? String == "positive")
            #expect(try chromium.evaluate("document.activeElement.dataset.key") as? String == "r5", "focus comes back")
            try chromium.pressAndWaitForLoad { try chromium.press(character: "3") }
            #expect(try chromium.evaluate("document.querySelector('li[data-dimension=tangibles]') !== null") as? Bool == true)

            // In the database, with who and when.
            let corrections = try fixture.store.corrections()
            #expect(corrections.count == 2)
            #expect(corrections.allSatisfy { $0.commentKey == "r5" && $0.analyst == "nightly-analyst" && $0.machineLabel == .negative })
            #expect(corrections.map(\.action) == [.addDimension, .label])
            // In the exported gold file.
            let gold = try LoopbackHTTP.send(port: port, "GET", "/export/gold.csv").body
            let row = try #require(gold.split(separator: "\r\n").first { $0.hasPrefix("r5,") })
            #expect(row.contains(",positive,") && row.contains("tangibles:positive") && row.contains(",negative,nightly-analyst,"))

            // Hostile comments on the unfiltered page: nothing runs, no dialog opens, no injected element exists.
            try chromium.navigate(base)
            #expect(try chromium.evaluate("document.scripts.length") as? Int == 1)
            #expect(try chromium.evaluate("document.querySelectorAll('img, iframe, object, embed').length") as? Int == 0)
            #expect(try chromium.evaluate(
                "[...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('on')))"
            ) as? Bool == false)
            #expect(try chromium.evaluate("document.body.innerText.includes('<script>alert(1)</script>')") as? Bool == true)
            let dialogs = chromium.events.filter { $0["method"] as? String == "Page.javascriptDialogOpening" }
            #expect(dialogs.isEmpty, "a hostile comment opened a dialog: \(dialogs)")
            let exceptions = chromium.events.filter { $0["method"] as? String == "Runtime.exceptionThrown" }
            #expect(exceptions.isEmpty, "\(exceptions)")
        }
    }
}
