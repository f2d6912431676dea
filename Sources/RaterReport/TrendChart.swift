/// Net sentiment per period as a line on a fixed −1…1 scale (fixed, so a calm month does not look dramatic), with
/// a dot per period when there are few enough to see, and period labels thinned to about eight whatever the range:
/// one day and a year of days both stay readable.
public struct TrendChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var period: String
        public var value: Double
        public var comments: Int

        public init(period: String, value: Double, comments: Int) {
            self.period = period
            self.value = value
            self.comments = comments
        }
    }

    public var points: [Point]
    public var width = 760.0
    public var height = 220.0
    static let left = 44.0, right = 16.0, top = 12.0, bottom = 36.0

    public init(points: [Point]) { self.points = points }

    public var x: ChartScale {
        ChartScale(domain: 0...Double(max(points.count - 1, 1)), range: Self.left...(width - Self.right))
    }
    public var y: ChartScale { ChartScale(domain: -1...1, range: Self.top...(height - Self.bottom), inverted: true) }

    /// The x position of point `index`; a single point sits in the middle.
    public func position(_ index: Int) -> (x: Double, y: Double) {
        let px = points.count == 1 ? (Self.left + width - Self.right) / 2 : x(Double(index))
        return (px, y(points[index].value))
    }

    /// Which points get a period label: about eight, always the first and the last.
    public var labelled: [Int] {
        guard !points.isEmpty else { return [] }
        let step = max(1, Int((Double(points.count) / 8).rounded(.up)))
        var indices = Array(stride(from: 0, to: points.count, by: step))
        if indices.last != points.count - 1 {
            if let last = indices.last, points.count - 1 - last < step / 2 + 1, indices.count > 1 { indices.removeLast() }
            indices.append(points.count - 1)
        }
        return indices
    }

    public func draw(into html: inout HTMLBuilder, title: String) {
        let c = ReportNumber.coordinate
        html.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("role", "img"),
                             ("viewBox", "0 0 \(c(width)) \(c(height))"), ("width", c(width)), ("height", c(height)),
                             ("data-chart", "trend")]) { svg in
            svg.element("title", text: title)
            svg.element("rect", [("x", "0"), ("y", "0"), ("width", c(width)), ("height", c(height)), ("fill", "#FFFFFF")])
            // Above zero is tinted blue, below orange, so the sign reads without the axis labels.
            svg.element("rect", [("x", c(Self.left)), ("y", c(y(1))), ("width", c(width - Self.left - Self.right)),
                                 ("height", c(y(0) - y(1))), ("fill", ReportPalette.positive), ("fill-opacity", "0.08")])
            svg.element("rect", [("x", c(Self.left)), ("y", c(y(0))), ("width", c(width - Self.left - Self.right)),
                                 ("height", c(y(-1) - y(0))), ("fill", ReportPalette.negative), ("fill-opacity", "0.10")])
            for tick in [-1.0, -0.5, 0, 0.5, 1.0] {
                svg.element("line", [("x1", c(Self.left)), ("y1", c(y(tick))), ("x2", c(width - Self.right)),
                                     ("y2", c(y(tick))), ("stroke", tick == 0 ? ReportPalette.ink : ReportPalette.grid)])
                svg.element("text", [("x", c(Self.left - 6)), ("y", c(y(tick) + 4)), ("text-anchor", "end"), ("class", "tick")],
                            text: ReportNumber.signed(tick, digits: 1))
            }
            if points.count > 1 {
                let line = points.indices.map { "\(c(position($0).x)),\(c(position($0).y))" }.joined(separator: " ")
                svg.element("polyline", [("points", line), ("fill", "none"), ("stroke", ReportPalette.positive),
                                         ("stroke-width", "2.5"), ("stroke-linejoin", "round")])
            }
            if points.count <= 62 {
                for index in points.indices {
                    let (px, py) = position(index)
                    svg.element("circle", [("cx", c(px)), ("cy", c(py)), ("r", "4"), ("fill", ReportPalette.positive)]) {
                        $0.element("title", text: points[index].period + ": " + ReportNumber.signed(points[index].value)
                                   + " (n=\(points[index].comments))")
                    }
                }
            }
            for index in labelled {
                // The first and last labels are anchored inwards so they are not cut at the chart's edges.
                let anchor = points.count == 1 ? "middle" : index == 0 ? "start" : index == points.count - 1 ? "end" : "middle"
                svg.element("text", [("x", c(position(index).x)), ("y", c(height - Self.bottom + 18)),
                                     ("text-anchor", anchor), ("class", "tick")], text: points[index].period)
            }
        }
    }
}
