import RaterCore
@testable import RaterDimensions
import Testing

/// `SignalReadings.settled()` on its own, reading by reading: the rules that keep a comment from reporting both
/// readings of a signal for the same words (announced against stated, caution, the last clause, the evidence limit).
@Suite struct SignalReadingsTableTests {
    /// One reading to add: its value, clause and whether it only announces its signal.
    struct Reading: Sendable {
        var value: SignalValue
        var clause: Int
        var announced = false
    }

    struct Case: Sendable {
        var name: String
        var readings: [Reading]
        /// The settled values, in `SignalValue` order, each with the indexes (into `readings`) of its evidence.
        var expected: [(SignalValue, [Int])]
    }

    static let cases: [Case] = [
        Case(name: "a stated reading outranks an announced one in its clause, though less cautious",
             readings: [Reading(value: .unresolved, clause: 0, announced: true), Reading(value: .recovered, clause: 0)],
             expected: [(.recovered, [1])]),
        Case(name: "an announced reading stands where nothing is stated in its clause",
             readings: [Reading(value: .unresolved, clause: 0, announced: true), Reading(value: .loyal, clause: 0)],
             expected: [(.unresolved, [0]), (.loyal, [1])]),
        Case(name: "the most cautious reading of a clause stands",
             readings: [Reading(value: .recovered, clause: 0), Reading(value: .unresolved, clause: 0),
                        Reading(value: .loyal, clause: 0), Reading(value: .atRisk, clause: 0),
                        Reading(value: .met, clause: 0), Reading(value: .fellShort, clause: 0),
                        Reading(value: .exceeded, clause: 0)],
             expected: [(.fellShort, [5]), (.unresolved, [1]), (.atRisk, [3])]),
        Case(name: "equal caution (the same value twice in a clause): both are its evidence, in the order found",
             readings: [Reading(value: .loyal, clause: 0), Reading(value: .loyal, clause: 0)],
             expected: [(.loyal, [0, 1])]),
        Case(name: "recovery follows the comment to its last clause",
             readings: [Reading(value: .unresolved, clause: 0), Reading(value: .recovered, clause: 2)],
             expected: [(.recovered, [1])]),
        Case(name: "loyalty follows the last clause, and earlier clauses that read the same keep their evidence",
             readings: [Reading(value: .loyal, clause: 0), Reading(value: .atRisk, clause: 1),
                        Reading(value: .loyal, clause: 3)],
             expected: [(.loyal, [0, 2])]),
        Case(name: "the last clause is the last in the text, not the last added",
             readings: [Reading(value: .loyal, clause: 4), Reading(value: .atRisk, clause: 1)],
             expected: [(.loyal, [0])]),
        Case(name: "expectation is kept per clause",
             readings: [Reading(value: .exceeded, clause: 0), Reading(value: .fellShort, clause: 1)],
             expected: [(.exceeded, [0]), (.fellShort, [1])]),
        Case(name: "at most five readings of a value are its evidence: the first five found",
             readings: (0..<7).map { Reading(value: .met, clause: 6 - $0) },
             expected: [(.met, [0, 1, 2, 3, 4])]),
    ]

    @Test func theRulesSettleEachTableRow() {
        #expect(SignalReadings.evidenceLimit == 5)
        for row in Self.cases {
            var readings = SignalReadings()
            for (index, reading) in row.readings.enumerated() {
                // The hit's range stands for its index, so the evidence can be traced back.
                let hit = CueHit(range: index..<(index + 1), token: index, unit: reading.clause, roles: .filtered(0),
                                 negated: false)
                readings.add(reading.value, clause: reading.clause, hit: hit, negator: nil,
                             announced: reading.announced)
            }
            let settled = readings.settled()
            #expect(settled.map { $0.value } == row.expected.map { $0.0 }, "\(row.name)")
            #expect(settled.map { $0.hits.map { $0.hit.range.lowerBound } } == row.expected.map { $0.1 }, "\(row.name)")
        }
    }

    @Test func noReadingsSettleNothing() {
        #expect(SignalReadings().settled().isEmpty)
    }
}
