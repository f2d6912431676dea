import Foundation
import RaterAggregate
import RaterTestSupport
import Testing
@testable import RaterReport

/// The report checked by the W3C's own HTML checker (`NuValidator`), on a
/// page from every sample corpus and on the hostile page, in both locales. `.ci/run` installs it and sets
/// RATER_VNU_JAR; without it these tests are skipped with a message.
@Suite struct W3CValidationTests {
    @Test(.enabled(if: NuValidator.jar != nil, Comment(rawValue: NuValidator.skipMessage)),
          arguments: [ReportLocale.en, .zh])
    func samplePageValidates(_ locale: ReportLocale) throws {
        var options = AggregationOptions()
        options.dateColumn = "date"
        options.groupBy = ["branch"]
        options.csatColumn = "rating"
        let collector = try ReportSupport.collect(ReportPageTests.samples, options: options)
        let html = ReportRenderer(locale: locale).render(ReportModel(aggregation: collector.aggregation,
                                                                     samples: collector.samples))
        #expect(try NuValidator.errors(of: html) == [])
    }

    @Test(.enabled(if: NuValidator.jar != nil, Comment(rawValue: NuValidator.skipMessage)))
    func hostilePageValidates() throws {
        #expect(try NuValidator.errors(of: try HostileCorpusTests.hostilePage(locale: .en)) == [])
    }
}
