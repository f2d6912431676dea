import Foundation
import RaterAggregate
import Testing
@testable import RaterReport

@Suite struct ChartGeometryTests {
    @Test func scaleMapsAndClamps() {
        let scale = ChartScale(domain: -1...1, range: 10...110)
        #expect(scale(-1) == 10)
        #expect(scale(0) == 60)
        #expect(scale(1) == 110)
        #expect(scale(5) == 110)
        #expect(scale(.nan) == 10)
        let inverted = ChartScale(domain: 0...1, range: 0...200, inverted: true)
        #expect(inverted(1) == 0)
        #expect(inverted(0.25) == 150)
        #expect(ChartScale(domain: 1...1, range: 0...10)(1) == 0)
    }

    @Test func divergingBarsMeetAtTheCentreInProportion() {
        let chart = DivergingBarChart(rows: [
            .init(label: "a", sharePositive: 0.6, positiveInterval: 0.5...0.7, shareNegative: 0.3, negativeInterval: 0.2...0.4),
            .init(label: "b", sharePositive: 0, positiveInterval: 0...0.1, shareNegative: 1, negativeInterval: 0.9...1),
        ])
        let (negative, positive) = chart.bars(of: 0)
        #expect(negative[0] + negative[2] == chart.centre)
        #expect(positive[0] == chart.centre)
        #expect(abs(positive[2] / negative[2] - 2) < 1e-9)
        let full = chart.bars(of: 1)
        #expect(full.positive[2] == 0)
        #expect(full.negative[0] >= chart.labelWidth)
        #expect(chart.bars(of: 1).negative[1] > negative[1])
        #expect(chart.height > DivergingBarChart.top + 2 * chart.rowHeight)
    }

    @Test func trendLabelsStayFewFromOneDayToAYear() {
        let one = TrendChart(points: [.init(period: "2026-11-26", value: 0.5, comments: 3)])
        #expect(one.labelled == [0])
        #expect(one.position(0).x == (TrendChart.left + one.width - TrendChart.right) / 2)
        #expect(one.position(0).y == one.y(0.5))
        let year = TrendChart(points: (0..<365).map { .init(period: "d\($0)", value: 0, comments: 1) })
        #expect(year.labelled.count <= 9)
        #expect(year.labelled.first == 0 && year.labelled.last == 364)
        #expect(year.position(0).x == TrendChart.left)
        #expect(year.position(364).x == year.width - TrendChart.right)
        // No two labels closer than a label's width (about 70 px for a date).
        let xs = year.labelled.map { year.position($0).x }
        #expect(zip(xs, xs.dropFirst()).allSatisfy { $1 - $0 > 40 })
    }

