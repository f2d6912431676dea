import Foundation
import RaterAggregate
import RaterCore

/// Turns a `ReportModel` into one self-contained HTML page: inline CSS, inline SVG, no script, no external
/// resource, so it opens offline in any browser and prints as it shows.
///
/// Table rows carry the aggregates' raw figures in `data-` attributes (4 decimals, as results and aggregates are
/// written), so tests and scripts can check the page against `rater aggregate` without parsing formatted text.
public struct ReportRenderer: Sendable {
    public var locale: ReportLocale
    /// Terms shown per side and scope.
    public var terms = 8
    /// The page's heading and title (`--title`); the locale's default when nil. Escaped like any text.
    public var title: String?

    public init(locale: ReportLocale) { self.locale = locale }

    public func render(_ model: ReportModel) -> String {
        let l = locale
        var html = HTMLBuilder()
        html.doctype()
        html.element("html", [("lang", l.languageTag)]) { page in
            page.element("head") { head in
                head.element("meta", [("charset", "utf-8")])
                head.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                head.element("meta", [("name", "color-scheme"), ("content", "light")])
                // No script, no remote anything: the policy makes that a property of the page, not only of Rater.
                head.element("meta", [("http-equiv", "Content-Security-Policy"),
                                      ("content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")])
                head.element("title", text: title ?? l(.title))
                head.element("style") { $0.trusted(ReportStyle.css) }
            }
            page.element("body") { body in
                body.element("main") { main in
                    header(model, into: &main)
                    overall(model, into: &main)
                    dimensions(model, into: &main)
                    aspects(model, into: &main)
                    drivers(model, into: &main)
                    ratings(model, into: &main)
                    signals(model, into: &main)
                    samples(model, into: &main)
                }
            }
        }
        html.newline()
        return html.output
    }

    // MARK: sections

    private func header(_ model: ReportModel, into html: inout HTMLBuilder) {
        let l = locale
        html.element("h1") { $0.element("bdi", text: title ?? l(.title)) }
        var meta = "\(l(.comments)): \(model.everyone?.overall.comments ?? 0)"
        if let first = model.trend.first?.period, let last = model.trend.last?.period {
            meta += " · \(l(.period)): \(first == last ? first : first + " – " + last) (\(model.trend.count))"
        }
        if model.undated > 0 { meta += " · \(l(.undated)): \(model.undated)" }
        html.element("p", [("class", "meta")], text: meta)
    }

    private func overall(_ model: ReportModel, into html: inout HTMLBuilder) {
        let l = locale
        html.element("section", [("id", "overall")]) { section in
            section.element("h2", text: l(.overallSentiment))
            guard let row = model.everyone?.overall else {
                section.element("p", text: l(.none))
                return
            }
            section.element("div", [("class", "tiles")]) { tiles in
                tile(ReportNumber.signed(row.netSentiment), l(.net), into: &tiles)
                tile(ReportNumber.percent(row.sharePositive), l(.positive), into: &tiles, tone: "pos")
                tile(ReportNumber.percent(row.shareNegative), l(.negative), into: &tiles, tone: "neg")
                tile(ReportNumber.percent(row.shareNeutral), l(.neutral), into: &tiles)
                if let latest = model.everyone?.latest[GroupAggregate.overall], let change = latest.netChange {
                    let basis = model.everyone?.changeBasis(GroupAggregate.overall)
                    tile(ReportNumber.signed(change), l(.change) + " (" + comparedPeriods(model) + ")"
                         + (basis.map { " · " + $0.label } ?? ""), into: &tiles,
                         tone: basis?.isThin == true ? "thin" : nil)
                }
            }
            guard !model.trend.isEmpty else { return }
            section.element("h3", text: l(.trend))
            if model.trend.count == 1 {
                section.element("p", [("class", "note")], text: l(.oneDay))
            }
            section.element("figure") { figure in
                TrendChart(points: model.trend.map {
                    .init(period: $0.period ?? "", value: $0.netSentiment, comments: $0.comments)
                }, bucket: model.options.bucket).draw(into: &figure, title: l(.trend))
                figure.element("figcaption", text: l(.chartTrendCaption))
            }
        }
    }

