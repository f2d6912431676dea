import Foundation
import Rater
import RaterCore
import Testing

/// The signal metrics against numbers worked out by hand.
@Suite struct SignalEvaluationTests {
    /// Six comments, recovery and loyalty:
    ///   1. gold recovered, loyal        predicted recovered, loyal             → recovery TP right, loyalty TP right
    ///   2. gold unresolved              predicted recovered                    → recovery TP wrong value
    ///   3. gold recovered               predicted nothing                      → recovery FN
    ///   4. gold nothing                 predicted unresolved, at_risk          → recovery FP, loyalty FP
    ///   5. gold unresolved, at_risk     predicted recovered+unresolved, at_risk → recovery TP wrong (two values), loyalty TP right
    ///   6. gold nothing                 predicted nothing                      → nothing
    /// recovery: TP 3, FP 1, FN 1 → P 0.75, R 0.75, F1 0.75; value 1 of 3
    /// loyalty:  TP 2, FP 1, FN 0 → P 2/3, R 1, F1 0.8; value 2 of 2
    /// pooled:   TP 5, FP 2, FN 1 → P 5/7, R 5/6, F1 10/13; value 3 of 5
    func sample() -> SignalEvaluation {
        var evaluation = SignalEvaluation(kinds: [.loyalty, .recovery])
        evaluation.add(id: "1", gold: [.recovery: [.recovered], .loyalty: [.loyal]],
                       predicted: [.recovery: [.recovered], .loyalty: [.loyal]])
        evaluation.add(id: "2", gold: [.recovery: [.unresolved]], predicted: [.recovery: [.recovered]])
        evaluation.add(id: "3", gold: [.recovery: [.recovered]], predicted: [:])
        evaluation.add(id: "4", gold: [:], predicted: [.recovery: [.unresolved], .loyalty: [.atRisk]])
        evaluation.add(id: "5", gold: [.recovery: [.unresolved], .loyalty: [.atRisk]],
                       predicted: [.recovery: [.recovered, .unresolved], .loyalty: [.atRisk]])
        evaluation.add(id: "6", gold: [:], predicted: [:])
        return evaluation
    }

    @Test func perSignalCounts() {
        let evaluation = sample()
        #expect(evaluation.kinds == [.recovery, .loyalty])
        let recovery = evaluation.counts(for: .recovery)
        #expect(recovery.truePositives == 3 && recovery.falsePositives == 1 && recovery.falseNegatives == 1)
        #expect(recovery.precision == 0.75 && recovery.recall == 0.75 && recovery.f1 == 0.75)
        #expect(recovery.valueCorrect == 1 && abs(recovery.valueAccuracy - 1.0 / 3) < 1e-12)
        let loyalty = evaluation.counts(for: .loyalty)
        #expect(loyalty.truePositives == 2 && loyalty.falsePositives == 1 && loyalty.falseNegatives == 0)
        #expect(abs(loyalty.precision - 2.0 / 3) < 1e-12 && loyalty.recall == 1)
        #expect(abs(loyalty.f1 - 0.8) < 1e-12)
        #expect(loyalty.valueAccuracy == 1)
        #expect(evaluation.counts(for: .expectation) == SignalEvaluation.Counts())
    }

    @Test func pooledFigures() {
        let total = sample().total
        #expect(abs(total.precision - 5.0 / 7) < 1e-12)
        #expect(abs(total.recall - 5.0 / 6) < 1e-12)
        #expect(abs(total.f1 - 10.0 / 13) < 1e-12)
        #expect(abs(total.valueAccuracy - 3.0 / 5) < 1e-12)
    }

    @Test func confusionCountsEveryComment() {
        let evaluation = sample()
        let recovered = SignalEvaluation.Reading([.recovered])
        let unresolved = SignalEvaluation.Reading([.unresolved])
        let both = SignalEvaluation.Reading([.unresolved, .recovered])
        #expect(evaluation.confusion(.recovery, gold: recovered, predicted: recovered) == 1)
        #expect(evaluation.confusion(.recovery, gold: unresolved, predicted: recovered) == 1)
        #expect(evaluation.confusion(.recovery, gold: recovered, predicted: .none) == 1)
        #expect(evaluation.confusion(.recovery, gold: .none, predicted: unresolved) == 1)
        #expect(evaluation.confusion(.recovery, gold: unresolved, predicted: both) == 1)
        #expect(evaluation.confusion(.recovery, gold: .none, predicted: .none) == 1)
        #expect(evaluation.readings(of: .recovery).map(\.name) == ["recovered", "unresolved", "recovered+unresolved", "none"])
        #expect(evaluation.readings(of: .loyalty).map(\.name) == ["loyal", "at_risk", "none"])
    }

    @Test func missesNameTheirKind() {
        let misses = sample().misses.map { "\($0.id) \($0.kind.rawValue) \($0.miss) \($0.gold.name)→\($0.predicted.name)" }
        #expect(misses == [
            "2 recovery value unresolved→recovered",
            "3 recovery missed recovered→none",
            "4 recovery spurious none→unresolved",
            "4 loyalty spurious none→at_risk",
            "5 recovery value unresolved→recovered+unresolved",
        ])
    }

    /// A gold file's column is named as `analyze`'s column options name theirs: ASCII case aside (`--gold-column
    /// LABEL` on a `label` header failed, while `--csat-column CSAT` found `csat`); the exact spelling wins.
    @Test func goldColumnsAreFoundRegardlessOfCase() throws {
        let record = SourceRecord(source: "gold.csv", recordNumber: 1, line: 2, id: "1", text: "x",
                                  fields: [Field("Expectation", "met"), Field("label", "neg"), Field("LABEL", "pos")])
        #expect(try SignalGold.values(of: record, column: "expectation", kind: .expectation) == [.met])
        #expect(try GoldLabelMap.standard.label(of: record, column: "Label") == .negative)
        #expect(try GoldLabelMap.standard.label(of: record, column: "LABEL") == .positive)
        #expect(throws: EvaluationError.self) { try GoldLabelMap.standard.label(of: record, column: "labels") }
    }

    @Test func goldCellsAreReadAsTheResultSchemaSpellsThem() throws {
        func record(_ value: String) -> SourceRecord {
            SourceRecord(source: "gold.csv", recordNumber: 7, line: 8, id: "7", text: "x",
                         fields: [Field("expectation", value)])
        }
        #expect(try SignalGold.values(of: record(""), column: "expectation", kind: .expectation).isEmpty)
        #expect(try SignalGold.values(of: record(" Fell short "), column: "expectation", kind: .expectation) == [.fellShort])
        #expect(try SignalGold.values(of: record("exceeded;fell-short"), column: "expectation", kind: .expectation)
            == [.exceeded, .fellShort])
        // A value of another signal is a mistake in the file, named with its row.
        #expect(throws: EvaluationError.self) {
            try SignalGold.values(of: record("recovered"), column: "expectation", kind: .expectation)
        }
        do {
            _ = try SignalGold.values(of: record("great"), column: "expectation", kind: .expectation)
            Issue.record("an unknown value was accepted")
        } catch {
            #expect("\(error)".contains("gold.csv:8 (record 7): 'expectation' holds 'great', not a value of expectation (exceeded, met, fell_short"))
        }
        #expect(throws: EvaluationError.self) {
            try SignalGold.values(of: record("met"), column: "loyalty", kind: .loyalty)
        }
    }
}
