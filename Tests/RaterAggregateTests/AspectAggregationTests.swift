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
        object["version"] = 1
        let old = try AggregationPartial.decode(try JSONSerialization.data(withJSONObject: object), path: "old.json")
        #expect(old.aggregation.rows.map(\.scope) == ["overall"])
        #expect(old.aggregation.rows.first?.comments == 1)
        #expect(!old.carriesAspectCounts && !old.aggregation.carriesAspectCounts)
    }

    /// A partial without aspect counts, as `old(_:)` makes it: version 1, no `aspects` key.
    func old(_ aggregation: Aggregation) throws -> AggregationPartial {
        var object = try #require(try JSONSerialization.jsonObject(with: try AggregationPartial(aggregation).encoded())
            as? [String: Any])
        object["version"] = 1
        object["entries"] = try #require(object["entries"] as? [[String: Any]]).map { entry in
            var entry = entry
            var aggregate = entry["aggregate"] as? [String: Any] ?? [:]
            aggregate["aspects"] = nil
            entry["aggregate"] = aggregate
            return entry
        }
        return try AggregationPartial.decode(try JSONSerialization.data(withJSONObject: object, options: .sortedKeys),
                                             path: "old.json")
    }

    /// The partial's version says whether it carries aspect counts: 2 does; 1 did only when its entries hold an
    /// `aspects` key (written between aspects and this version). Merged only from partials without them, an
    /// aggregation is written as version 1 without `aspects`, so a later merge still knows.
    @Test func theVersionSaysWhetherAPartialCarriesAspectCounts() throws {
        var aggregation = Aggregation(options: AggregationOptions())
        aggregation.add(commented(.negative, -0.4, aspects: [(.price, .negative, -0.4)]))
        let current = try AggregationPartial.decode(try AggregationPartial(aggregation).encoded(), path: "new.json")
        #expect(current.version == 2 && current.carriesAspectCounts)
        // Version 1 with aspect counts: read as carrying them.
        var object = try #require(try JSONSerialization.jsonObject(with: try AggregationPartial(aggregation).encoded())
            as? [String: Any])
        object["version"] = 1
        let between = try AggregationPartial.decode(
            try JSONSerialization.data(withJSONObject: object, options: .sortedKeys), path: "between.json")
        #expect(between.carriesAspectCounts && between.aggregation.rows.map(\.scope) == ["overall", "price"])
        // Merged from partials without aspect counts: written as such, and read back as such.
        var merged = Aggregation(options: AggregationOptions())
        try merged.merge(try old(aggregation).aggregation)
        try merged.merge(try old(aggregation).aggregation)
        #expect(!merged.carriesAspectCounts)
        let written = try AggregationPartial(merged).encoded()
        #expect(!String(decoding: written, as: UTF8.self).contains("\"aspects\""))
        let reread = try AggregationPartial.decode(written, path: "merged.json")
        #expect(reread.version == 1 && !reread.carriesAspectCounts)
        #expect(reread.aggregation.rows.first?.comments == 2)
        // A later version is refused by name.
        object["version"] = 3
        #expect {
            _ = try AggregationPartial.decode(try JSONSerialization.data(withJSONObject: object, options: .sortedKeys),
                                              path: "later.json")
        } throws: { "\($0)".contains("later.json: not a Rater aggregate partial (format rater-aggregate-partial version 3)") }
    }

    /// Merging partials with aspect counts and partials without gave aspect rows of the newer ones' comments alone,
    /// without a word: refused, naming one of each.
    @Test func partialsWithAndWithoutAspectCountsAreNotMerged() throws {
        var aggregation = Aggregation(options: AggregationOptions())
        aggregation.add(commented(.negative, -0.4, aspects: [(.price, .negative, -0.4)]))
        let current = try AggregationPartial.decode(try AggregationPartial(aggregation).encoded(), path: "new.json")
        let earlier = try old(aggregation)
        var inputs = AspectCountInputs()
        try inputs.note(earlier, path: "old.json")
        #expect(throws: AggregationError.mixedAspectCounts(without: "old.json", with: "new.json")) {
            try inputs.note(current, path: "new.json")
        }
        // Results carry aspect counts as the new partials do, in either order.
        var resultsFirst = AspectCountInputs()
        try resultsFirst.noteResults(path: "r.jsonl")
        #expect(throws: AggregationError.mixedAspectCounts(without: "old.json", with: "r.jsonl")) {
            try resultsFirst.note(earlier, path: "old.json")
        }
        // Alike, they merge; a partial of no comments carries nothing either way.
        var alike = AspectCountInputs()
        try alike.note(earlier, path: "old.json")
        try alike.note(earlier, path: "old2.json")
        try alike.note(try AggregationPartial.decode(try AggregationPartial(Aggregation(options: AggregationOptions()))
                                                        .encoded(), path: "empty.json"), path: "empty.json")
        #expect("\(AggregationError.mixedAspectCounts(without: "old.json", with: "new.json"))".contains(
            "old.json: a partial without aspect counts (written before aspects were counted), and new.json has them"))
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
