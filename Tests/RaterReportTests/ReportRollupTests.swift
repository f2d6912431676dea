import Foundation
import RaterAggregate
import RaterCore
import Testing
@testable import RaterReport

/// With two group columns the report shows each branch over all its channels too, before the (branch, channel)
/// groups, and says which column a rollup is over all values of.
@Suite struct ReportRollupTests {
    static var options: AggregationOptions {
        var options = ReportPageTests.hotelOptions
        options.groupBy = ["branch", "channel"]
        return options
    }

    @Test func rollupsComeFirstAndAreNamedAsOverAllValues() throws {
        let collector = try ReportSupport.collect(["Corpora/expected/hotel_reviews_zh.csv.jsonl"], options: Self.options)
        let aggregation = collector.aggregation
        let rows = aggregation.rows.filter { $0.period == nil && $0.scope == "overall" }
        let branches = rows.filter { $0.groups.count == 1 }
        let cells = rows.filter { $0.groups.count == 2 }
        #expect(branches.count >= 3 && cells.count > branches.count)

        let model = ReportModel(aggregation: aggregation, samples: collector.samples, maxGroups: branches.count + 2)
        // The coarser rows first, largest first; the cut drops the smallest cells.
        #expect(model.groups.prefix(branches.count).map(\.overall)
                == branches.sorted { $0.comments != $1.comments ? $0.comments > $1.comments
                                     : $0.groups.map(\.value).lexicographicallyPrecedes($1.groups.map(\.value)) })
        #expect(model.groups.dropFirst(branches.count).map(\.overall) == Array(cells.sorted {
            $0.comments != $1.comments ? $0.comments > $1.comments
                : $0.groups.map(\.value).lexicographicallyPrecedes($1.groups.map(\.value))
        }.prefix(2)))
        #expect(model.omittedGroups == cells.count - 2)

        for (locale, all) in [(ReportLocale.en, "all"), (.zh, "全部")] {
            let html = ReportRenderer(locale: locale).render(model)
            let structure = ReportSupport.parse(html)
            try #require(structure.error == nil, "\(structure.error ?? "")")
            let branch = try #require(branches.first?.groups.first?.value)
            #expect(html.contains("<h3><bdi>branch: \(branch)</bdi> · <bdi>channel: </bdi><strong>\(all)</strong>"),
                    "a rollup's heading names the column it is over all values of")
            // The rollup's table rows carry its own figures, keyed by its one column.
            let tableRows = structure.elements.filter { $0.name == "tr" && $0.attributes["data-group"] == "branch=\(branch)"
                                                        && $0.attributes["data-scope"] == "overall" }
            #expect(tableRows.count == 1)
            #expect(tableRows.first?.attributes["data-mentions"] == String(branches[0].mentions))
        }
    }
}
