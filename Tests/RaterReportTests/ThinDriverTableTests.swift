import RaterAggregate
import RaterCore
import Testing
@testable import RaterReport

/// A driver table fitted on a handful of rated comments: five dimensions and an intercept fit six comments exactly,
/// and the report of a four-comment night marked a dimension "concentrate here" on R² = 1. Below
/// `DriverTable.stableRatedComments` the page says why and gives no quadrant.
@Suite struct ThinDriverTableTests {
    /// `count` rated comments whose CSAT follows their Responsiveness sentiment, with Empathy mentioned on some.
    func page(ratedComments count: Int) throws -> (DriverTable, String) {
        var options = AggregationOptions()
        options.csatColumn = "csat"
        var aggregation = Aggregation(options: options)
        for index in 0..<count {
            let good = index % 3 != 0
            var mentions = [Observation.Mention(dimension: .responsiveness, label: good ? .positive : .negative,
                                                score: good ? 0.6 : -0.7)]
            if index % 2 == 0 { mentions.append(.init(dimension: .empathy, label: .positive, score: 0.3)) }
            if index % 5 == 0 { mentions.append(.init(dimension: .reliability, label: .negative, score: -0.4)) }
            aggregation.add(Observation(label: good ? .positive : .negative, score: good ? 0.5 : -0.5,
                                        mentions: mentions, signals: [],
                                        fields: [Field("csat", good ? (index % 2 == 0 ? "5" : "4") : "2")]))
        }
        let drivers = try #require(aggregation.drivers())
        let html = ReportRenderer(locale: .en).render(ReportModel(aggregation: aggregation, samples: ReportSamples()))
        return (drivers, html)
    }

    @Test func fewRatedCommentsGetACaveatAndNoQuadrant() throws {
        let (drivers, html) = try page(ratedComments: 5)
        #expect(drivers.isThin && drivers.ratedComments == 5)
        #expect(html.contains(ReportLocale.en(.driversThin)))
        for quadrant in ["Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"] {
            #expect(!html.contains(quadrant), "\(quadrant)")
        }
    }

    @Test func enoughRatedCommentsGetQuadrants() throws {
        let (drivers, html) = try page(ratedComments: DriverTable.stableRatedComments)
        #expect(!drivers.isThin)
        #expect(!html.contains(ReportLocale.en(.driversThin)))
        let named = ["Concentrate here", "Keep up the good work", "Low priority", "Possible overkill"]
            .filter { html.contains($0) }
        #expect(!named.isEmpty)
    }
}
