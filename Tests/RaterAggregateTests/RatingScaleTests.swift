import Foundation
import RaterCore
import Testing

@testable import RaterAggregate

/// Rating cells are read once, by the column's scale, and the one value feeds the figures and the driver table.
@Suite struct RatingScaleTests {
    @Test func answersOnTheScaleAreRead() {
        #expect(RatingScale.csat.read("5") == .answer(5))
        #expect(RatingScale.csat.read(" 4.5 ") == .answer(4.5))
        #expect(RatingScale.nps.read("0") == .answer(0) && RatingScale.nps.read("10") == .answer(10))
        #expect(RatingScale.nps.read("7.0") == .answer(7))
        #expect(RatingScale.ces.read("7") == .answer(7))
        // Full-width digits and point, as Chinese and Japanese input methods type them (NFKC).
        #expect(RatingScale.csat.read("４") == .answer(4))
        #expect(RatingScale.ces.read("５．５") == .answer(5.5))
        #expect(RatingScale.csat.read(nil) == .blank && RatingScale.csat.read("  ") == .blank)
        #expect(RatingScale.csat.read("\u{3000}") == .blank)
    }

    @Test(arguments: ["nan", "NaN", "inf", "-inf", "1e16", "1000000", "99", "0", "4,5", "９", "-1", "+4", "4.",
                      ".5", "0x4", "1e0", "four", "4 5"])
    func otherCellsAreUnreadableForCSAT(_ text: String) {
        #expect(RatingScale.csat.read(text) == .unreadable)
    }

    @Test func npsAnswersAreWholeNumbers() {
        #expect(RatingScale.nps.read("6.5") == .unreadable)
        #expect(RatingScale.nps.read("11") == .unreadable)
        #expect(RatingScale.ces.read("0") == .unreadable && RatingScale.ces.read("8") == .unreadable)
    }

    @Test func fixedPointConversionNeverTraps() {
        #expect(FixedPoint.units(.greatestFiniteMagnitude) == FixedPoint.maximumUnits)
        #expect(FixedPoint.units(-1e16) == -FixedPoint.maximumUnits)
        #expect(FixedPoint.units(.nan) == 0 && FixedPoint.units(.infinity) == 0)
        #expect(FixedPoint.units(0.12345) == 1_235)
    }

    /// A huge rating used to overflow the driver table's sums (a trap, exit 132, in a nightly run); `nan` and
    /// off-scale values were fitted by the driver table though the CSAT figures refused them.
    @Test func theDriverTableIsFittedOnTheAnswersTheFiguresCount() throws {
        var options = AggregationOptions()
        options.csatColumn = "csat"
        var aggregation = Aggregation(options: options)
        let cells = ["5", "1000000", "1e16", "nan", "99", "1", "4", "2"]
        for (index, cell) in cells.enumerated() {
            let good = index % 2 == 0
            aggregation.add(observation(good ? .positive : .negative, good ? 0.6 : -0.6,
                                        [(.empathy, good ? .positive : .negative, good ? 0.6 : -0.6)],
                                        fields: [("csat", cell)]))
        }
        let figures = try #require(aggregation.rows.first?.ratings)
        #expect(figures.csatResponses == 4)
        #expect(aggregation.ratedComments() == 4)
        let table = try #require(aggregation.drivers())
        #expect(table.ratedComments == 4)
        let empathy = try #require(table.rows.first { $0.dimension == .empathy })
        #expect(empathy.correlation > 0.9)
    }

    /// With CSAT named, the driver table explains CSAT alone: a comment with only an NPS answer is not rated.
    @Test func theDriverOutcomeIsTheDriverColumnsAnswer() {
        var options = AggregationOptions()
        options.csatColumn = "csat"
        options.npsColumn = "nps"
        var aggregation = Aggregation(options: options)
        aggregation.add(observation(.positive, 0.5, fields: [("csat", "x"), ("nps", "9")]))
        aggregation.add(observation(.positive, 0.5, fields: [("csat", "4"), ("nps", "9")]))
        #expect(aggregation.ratedComments() == 1)
        #expect(aggregation.rows.first?.ratings?.npsResponses == 2)
    }
}
