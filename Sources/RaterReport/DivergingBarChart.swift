/// Share negative to the left of a centre line and share positive to the right, one row per item, with the 95%
/// Wilson interval of each share as a whisker: the dimensions side by side on one common scale.
public struct DivergingBarChart: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var label: String
        public var sharePositive: Double
        public var positiveInterval: ClosedRange<Double>
        public var shareNegative: Double
        public var negativeInterval: ClosedRange<Double>

        public init(label: String, sharePositive: Double, positiveInterval: ClosedRange<Double>, shareNegative: Double,
                    negativeInterval: ClosedRange<Double>) {
            self.label = label
            self.sharePositive = sharePositive
            self.positiveInterval = positiveInterval
            self.shareNegative = shareNegative
            self.negativeInterval = negativeInterval
        }
    }

    public var rows: [Row]
    public var width = 760.0
    public var rowHeight = 30.0
    public var labelWidth = 130.0
    static let top = 24.0

    public init(rows: [Row]) { self.rows = rows }

    public var height: Double { Self.top + Double(max(rows.count, 1)) * rowHeight + 10 }
    public var centre: Double { labelWidth + (width - labelWidth) / 2 }
    /// A share (0…1) as a length from the centre line; the margin leaves room for the `100%` tick label.
    public var length: ChartScale { ChartScale(domain: 0...1, range: 0...((width - labelWidth) / 2 - 24)) }

    /// The bar rectangles (x, y, width, height) of one row: negative first, then positive.
    public func bars(of index: Int) -> (negative: [Double], positive: [Double]) {
        let row = rows[index]
        let y = Self.top + Double(index) * rowHeight + 5
        let h = rowHeight - 10
        let negative = length(row.shareNegative)
        let positive = length(row.sharePositive)
        return ([centre - negative, y, negative, h], [centre, y, positive, h])
    }

    public func draw(into html: inout HTMLBuilder, title: String) {
        let c = ReportNumber.coordinate
        html.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("role", "img"),
                             ("viewBox", "0 0 \(c(width)) \(c(height))"), ("width", c(width)), ("height", c(height)),
                             ("data-chart", "dimensions")]) { svg in
            svg.element("title", text: title)
            svg.element("rect", [("x", "0"), ("y", "0"), ("width", c(width)), ("height", c(height)), ("fill", "#FFFFFF")])
            for tick in [-1.0, -0.5, 0, 0.5, 1.0] {
                let x = tick < 0 ? centre - length(-tick) : centre + length(tick)
                svg.element("line", [("x1", c(x)), ("y1", c(Self.top - 4)), ("x2", c(x)), ("y2", c(height - 8)),
                                     ("stroke", tick == 0 ? ReportPalette.ink : ReportPalette.grid), ("stroke-width", "1")])
                svg.element("text", [("x", c(x)), ("y", "14"), ("text-anchor", "middle"), ("class", "tick")],
                            text: ReportNumber.fixed(abs(tick) * 100, digits: 0) + "%")
            }
            for (index, row) in rows.enumerated() {
                let (negative, positive) = bars(of: index)
                let middle = negative[1] + negative[3] / 2
                svg.element("text", [("x", c(labelWidth - 8)), ("y", c(middle + 4)), ("text-anchor", "end")], text: row.label)
                for (bar, colour) in [(negative, ReportPalette.negative), (positive, ReportPalette.positive)] {
                    svg.element("rect", [("x", c(bar[0])), ("y", c(bar[1])), ("width", c(bar[2])), ("height", c(bar[3])),
                                         ("fill", colour)])
                }
                // Whiskers: the interval of each share, drawn on its own side of the centre line.
                let whiskers = [(centre - length(row.negativeInterval.upperBound), centre - length(row.negativeInterval.lowerBound)),
                                (centre + length(row.positiveInterval.lowerBound), centre + length(row.positiveInterval.upperBound))]
                for (from, to) in whiskers {
                    svg.element("line", [("x1", c(from)), ("y1", c(middle)), ("x2", c(to)), ("y2", c(middle)),
                                         ("stroke", ReportPalette.ink), ("stroke-width", "1.5")])
                    for x in [from, to] {
                        svg.element("line", [("x1", c(x)), ("y1", c(middle - 5)), ("x2", c(x)), ("y2", c(middle + 5)),
                                             ("stroke", ReportPalette.ink), ("stroke-width", "1.5")])
                    }
                }
            }
        }
    }
}
