import RaterAggregate

/// Net sentiment per period as a line on a fixed −1…1 scale (fixed, so a calm month does not look dramatic), with
/// a dot per period when there are few enough to see, and period labels thinned to about eight whatever the range:
/// one day and a year of days both stay readable.
///
/// Periods are placed by time when their bucket is known: a week without comments leaves a gap in the line, and a
/// period a year after the others sits a year away, not next to them as the next point.
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

    /// Each point's place on the time axis, in periods (`TimeBucket.ordinal`); by default the points' positions
    /// in the list, one period apart.
    public var slots: [Int]

    public init(points: [Point]) {
        self.points = points
        slots = Array(points.indices)
    }

    /// Points of `bucket`'s periods, placed by time; in list order if a period is not one of the bucket's labels or
    /// the periods do not rise.
    public init(points: [Point], bucket: TimeBucket) {
        self.init(points: points)
        let ordinals = points.compactMap { bucket.ordinal(of: $0.period) }
        if ordinals.count == points.count, zip(ordinals, ordinals.dropFirst()).allSatisfy({ $0 < $1 }) {
            slots = ordinals
        }
    }

    public var x: ChartScale {
        let first = Double(slots.first ?? 0)
        return ChartScale(domain: first...max(Double(slots.last ?? 0), first + 1), range: Self.left...(width - Self.right))
    }
    public var y: ChartScale { ChartScale(domain: -1...1, range: Self.top...(height - Self.bottom), inverted: true) }

    /// The x position of point `index`; a single point sits in the middle.
    public func position(_ index: Int) -> (x: Double, y: Double) {
        let px = points.count == 1 ? (Self.left + width - Self.right) / 2 : x(Double(slots[index]))
        return (px, y(points[index].value))
    }

    /// Runs of points in consecutive periods: each is drawn as one line, so a period without comments is a gap
    /// rather than a straight line drawn across it.
    public var runs: [Range<Int>] {
        var runs = [Range<Int>]()
        var start = 0
        for index in points.indices.dropFirst() where slots[index] != slots[index - 1] + 1 {
            runs.append(start..<index)
            start = index
        }
        if !points.isEmpty { runs.append(start..<points.count) }
        return runs
    }

    /// Which points get a period label: about eight, no two closer than an eighth of the axis, always the first and
    /// the last (by position, so periods bunched in time do not print over each other).
    public var labelled: [Int] {
        guard !points.isEmpty else { return [] }
        guard points.count > 1 else { return [0] }
        let gap = (width - Self.left - Self.right) / 8 - 1e-9
        var indices = [0]
        for index in 1..<points.count where position(index).x - position(indices.last!).x >= gap {
            indices.append(index)
        }
        if indices.last != points.count - 1 {
            let lastX = position(points.count - 1).x
            while indices.count > 1, lastX - position(indices.last!).x < gap { indices.removeLast() }
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
            let runs = runs
            for run in runs where run.count > 1 {
                let line = run.map { "\(c(position($0).x)),\(c(position($0).y))" }.joined(separator: " ")
                svg.element("polyline", [("points", line), ("fill", "none"), ("stroke", ReportPalette.positive),
                                         ("stroke-width", "2.5"), ("stroke-linejoin", "round")])
            }
            // A dot per period when there are few; otherwise only for a period on its own between gaps, which no
            // line draws.
            let alone = Set(runs.filter { $0.count == 1 }.map(\.lowerBound))
            if points.count <= 62 || !alone.isEmpty {
                for index in points.indices where points.count <= 62 || alone.contains(index) {
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
