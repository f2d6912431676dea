/// The driver analysis as a scatter: performance (net sentiment where mentioned) across, importance (share of the
/// explained variance) up, split into quadrants at neutral performance and at average importance, as the driver
/// table's quadrants are.
public struct ImportancePerformanceChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var label: String
        public var performance: Double
        public var importance: Double

        public init(label: String, performance: Double, importance: Double) {
            self.label = label
            self.performance = performance
            self.importance = importance
        }
    }

    public var points: [Point]
    public var width = 760.0
    public var height = 360.0
    static let margin = 40.0

    public init(points: [Point]) { self.points = points }

    /// Importance axis: up to the largest share, at least 0.5, so five equal drivers (0.2 each) sit low.
    public var topImportance: Double { max(0.5, (points.map(\.importance).max() ?? 0) * 1.1) }
    public var x: ChartScale { ChartScale(domain: -1...1, range: Self.margin...(width - Self.margin)) }
    public var y: ChartScale { ChartScale(domain: 0...topImportance, range: Self.margin / 2...(height - Self.margin), inverted: true) }
    public var averageImportance: Double { points.isEmpty ? 0 : 1 / Double(points.count) }

    /// Where each point's label goes (its start, or its end when `leftOfDot`): right of its dot, else left of it,
    /// else just above or below, else moved down until it no longer overprints an earlier label — dimensions often
    /// sit close together near neutral performance and average importance.
    public var labelPositions: [(x: Double, y: Double, leftOfDot: Bool)] {
        var placed = [(x: Double, y: Double, leftOfDot: Bool)]()
        func span(_ label: (x: Double, y: Double, leftOfDot: Bool)) -> ClosedRange<Double> {
            label.leftOfDot ? (label.x - 100)...label.x : label.x...(label.x + 100)
        }
        func free(_ label: (x: Double, y: Double, leftOfDot: Bool)) -> Bool {
            !placed.contains { other in
                abs(other.y - label.y) < 14 && span(other).overlaps(span(label))
            }
        }
        for point in points {
            let px = x(point.performance), py = y(point.importance)
            let candidates = [(px + 10, py + 4, false), (px - 10, py + 4, true), (px + 10, py - 10, false),
                              (px + 10, py + 18, false)].map { (x: $0.0, y: $0.1, leftOfDot: $0.2) }
            var label = candidates.first(where: free) ?? candidates[0]
            while !free(label) { label.y += 14 }
            placed.append(label)
        }
        return placed
    }

    public func draw(into html: inout HTMLBuilder, title: String, xLabel: String, yLabel: String) {
        let c = ReportNumber.coordinate
        html.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("role", "img"),
                             ("viewBox", "0 0 \(c(width)) \(c(height))"), ("width", c(width)), ("height", c(height)),
                             ("data-chart", "drivers")]) { svg in
            svg.element("title", text: title)
            svg.element("rect", [("x", "0"), ("y", "0"), ("width", c(width)), ("height", c(height)), ("fill", "#FFFFFF")])
            // The "concentrate here" quadrant (important, performing below neutral) is tinted.
            svg.element("rect", [("x", c(x(-1))), ("y", c(y(topImportance))), ("width", c(x(0) - x(-1))),
                                 ("height", c(y(averageImportance) - y(topImportance))),
                                 ("fill", ReportPalette.negative), ("fill-opacity", "0.15")])
            svg.element("rect", [("x", c(x(-1))), ("y", c(y(topImportance))), ("width", c(x(1) - x(-1))),
                                 ("height", c(y(0) - y(topImportance))), ("fill", "none"), ("stroke", ReportPalette.grid)])
            svg.element("line", [("x1", c(x(0))), ("y1", c(y(0))), ("x2", c(x(0))), ("y2", c(y(topImportance))),
                                 ("stroke", ReportPalette.ink)])
            svg.element("line", [("x1", c(x(-1))), ("y1", c(y(averageImportance))), ("x2", c(x(1))),
                                 ("y2", c(y(averageImportance))), ("stroke", ReportPalette.ink), ("stroke-dasharray", "4 3")])
            svg.element("text", [("x", c(width / 2)), ("y", c(height - 8)), ("text-anchor", "middle"), ("class", "tick")],
                        text: xLabel + " (−1 … +1)")
            svg.element("text", [("x", "12"), ("y", c(height / 2)), ("text-anchor", "middle"), ("class", "tick"),
                                 ("transform", "rotate(-90 12 \(c(height / 2)))")], text: yLabel)
            let labels = labelPositions
            for (index, point) in points.enumerated() {
                // Blue only when performing above neutral: the same split as the driver table's quadrants.
                let px = x(point.performance), py = y(point.importance)
                svg.element("circle", [("cx", c(px)), ("cy", c(py)), ("r", "7"),
                                       ("fill", point.performance > 0 ? ReportPalette.positive : ReportPalette.negative),
                                       ("stroke", ReportPalette.ink)])
                svg.element("text", [("x", c(labels[index].x)), ("y", c(labels[index].y)),
                                     ("text-anchor", labels[index].leftOfDot ? "end" : "start")], text: point.label)
            }
        }
    }
}