    /// Consecutive periods of every bucket are one ordinal apart, across month, year and ISO-week-year boundaries
    /// (2026 has 53 ISO weeks), so the trend chart can space periods by time.
    @Test func bucketOrdinalsCountPeriods() throws {
        let utc = TimeZone(secondsFromGMT: 0)!
        let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01
        for bucket in TimeBucket.allCases {
            var labels = [String]()
            for day in 0..<(3 * 366) {
                let label = bucket.label(of: start.addingTimeInterval(Double(day) * 86_400), in: utc)
                if labels.last != label { labels.append(label) }
            }
            let ordinals = try labels.map { try #require(bucket.ordinal(of: $0), "\(bucket) \($0)") }
            #expect(zip(ordinals, ordinals.dropFirst()).allSatisfy { $1 == $0 + 1 }, "\(bucket)")
        }
        #expect(TimeBucket.week.ordinal(of: "2027-W01")! - TimeBucket.week.ordinal(of: "2026-W53")! == 1)
        #expect(TimeBucket.day.ordinal(of: "1969-12-31") == -1)
        #expect(TimeBucket.week.ordinal(of: "1970-01-01") == nil)
        #expect(TimeBucket.week.ordinal(of: "1970-W01") == 0)
        #expect(TimeBucket.week.ordinal(of: "2025-W53") == nil)  // 2025 has 52 ISO weeks
        #expect(TimeBucket.day.ordinal(of: "2025-02-29") == nil)
        #expect(TimeBucket.month.ordinal(of: "2026-13") == nil)
    }

    /// Three days in a row and one a year later: the late day sits a year away at the right edge, the line stops at
    /// the gap and the lone day gets its dot, and labels of the bunched days do not print over each other.
    @Test func trendPeriodsArePlacedByTime() {
        let periods = ["2026-01-01", "2026-01-02", "2026-01-03", "2027-01-05"]
        let chart = TrendChart(points: periods.map { .init(period: $0, value: 0.2, comments: 4) }, bucket: .day)
        #expect(chart.slots.last! - chart.slots.first! == 369)
        #expect(chart.runs == [0..<3, 3..<4])
        #expect(chart.position(3).x == chart.width - TrendChart.right)
        #expect(chart.position(2).x - chart.position(0).x < 5)
        #expect(chart.labelled == [0, 3])
        var html = HTMLBuilder()
        chart.draw(into: &html, title: "t")
        let structure = ReportSupport.parse(html.output)
        #expect(structure.elements.filter { $0.name == "polyline" }.count == 1)
        #expect(structure.elements.filter { $0.name == "circle" }.count == 4)
        // Labels that are no bucket's periods keep the list's order and spacing.
        let plain = TrendChart(points: ["a", "b"].map { .init(period: $0, value: 0, comments: 1) }, bucket: .day)
        #expect(plain.slots == [0, 1])
    }

    @Test func importanceAxisFitsTheLargestShare() {
        let chart = ImportancePerformanceChart(points: [
            .init(label: "a", performance: -0.4, importance: 0.8), .init(label: "b", performance: 0.2, importance: 0.05),
        ])
        #expect(chart.topImportance >= 0.8)
        #expect(chart.y(0.8) > chart.y(chart.topImportance) - 1e-9)
        #expect(chart.x(-0.4) < chart.x(0))
        #expect(chart.averageImportance == 0.5)
    }

    @Test func labelsOfNearbyPointsDoNotOverprint() {
        let chart = ImportancePerformanceChart(points: [
            .init(label: "Empathy", performance: -0.09, importance: 0.22),
            .init(label: "Assurance", performance: 0, importance: 0.21),
            .init(label: "Tangibles", performance: -0.04, importance: 0.16),
        ])
        let labels = chart.labelPositions
        // Each label stays next to its own dot.
        for (label, point) in zip(labels, chart.points) { #expect(abs(label.y - chart.y(point.importance)) < 40) }
        for i in labels.indices {
            for j in labels.indices where j > i {
                func span(_ label: (x: Double, y: Double, leftOfDot: Bool)) -> ClosedRange<Double> {
                    label.leftOfDot ? (label.x - 100)...label.x : label.x...(label.x + 100)
                }
                #expect(!span(labels[i]).overlaps(span(labels[j])) || abs(labels[i].y - labels[j].y) >= 14)
            }
        }
    }

    @Test func numbersAreFormattedIndependentOfLocale() {
        #expect(ReportNumber.percent(0.41666) == "41.7%")
        #expect(ReportNumber.signed(0.25) == "+0.25")
        #expect(ReportNumber.signed(-0.1) == "−0.10")
        #expect(ReportNumber.signed(-0.001) == "0.00")
        #expect(ReportNumber.fixed(1.005, digits: 0) == "1")
        #expect(ReportNumber.coordinate(-12.34) == "-12.3")
    }
}

@Suite struct NetSentimentIntervalTests {
    @Test func intervalIsHonestForSmallGroups() {
        let none = NetSentimentInterval.interval(positive: 0, negative: 0, count: 0)
        #expect(none == -1...1)
        let three = NetSentimentInterval.interval(positive: 3, negative: 0, count: 3)
        #expect(three.upperBound == 1 && three.lowerBound < 0.5)
        let large = NetSentimentInterval.interval(positive: 600, negative: 300, count: 1000)
        #expect(large.contains(0.3) && large.upperBound - large.lowerBound < 0.12)
        let balanced = NetSentimentInterval.interval(positive: 50, negative: 50, count: 100)
        #expect(abs(balanced.lowerBound + balanced.upperBound) < 1e-9)
        #expect(balanced.lowerBound > -0.3)
    }
}
