import Foundation
import RaterAggregate
import RaterTestSupport
import Testing
@testable import RaterReport

/// Renders the report in a real headless browser (Debian's `chromium`) to PNG and checks the charts were drawn.
///
/// Skipped, with a message, when no Chromium is installed; `.ci/run` installs it and sets RATER_REQUIRE_BROWSER=1,
/// which turns the skip into a failure so CI cannot pass without running it.
@Suite struct BrowserRenderTests {
    @Test func chromiumRendersChartsThatAreNotBlank() throws {
        guard let browser = ChromiumLocator.executable else {
            #expect(!ChromiumLocator.isRequired, "RATER_REQUIRE_BROWSER=1 but no chromium on PATH")
            print("BrowserRenderTests: skipped — no chromium on PATH (apt-get install chromium; .ci/run installs it)")
            return
        }
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        options.csatColumn = "rating"
        let collector = try ReportSupport.collect(["Corpora/expected/hotel_reviews_zh.csv.jsonl"], options: options)
        let html = ReportRenderer(locale: .zh).render(ReportModel(aggregation: collector.aggregation, samples: collector.samples))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rater-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        let png = directory.appendingPathComponent("out.png")
        try Data(html.utf8).write(to: page)

        func chromium(_ arguments: [String]) throws -> (status: Int32, output: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: browser)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                 "--user-data-dir=\(directory.appendingPathComponent("profile").path)"] + arguments
                + [page.absoluteString]
            let log = directory.appendingPathComponent("chromium-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)  // opening it next fails if this did
            process.standardOutput = try FileHandle(forWritingTo: log)
            process.standardError = process.standardOutput
            try process.run()
            process.waitUntilExit()
            return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
        }
        let (status, output) = try chromium(["--screenshot=\(png.path)", "--window-size=1200,2000"])
        try #require(status == 0, "chromium exited \(status): \(output)")
        let image = try PNGImage(data: Data(contentsOf: png))
        #expect(image.width == 1200 && image.height == 2000)

        // The charts are the only places with the palette's full-strength blue and orange: the positive and
        // negative bars, the trend line and the driver dots. Blank chart areas would have none.
        let blue = image.count(near: ReportPalette.positive)
        let orange = image.count(near: ReportPalette.negative)
        #expect(blue > 2_000, "only \(blue) chart-blue pixels")
        #expect(orange > 500, "only \(orange) chart-orange pixels")
        // Both the upper half (trend, first dimension chart) and the lower half hold chart pixels.
        #expect(image.count(near: ReportPalette.positive, in: 0..<1000) > 500)
        #expect(image.count(near: ReportPalette.positive, in: 1000..<2000) > 500)
        // Chromium logs page errors as "ERROR:" lines mentioning the console or the page; GPU and D-Bus noise is not
        // about the report.
        let pageErrors = output.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(pageErrors.isEmpty, "\(pageErrors)")

        // Printing through the print stylesheet gives a real PDF (its page objects are compressed, so not counted).
        let pdf = directory.appendingPathComponent("report.pdf")
        let printed = try chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)"])
        #expect(printed.status == 0, "\(printed.output)")
        let document = try Data(contentsOf: pdf)
        #expect(document.starts(with: Data("%PDF".utf8)))
        #expect(document.count > 10_000, "PDF of only \(document.count) bytes")
    }
}
