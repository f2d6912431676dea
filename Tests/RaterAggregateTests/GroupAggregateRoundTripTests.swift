import Foundation
import RaterCore
@testable import RaterAggregate
import Testing

/// `GroupAggregate`'s coding is written by hand (`aspects` may be left out of old partials), so it must list every
/// field: a field added later and not encoded would be dropped from every partial without a word, and merged nights
/// would lose it. The example sets every stored property, and a property left at its default fails the first test, so
/// a new field cannot slip past the round trip.
@Suite struct GroupAggregateRoundTripTests {
    /// Two comments that touch every part: overall, a dimension, an aspect, signals, all three ratings and the
    /// driver statistics.
    static func full() -> GroupAggregate {
        var aggregate = GroupAggregate()
        aggregate.add(Observation(label: .negative, score: -0.4,
                                  mentions: [.init(dimension: .responsiveness, label: .negative, score: -0.6)],
                                  aspects: [.init(aspect: .price, label: .positive, score: 0.3)],
                                  signals: ["loyalty.at_risk", "recovery.unresolved"], fields: []),
                      ratings: ObservedRatings(nps: 3, csat: 2, ces: 6, driverScale: .csat))
        aggregate.add(Observation(label: .positive, score: 0.7,
                                  mentions: [.init(dimension: .empathy, label: .positive, score: 0.8)],
                                  signals: ["loyalty.loyal"], fields: []),
                      ratings: ObservedRatings(nps: 9, csat: 5, ces: 2, driverScale: .csat))
        return aggregate
    }

    @Test func theExampleSetsEveryStoredProperty() {
        let set = Array(Mirror(reflecting: Self.full()).children)
        let unset = Array(Mirror(reflecting: GroupAggregate()).children)
        #expect(set.count == unset.count)
        for (filled, empty) in zip(set, unset) {
            #expect(String(describing: filled.value) != String(describing: empty.value),
                    "\(filled.label ?? "?") is left at its default: set it in `full()` so the round trip covers it")
        }
    }

    @Test func encodingThenDecodingKeepsEveryField() throws {
        let full = Self.full()
        let data = try JSONEncoder().encode(full)
        #expect(try JSONDecoder().decode(GroupAggregate.self, from: data) == full)
        // One key per stored property: a property the encoder leaves out is missing here.
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(Mirror(reflecting: full).children.compactMap(\.label)))
    }

    /// Through a partial, as `rater aggregate` reads it back.
    @Test func aPartialKeepsEveryField() throws {
        var aggregation = Aggregation(options: AggregationOptions())
        let key = AggregateKey(groups: [], period: nil)
        aggregation.groups[key] = Self.full()
        let partial = AggregationPartial(aggregation, partialID: "round-trip")
        let decoded = try AggregationPartial.decode(try partial.encoded(), path: "p.json")
        #expect(decoded.entries.map(\.aggregate) == [Self.full()])
        #expect(decoded == partial)
    }
}