    private func dimensions(_ model: ReportModel, into html: inout HTMLBuilder) {
        let l = locale
        html.element("section", [("id", "dimensions")]) { section in
            section.element("h2", text: l(.dimensions))
            if model.latestPeriod != nil { section.element("p", [("class", "note")], text: l(.changeNote)) }
            for (name, rolledUp, group) in namedGroups(model) {
                groupHeading(name: name, rolledUp: rolledUp, group: group, into: &section)
                let title = ([name] + rolledUp.map { $0 + ": " + l(.allValues) }).joined(separator: " · ")
                let rows = ServiceDimension.allCases.map { dimension in
                    (dimension, group.dimensions.first { $0.scope == dimension.rawValue })
                }
                // A chart for every group shown: `--max-groups` already keeps the page short. Charting only the first
                // six left a group as large as a charted one with a table alone, and nothing on the page said why.
                section.element("figure") { figure in
                    DivergingBarChart(rows: rows.map { dimension, row in
                        .init(label: l.dimension(dimension), sharePositive: row?.sharePositive ?? 0,
                              positiveInterval: row?.positiveInterval ?? 0...0, shareNegative: row?.shareNegative ?? 0,
                              negativeInterval: row?.negativeInterval ?? 0...0)
                    }).draw(into: &figure, title: l(.dimensions) + " — " + title)
                    figure.element("figcaption", text: l(.chartDimensionsCaption))
                }
                scopeTable(group, firstColumn: l(.dimension),
                           rows: [(l(.overall), GroupAggregate.overall, Optional(group.overall))]
                               + rows.map { (l.dimension($0.0), $0.0.rawValue, $0.1) },
                           compared: model.latestPeriod.map { _ in comparedPeriods(model) }, into: &section)
            }
            if model.omittedGroups > 0 {
                section.element("p", [("class", "note")], text: "+\(model.omittedGroups) \(l(.otherGroups))")
            }
        }
    }

    /// The aspects beside the dimensions, for everyone and each group the dimensions section shows (the same cut,
    /// `--max-groups`), from the same aggregate rows: a table per group of the aspects it mentions, most mentioned
    /// first. A group that mentions none is left out; there are three aspects, so no table needs a cap of its own.
    private func aspects(_ model: ReportModel, into html: inout HTMLBuilder) {
        let l = locale
        html.element("section", [("id", "aspects")]) { section in
            section.element("h2", text: l(.aspects))
            section.element("p", [("class", "note")], text: l(.aspectsNote))
            let groups = namedGroups(model).filter { !$0.group.aspects.isEmpty }
            guard !groups.isEmpty else {
                section.element("p", [("class", "note")], text: l(.none))
                return
            }
            for (name, rolledUp, group) in groups {
                groupHeading(name: name, rolledUp: rolledUp, group: group, into: &section)
                scopeTable(group, firstColumn: l(.aspect), rows: group.aspects.map { row in
                    (Aspect(rawValue: row.scope).map(l.aspect) ?? row.scope, row.scope, Optional(row))
                }, compared: model.latestPeriod.map { _ in comparedPeriods(model) }, tableClass: "aspects",
                   into: &section)
            }
        }
    }

    /// Everyone, then each group shown, with the group columns it is over all values of (a rollup's later columns):
    /// a region's rollup is "region: north · branch: all", never taken for the branch whose value is empty.
    private func namedGroups(_ model: ReportModel) -> [(name: String, rolledUp: [String], group: ReportModel.Group)] {
        var groups = [(name: String, rolledUp: [String], group: ReportModel.Group)]()
        if let everyone = model.everyone { groups.append((locale(.allGroups), [], everyone)) }
        for group in model.groups {
            groups.append((group.fields.map { $0.name + ": " + $0.value }.joined(separator: " · "),
                           Array(model.options.groupBy.dropFirst(group.fields.count)), group))
        }
        return groups
    }

