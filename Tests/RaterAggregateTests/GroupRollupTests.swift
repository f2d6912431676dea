import Foundation
import RaterCore
import Testing

@testable import RaterAggregate

/// `--group-by region --group-by branch` answers "per region" too: a row per region over all its branches, as SQL's
/// `GROUP BY ROLLUP(region, branch)`. A dashboard cannot sum those from the cells' rounded shares, NPS or intervals.
@Suite struct GroupRollupTests {
    /// Comments in two regions; `north` has a branch with an empty value, whose cell must stay apart from the
    /// region's rollup.
    static let comments: [Observation] = [
        observation(.positive, 0.8, [(.tangibles, .positive, 0.6)], signals: ["loyalty.loyal"],
                    fields: [("region", "north"), ("branch", "a"), ("date", "2026-11-23"), ("nps", "10")]),
        observation(.negative, -0.6, [(.tangibles, .negative, -0.5)], signals: ["loyalty.at_risk"],
                    fields: [("region", "north"), ("branch", "b"), ("date", "2026-11-24"), ("nps", "3")]),
        observation(.neutral, 0.0, fields: [("region", "north"), ("branch", ""), ("date", "2026-11-24"), ("nps", "8")]),
        observation(.positive, 0.4, fields: [("region", "north"), ("branch", "a"), ("date", "2026-11-24"), ("nps", "9")]),
        observation(.negative, -0.2, [(.empathy, .negative, -0.3)],
                    fields: [("region", "south"), ("branch", "c"), ("date", "2026-11-23"), ("nps", "6")]),
    ]

    static func options(_ groupBy: [String]) -> AggregationOptions {
        var options = AggregationOptions()
        options.groupBy = groupBy
        options.dateColumn = "date"
        options.npsColumn = "nps"
        return options
    }

    static func aggregation(_ groupBy: [String], _ comments: [Observation] = comments) -> Aggregation {
        var aggregation = Aggregation(options: options(groupBy))
        comments.forEach { aggregation.add($0) }
        return aggregation
    }

    @Test func twoColumnsGiveARowPerRegionOverAllItsBranches() throws {
        let rows = Self.aggregation(["region", "branch"]).rows
        let overall = rows.filter { $0.scope == "overall" && $0.period == nil }
        // Everyone, then each region before its cells (the empty branch first among them).
        #expect(overall.map { $0.groups.map(\.value) } == [
            [], ["north"], ["north", ""], ["north", "a"], ["north", "b"], ["south"], ["south", "c"]])
        #expect(overall.map(\.comments) == [5, 4, 1, 2, 1, 1, 1])
        let north = try #require(overall.first { $0.groups == [Field("region", "north")] })
        #expect((north.positive, north.negative, north.neutral) == (2, 1, 1))
        #expect(north.ratings?.npsResponses == 4)
        #expect(north.ratings?.nps == 100.0 * (2 - 1) / 4)  // 10 and 9 promote, 3 detracts, 8 is passive
        #expect(north.signals == [SignalRate(name: "loyalty.at_risk", count: 1, rate: 0.25),
                                  SignalRate(name: "loyalty.loyal", count: 1, rate: 0.25)])
        // A region's rows per period too, with the change against the region's previous period.
        let northDays = rows.filter { $0.groups == [Field("region", "north")] && $0.scope == "overall" && $0.period != nil }
        #expect(northDays.map(\.period) == ["2026-11-23", "2026-11-24"])
        #expect(northDays.map(\.comments) == [1, 3])
        #expect(northDays.last?.netChange == -1.0)  // 1 of 3 positive, 1 of 3 negative, against 1 of 1 positive
        // Dimension rows of a rollup.
        let tangibles = try #require(rows.first { $0.groups == [Field("region", "north")] && $0.scope == "tangibles"
                                                  && $0.period == nil })
        #expect(tangibles.mentions == 2 && tangibles.comments == 4)
    }

    /// A region's rows are exactly the rows `--group-by region` alone gives: every figure, to the last digit.
    @Test func aRegionsRollupIsTheRegionsOwnAggregation() {
        let rolledUp = Self.aggregation(["region", "branch"]).rows.filter { $0.groups.count == 1 }
        let byRegion = Self.aggregation(["region"]).rows.filter { !$0.groups.isEmpty }
        #expect(rolledUp.count == byRegion.count && !rolledUp.isEmpty)
        #expect(rolledUp == byRegion)
        // Everyone's rows are unchanged by the second column.
        #expect(Self.aggregation(["region", "branch"]).rows.filter(\.groups.isEmpty)
                == Self.aggregation(["region"]).rows.filter(\.groups.isEmpty))
    }

    /// Three columns: a row per region, per (region, branch), and per (region, branch, desk).
    @Test func everyLeadingRunOfColumnsIsRolledUp() {
        let comments = Self.comments.enumerated().map { index, comment in
            var comment = comment
            comment.fields.append(Field("desk", index % 2 == 0 ? "front" : "phone"))
            return comment
        }
        let rows = Self.aggregation(["region", "branch", "desk"], comments).rows
            .filter { $0.scope == "overall" && $0.period == nil }
        #expect(rows.map(\.groups.count) == [0, 1, 2, 3, 2, 3, 3, 2, 3, 1, 2, 3])
        #expect(rows.filter { $0.groups.count == 2 } == Self.aggregation(["region", "branch"], comments).rows
                    .filter { $0.groups.count == 2 && $0.scope == "overall" && $0.period == nil })
    }

    /// One column: nothing to roll up, the rows are what they were (the golden files' shape).
    @Test func oneColumnHasNoRollupRows() {
        let rows = Self.aggregation(["region"]).rows.filter { $0.scope == "overall" && $0.period == nil }
        #expect(rows.map { $0.groups.map(\.value) } == [[], ["north"], ["south"]])
    }

    /// Rollups are made from the cells when rows are made, so shards and partials (also those written before
    /// rollups existed, which hold the cells alone) merge into exactly the rollups of one run.
    @Test func mergedShardsAndPartialsGiveTheSameRollups() throws {
        let whole = Self.aggregation(["region", "branch"])
        var shards = [Aggregation(options: Self.options(["region", "branch"])),
                      Aggregation(options: Self.options(["region", "branch"]))]
        for (index, comment) in Self.comments.enumerated() { shards[index % 2].add(comment) }
        var merged = shards[1]
        try merged.merge(shards[0])
        #expect(merged.rows == whole.rows)
        let partials = try shards.map { try AggregationPartial.decode(try AggregationPartial($0).encoded(), path: "p") }
        // A partial keeps the cells only: what it held before rollups existed.
        #expect(partials.allSatisfy { $0.entries.allSatisfy { $0.key.groups.count != 1 } })
        var fromPartials = partials[0].aggregation
        try fromPartials.merge(partials[1].aggregation)
        #expect(fromPartials.rows == whole.rows)
    }
}
