import Foundation
import RaterCore
import Testing

@testable import RaterAggregate

/// Aspects (price, product, location) are counted like dimensions: a row per aspect a key's comments mention, with
/// the same figures, merged exactly, kept in partials, and partials written before them still read.
@Suite struct AspectAggregationTests {
    func commented(_ label: SentimentLabel, _ score: Double, aspects: [(Aspect, SentimentLabel, Double)],
                   signals: [String] = [], fields: [(String, String)] = []) -> Observation {
        Observation(label: label, score: score, mentions: [],
                    aspects: aspects.map { Observation.AspectMention(aspect: $0.0, label: $0.1, score: $0.2) },
                    signals: signals, fields: fields.map { Field($0.0, $0.1) })
    }

    @Test func aspectRowsAreCountedLikeDimensions() throws {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        var aggregation = Aggregation(options: options)
        aggregation.add(commented(.negative, -0.5, aspects: [(.price, .negative, -0.6), (.product, .positive, 0.4)],
                                  signals: ["loyalty.at_risk"], fields: [("branch", "A")]))
        aggregation.add(commented(.negative, -0.3, aspects: [(.price, .negative, -0.2)], fields: [("branch", "A")]))
        aggregation.add(commented(.positive, 0.7, aspects: [(.price, .positive, 0.5)], fields: [("branch", "B")]))
        aggregation.add(commented(.neutral, 0, aspects: [], fields: [("branch", "B")]))
        let rows = aggregation.rows

        let price = try #require(rows.first { $0.groups.isEmpty && $0.period == nil && $0.scope == "price" })
        #expect(price.comments == 4 && price.mentions == 3)
        #expect((price.positive, price.negative, price.neutral) == (1, 2, 0))
        #expect(abs(price.meanScore - (-0.6 - 0.2 + 0.5) / 3) < 1e-12)
        #expect(abs(price.netSentiment - (1.0 - 2.0) / 3) < 1e-12)
        let priceA = try #require(rows.first { $0.groups == [Field("branch", "A")] && $0.scope == "price" })
        #expect(priceA.mentions == 2 && priceA.negative == 2)
        // Signal rates over the aspect's mentions, as for a dimension.
        #expect(priceA.signals == [SignalRate(name: "loyalty.at_risk", count: 1, rate: 0.5)])
        let productA = try #require(rows.first { $0.groups == [Field("branch", "A")] && $0.scope == "product" })
        #expect(productA.mentions == 1 && productA.positive == 1)
        // No location was mentioned, and B mentioned no product: no rows for them.
        #expect(!rows.contains { $0.scope == "location" })
        #expect(!rows.contains { $0.groups == [Field("branch", "B")] && $0.scope == "product" })
        // Aspect rows follow the dimension rows of their key.
        let scopesOfA = rows.filter { $0.groups == [Field("branch", "A")] && $0.period == nil }.map(\.scope)
        #expect(scopesOfA == ["overall", "price", "product"])
    }

    @Test func aspectsMergeExactlyAndSurviveThePartial() throws {
        var options = AggregationOptions()
        options.groupBy = ["channel"]
        options.dateColumn = "date"
        let observations = (0..<120).map { index -> Observation in
            let score = Double((index * 41) % 200 - 100) / 131
            let label: SentimentLabel = score > 0.05 ? .positive : score < -0.05 ? .negative : .neutral
            let aspect = Aspect.allCases[index % 3]
            return commented(label, score, aspects: index % 4 == 0 ? [] : [(aspect, label, score / 3)],
                             fields: [("channel", ["app", "web"][index % 2]),
                                      ("date", "2026-11-\(String(format: "%02d", 1 + index % 20))")])
        }
        var whole = Aggregation(options: options)
        observations.forEach { whole.add($0) }
        var shards = [Aggregation(options: options), Aggregation(options: options)]
        for (index, item) in observations.enumerated() { shards[(index * 5) % 2].add(item) }
        var merged = shards[1]
        try merged.merge(shards[0])
        #expect(merged == whole)
        #expect(merged.rows == whole.rows)
        #expect(whole.rows.contains { $0.scope == "location" && $0.period != nil })
        let partial = try AggregationPartial.decode(try AggregationPartial(shards[0]).encoded(), path: "p")
        var fromPartial = shards[1]
        try fromPartial.merge(partial.aggregation)
        #expect(fromPartial.rows == whole.rows)
    }

    /// A partial written before aspects were counted has no `aspects` key: it is read, and merges with no aspect
    /// rows of its own.
    @Test func aPartialWithoutAspectsIsRead() throws {
        var aggregation = Aggregation(options: AggregationOptions())
        aggregation.add(commented(.negative, -0.4, aspects: [(.price, .negative, -0.4)]))
        var object = try #require(try JSONSerialization.jsonObject(with: try AggregationPartial(aggregation).encoded())
            as? [String: Any])
        var entries = try #require(object["entries"] as? [[String: Any]])
        var aggregate = try #require(entries[0]["aggregate"] as? [String: Any])
        #expect(aggregate["aspects"] != nil)
        aggregate["aspects"] = nil
        entries[0]["aggregate"] = aggregate
        object["entries"] = entries
        let old = try AggregationPartial.decode(try JSONSerialization.data(withJSONObject: object), path: "old.json")
        #expect(old.aggregation.rows.map(\.scope) == ["overall"])
        #expect(old.aggregation.rows.first?.comments == 1)
    }

    @Test func aspectCountsThatDoNotAddUpAreRefused() throws {
        var aggregation = Aggregation(options: AggregationOptions())
        aggregation.add(commented(.negative, -0.4, aspects: [(.price, .negative, -0.4)]))
        var object = try #require(try JSONSerialization.jsonObject(with: try AggregationPartial(aggregation).encoded())
            as? [String: Any])
        var entries = try #require(object["entries"] as? [[String: Any]])
        var aggregate = try #require(entries[0]["aggregate"] as? [String: Any])
        var aspects = try #require(aggregate["aspects"] as? [String: Any])
        var price = try #require(aspects["price"] as? [String: Any])
        price["positive"] = 3
        aspects["price"] = price
        aggregate["aspects"] = aspects
        entries[0]["aggregate"] = aggregate
        object["entries"] = entries
        #expect {
            _ = try AggregationPartial.decode(try JSONSerialization.data(withJSONObject: object), path: "p.json")
        } throws: { "\($0)".contains("price: positive 3") }
    }
}