    private func groupHeading(name: String, rolledUp: [String], group: ReportModel.Group, into html: inout HTMLBuilder) {
        let l = locale
        // Group names are export data: isolated like comments, so a right-to-left name keeps its place.
        html.element("h3") { h3 in
            h3.element("bdi", text: name)
            for column in rolledUp {
                h3.text(" · ")
                h3.element("bdi", text: column + ": ")
                h3.element("strong", text: l(.allValues))
            }
            h3.text(" — \(l(.comments)) \(group.overall.comments)")
        }
    }

    /// The all-time figures of one group by scope (overall and the dimensions, or the aspects), and the change of
    /// net sentiment in the latest period of the whole report against the one before (`compared`, which the column's
    /// header names):
    /// beside all-time figures, an unnamed "change" reads as a change of those. `rows` are (label, scope, row);
    /// a scope the group never mentions has no row and shows 0 and dashes.
    private func scopeTable(_ group: ReportModel.Group, firstColumn: String, rows: [(String, String, AggregateRow?)],
                            compared: String?, tableClass: String = "dimensions", into html: inout HTMLBuilder) {
        let l = locale
        let groupName = group.fields.map { $0.name + "=" + $0.value }.joined(separator: ",")
        html.element("table", [("class", tableClass)]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    tr.element("th", text: firstColumn)
                    for key in [ReportLocale.Key.mentions, .positive, .negative, .net, .change] {
                        // Bracketed figures are 95% intervals: Wilson for the shares, see NetSentimentInterval for net.
                        let suffix = switch key {
                        case .mentions: ""
                        case .change: compared.map { " (" + $0 + ")" } ?? ""
                        default: " [95%]"
                        }
                        tr.element("th", [("class", "num")], text: l(key) + suffix)
                    }
                }
            }
            table.element("tbody") { body in
                for (label, scope, row) in rows {
                    guard let row else {
                        body.element("tr", [("data-group", groupName), ("data-scope", scope), ("data-mentions", "0")]) { tr in
                            tr.element("td", text: label)
                            tr.element("td", [("class", "num")], text: "0")
                            for _ in 0..<4 { tr.element("td", [("class", "num")], text: "—") }
                        }
                        continue
                    }
                    let change = group.latest[scope]?.netChange
                    let basis = change == nil ? nil : group.changeBasis(scope)
                    body.element("tr", [("data-group", groupName), ("data-scope", scope),
                                        ("data-mentions", String(row.mentions)),
                                        ("data-share-positive", raw(row.sharePositive)),
                                        ("data-share-negative", raw(row.shareNegative)),
                                        ("data-net", raw(row.netSentiment)),
                                        ("data-change", change.map(raw)),
                                        ("data-change-mentions", basis.map { "\($0.latest)/\($0.previous)" })]) { tr in
                        tr.element("td", text: label)
                        tr.element("td", [("class", "num")], text: String(row.mentions))
                        tr.element("td", [("class", "num pos")],
                                   text: ReportNumber.percent(row.sharePositive) + " [" + interval(row.positiveInterval) + "]")
                        tr.element("td", [("class", "num neg")],
                                   text: ReportNumber.percent(row.shareNegative) + " [" + interval(row.negativeInterval) + "]")
                        let net = NetSentimentInterval.interval(of: row)
                        tr.element("td", [("class", "num")], text: ReportNumber.signed(row.netSentiment) + " ["
                                   + ReportNumber.signed(net.lowerBound) + ", " + ReportNumber.signed(net.upperBound) + "]")
                        // The mentions behind the change beside it; a change on fewer than the minimum is greyed.
                        tr.element("td", [("class", basis?.isThin == true ? "num thin" : "num")],
                                   text: change.map { ReportNumber.signed($0) + (basis.map { " (" + $0.label + ")" } ?? "") }
                                       ?? l(.noPrevious))
                    }
                }
            }
        }
    }

    private func drivers(_ model: ReportModel, into html: inout HTMLBuilder) {
        guard let drivers = model.drivers else { return }
        let l = locale
        html.element("section", [("id", "drivers")]) { section in
            section.element("h2", text: l(.drivers))
            // Which rating the importances explain: with NPS, CSAT and CES beside the text it was not said (CSAT is
            // taken first; a user-side review).
            var meta = "\(l(.rSquared)) = \(ReportNumber.fixed(drivers.rSquared, digits: 3)) · n = \(drivers.ratedComments)"
            if let scale = model.options.driverScale, let column = model.options.driverColumn {
                let name = switch scale {
                case .nps: l(.nps)
                case .csat: l(.csat)
                case .ces: l(.ces)
                }
                meta += " · \(l(.ratingExplained)): \(name) (\(column))"
            }
            section.element("p", [("class", "meta")], text: meta)
            if drivers.isThin { section.element("p", [("class", "caveat thin")], text: l(.driversThin)) }
            section.element("figure") { figure in
                ImportancePerformanceChart(points: drivers.rows.map {
                    .init(label: l.dimension($0.dimension), performance: $0.performance, importance: $0.importanceShare)
                }).draw(into: &figure, title: l(.drivers), xLabel: l(.performance), yLabel: l(.importance))
                figure.element("figcaption", text: l(.chartDriversCaption))
            }
            section.element("table", [("class", "drivers")]) { table in
                table.element("tr") { tr in
                    tr.element("th", text: l(.dimension))
                    tr.element("th", [("class", "num")], text: l(.importance))
                    tr.element("th", [("class", "num")], text: l(.performance))
                    tr.element("th", [("class", "num")], text: l(.mentions))
                    tr.element("th", text: l(.quadrant))
                }
                for row in drivers.rows {
                    table.element("tr", [("data-driver", row.dimension.rawValue), ("data-importance", raw(row.importanceShare)),
                                         ("data-performance", raw(row.performance))]) { tr in
                        tr.element("td", text: l.dimension(row.dimension))
                        tr.element("td", [("class", "num")], text: ReportNumber.percent(row.importanceShare))
                        tr.element("td", [("class", "num")], text: ReportNumber.signed(row.performance))
                        tr.element("td", [("class", "num")], text: String(row.mentions))
                        tr.element("td", drivers.isThin ? [("class", "thin")] : [],
                                   text: drivers.isThin ? "—" : l.quadrant(row.quadrant.rawValue))
                    }
                }
            }
        }
    }

    private func ratings(_ model: ReportModel, into html: inout HTMLBuilder) {
        guard let ratings = model.ratings, ratings.npsResponses + ratings.csatResponses + ratings.cesResponses > 0 else { return }
        let l = locale
        html.element("section", [("id", "ratings")]) { section in
            section.element("h2", text: l(.ratings))
            section.element("div", [("class", "tiles")]) { tiles in
                if let nps = ratings.nps {
                    tile(ReportNumber.signed(nps, digits: 1), l(.nps) + " · n=\(ratings.npsResponses)", into: &tiles,
                         data: ("nps", raw(nps)))
                }
                if let csat = ratings.csat {
                    tile(ReportNumber.percent(csat), l(.csat) + " · n=\(ratings.csatResponses)", into: &tiles,
                         data: ("csat", raw(csat)))
                }
                if let ces = ratings.ces {
                    tile(ReportNumber.fixed(ces, digits: 2), l(.ces) + " · n=\(ratings.cesResponses)", into: &tiles,
                         data: ("ces", raw(ces)))
                }
            }
            if model.ratingOnly > 0 { section.element("p", [("class", "note")], text: l.ratingOnlyNote(model.ratingOnly)) }
            // Where NPS or CSAT differ is what a manager acts on: by group (a branch, an agent), and over time.
            let groups = namedGroups(model).dropFirst().filter { $0.group.overall.ratings?.hasResponses == true }
            if !groups.isEmpty {
                section.element("h3", text: l(.ratingsByGroup))
                ratingsTable(ratings, firstColumn: l(.groups), rows: groups.map {
                    ($0.name, ("data-group", $0.group.fields.map { $0.name + "=" + $0.value }.joined(separator: ",")),
                     $0.group.overall.ratings!)
                }, into: &section)
            }
            let periods = model.trend.filter { $0.ratings?.hasResponses == true }
            if periods.count > 1 {
                section.element("h3", text: l(.ratingsByPeriod))
                ratingsTable(ratings, firstColumn: l(.period), rows: periods.map {
                    ($0.period ?? "", ("data-period", $0.period ?? ""), $0.ratings!)
                }, into: &section)
            }
        }
    }

    /// One row per group or period, a column per figure the whole report has (NPS, CSAT, CES), each with its n;
    /// a dash where the row has no answers. The raw figures and counts are in `data-` attributes.
    private func ratingsTable(_ overall: RatingFigures, firstColumn: String,
                              rows: [(label: String, key: (StaticString, String), ratings: RatingFigures)],
                              into html: inout HTMLBuilder) {
        let l = locale
        let columns: [(key: ReportLocale.Key, attributes: (value: StaticString, count: StaticString),
                       value: (RatingFigures) -> Double?, count: (RatingFigures) -> Int, shown: (Double) -> String)] = [
            (.nps, ("data-nps", "data-nps-n"), \.nps, \.npsResponses, { ReportNumber.signed($0, digits: 1) }),
            (.csat, ("data-csat", "data-csat-n"), \.csat, \.csatResponses, { ReportNumber.percent($0) }),
            (.ces, ("data-ces", "data-ces-n"), \.ces, \.cesResponses, { ReportNumber.fixed($0, digits: 2) }),
        ].filter { $0.value(overall) != nil }
        html.element("table", [("class", "ratings")]) { table in
            table.element("thead") { head in
                head.element("tr") { tr in
                    tr.element("th", text: firstColumn)
                    for column in columns { tr.element("th", [("class", "num")], text: l(column.key)) }
                }
            }
            table.element("tbody") { body in
                for row in rows {
                    var attributes: [(StaticString, String?)] = [(row.key.0, row.key.1)]
                    for column in columns {
                        attributes.append((column.attributes.value, column.value(row.ratings).map(raw)))
                        attributes.append((column.attributes.count, String(column.count(row.ratings))))
                    }
                    body.element("tr", attributes) { tr in
                        tr.element("td") { $0.element("bdi", text: row.label) }
                        for column in columns {
                            let text = column.value(row.ratings).map { column.shown($0) + " (n=\(column.count(row.ratings)))" }
                            tr.element("td", [("class", "num")], text: text ?? l(.noPrevious))
                        }
                    }
                }
            }
        }
    }

    private func signals(_ model: ReportModel, into html: inout HTMLBuilder) {
        let l = locale
        html.element("section", [("id", "signals")]) { section in
            section.element("h2", text: l(.signals))
            let signals = model.signals
            guard !signals.isEmpty else {
                section.element("p", [("class", "note")], text: l(.none))
                return
            }
            section.element("table", [("class", "signals")]) { table in
                table.element("tr") { tr in
                    tr.element("th", text: l(.signal))
                    tr.element("th", [("class", "num")], text: l(.comments))
                    tr.element("th", [("class", "num")], text: l(.rate))
                }
                for signal in signals {
                    table.element("tr", [("data-signal", signal.name), ("data-count", String(signal.count)),
                                         ("data-rate", raw(signal.rate))]) { tr in
                        tr.element("td", text: l.signal(signal.name))
                        tr.element("td", [("class", "num")], text: String(signal.count))
                        tr.element("td", [("class", "num")], text: ReportNumber.percent(signal.rate))
                    }
                }
            }
        }
    }

    private func samples(_ model: ReportModel, into html: inout HTMLBuilder) {
        let l = locale
        html.element("section", [("id", "terms")]) { section in
            section.element("h2", text: l(.terms) + " · " + l(.examples))
            let scopes = [(GroupAggregate.overall, l(.overall))] + ServiceDimension.allCases.map { ($0.rawValue, l.dimension($0)) }
            for (scope, label) in scopes {
                let samples = model.samples.scope(scope)
                let positive = samples.topTerms(positive: true, limit: terms)
                let negative = samples.topTerms(positive: false, limit: terms)
                guard !positive.isEmpty || !negative.isEmpty || !samples.mostPositive.isEmpty
                    || !samples.mostNegative.isEmpty else { continue }
                section.element("h3", [("data-samples", scope)], text: label)
                section.element("div", [("class", "terms")]) { div in
                    for (title, list, tone) in [(l(.positiveTerms), positive, "pos"), (l(.negativeTerms), negative, "neg")] {
                        div.element("div") { column in
                            column.element("strong", [("class", tone)], text: title)
                            if list.isEmpty { column.element("p", [("class", "note")], text: l(.none)) }
                            else {
                                column.element("ol") { ol in
                                    for term in list {
                                        ol.element("li") { li in
                                            li.element("bdi", text: term.term)
                                            li.text(" (\(term.count))")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                for (title, comments, tone) in [(l(.mostPositive), samples.mostPositive, "pos"),
                                                (l(.mostNegative), samples.mostNegative, "neg")] where !comments.isEmpty {
                    section.element("p", [("class", "note")], text: title)
                    for comment in comments {
                        section.element("blockquote", [("class", tone), ("data-comment", comment.id)]) { quote in
                            // <bdi> isolates the comment's direction from the page around it.
                            quote.element("bdi", text: comment.text)
                            let who = ([comment.id] + shownFields(comment.fields, options: model.options)
                                .map { $0.name + ": " + $0.value })
                                .joined(separator: " · ") + " · " + ReportNumber.signed(comment.score)
                            quote.element("span", [("class", "who")]) { $0.element("bdi", text: who) }
                        }
                    }
                }
            }
        }
    }

    // MARK: pieces

    /// The three fields shown under a sample comment: the columns the report groups, dates and rates by first (the
    /// ones a reader of the page knows), then the others by name, so the same results give the same page.
    func shownFields(_ fields: [Field], options: AggregationOptions) -> [Field] {
        let named = options.namedColumns
        let rank = { (field: Field) in named.firstIndex(of: field.name) ?? named.count }
        return Array(fields.enumerated().sorted {
            let (left, right) = (rank($0.element), rank($1.element))
            if left != right { return left < right }
            if $0.element.name != $1.element.name { return $0.element.name < $1.element.name }
            return $0.offset < $1.offset
        }.map(\.element).prefix(3))
    }

    /// The periods a change compares, latest first: "2026-11-27 vs 2026-11-26". The latest alone in brackets read
    /// as the period compared with (a user-side review).
    private func comparedPeriods(_ model: ReportModel) -> String {
        guard let latest = model.latestPeriod else { return "" }
        guard let previous = model.previousPeriod else { return latest }
        return latest + " " + locale(.versus) + " " + previous
    }

    private func tile(_ value: String, _ label: String, into html: inout HTMLBuilder, tone: String? = nil,
                      data: (String, String)? = nil) {
        html.element("div", [("class", "tile"), ("data-figure", data?.0), ("data-value", data?.1)]) { div in
            div.element("span", [("class", tone.map { "value " + $0 } ?? "value")], text: value)
            div.element("span", [("class", "label")], text: label)
        }
    }

    private func interval(_ range: ClosedRange<Double>) -> String {
        ReportNumber.fixed(range.lowerBound * 100, digits: 0) + "–" + ReportNumber.fixed(range.upperBound * 100, digits: 0) + "%"
    }

    /// A figure as results and aggregates write it: 4 decimals, ASCII.
    private func raw(_ value: Double) -> String {
        ReportNumber.fixed(value, digits: 4).replacingOccurrences(of: "−", with: "-")
    }
}
