import Foundation
import RaterAggregate
import RaterCore
import Testing
@testable import RaterReport

@Suite struct ReportPageTests {
    static let samples = ["hotel_reviews_zh.csv", "restaurant_delivery_en.csv", "bank_telecom_mixed.tsv",
                          "airline_en.xml", "hospital_zh.txt", "itops_tickets.xml", "retail_en.txt"]
        .map { "Corpora/expected/\($0).jsonl" }

    static var hotelOptions: AggregationOptions {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        options.bucket = .month
        options.csatColumn = "rating"
        return options
    }

    /// A comment of one long unbroken token (300,000 characters in a hostile export) gave the whole page a horizontal
    /// scrollbar: comment text and table cells break anywhere when nothing else lets them wrap.
    @Test func longTokensWrapInsideTheirColumn() throws {
        let css = "\(ReportStyle.css)"
        for selector in ["blockquote", "th, td"] {
            let rule = try #require(css.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(selector + " {") },
                                    "no rule for \(selector)")
            #expect(rule.contains("overflow-wrap: anywhere;"), "\(rule)")
        }
        // The first column keeps room for a row's name: "Responsiveness" broke mid-word at 980 px.
        let first = try #require(css.split(separator: "\n").first {
            $0.trimmingCharacters(in: .whitespaces).hasPrefix("th:first-child, td:first-child {")
        })
        #expect(first.contains("min-width: 9em;"), "\(first)")
    }

    /// Every table row's `data-` figures equal the aggregation's rows (4 decimals, as aggregates are written).
    @Test(arguments: [ReportLocale.en, .zh])
    func numbersEqualTheAggregates(locale: ReportLocale) throws {
        let collector = try ReportSupport.collect(["Corpora/expected/hotel_reviews_zh.csv.jsonl"], options: Self.hotelOptions)
        let aggregation = collector.aggregation
        let html = ReportRenderer(locale: locale).render(ReportModel(aggregation: aggregation, samples: collector.samples))
        let structure = ReportSupport.parse(html)
        try #require(structure.error == nil, "\(structure.error ?? "")")

        let rows = aggregation.rows
        let latest = rows.filter { $0.period != nil }.compactMap(\.period).max()
        var checked = 0
        for element in structure.elements where element.name == "tr" {
            guard let scope = element.attributes["data-scope"], let group = element.attributes["data-group"] else { continue }
            checked += 1
            if element.attributes["data-mentions"] == "0" && element.attributes["data-net"] == nil {
                // A dimension the group never mentions has no aggregate row; the page shows 0 and dashes.
                #expect(!rows.contains { $0.period == nil && $0.scope == scope
                    && $0.groups.map { $0.name + "=" + $0.value }.joined(separator: ",") == group })
                continue
            }
            let row = try #require(rows.first {
                $0.period == nil && $0.scope == scope && $0.groups.map { $0.name + "=" + $0.value }.joined(separator: ",") == group
            }, "no aggregate row for \(group) \(scope)")
            #expect(element.attributes["data-mentions"] == String(row.mentions))
            for (name, value) in [("data-share-positive", row.sharePositive), ("data-share-negative", row.shareNegative),
                                  ("data-net", row.netSentiment)] {
                let shown = try #require(element.attributes[name].flatMap(Double.init))
                #expect(abs(shown - value) <= 0.00005, "\(group) \(scope) \(name)")
            }
            let change = rows.first { $0.period == latest && $0.scope == scope
                && $0.groups.map { $0.name + "=" + $0.value }.joined(separator: ",") == group }?.netChange
            #expect(element.attributes["data-change"].flatMap(Double.init).map { abs($0 - change!) <= 0.00005 } ?? (change == nil))
        }
        // Everyone and each branch: overall plus five dimensions, and each aspect it mentions.
        let branches = Set(rows.compactMap { $0.groups.first?.value })
        let aspectRows = rows.filter { $0.period == nil && Aspect(rawValue: $0.scope) != nil }
        #expect(!aspectRows.isEmpty)
        #expect(checked == 6 * (1 + branches.count) + aspectRows.count)

        let overall = try #require(rows.first { $0.groups.isEmpty && $0.period == nil && $0.scope == "overall" })
        for element in structure.elements where element.name == "tr" {
            guard let name = element.attributes["data-signal"] else { continue }
            let signal = try #require(overall.signals.first { $0.name == name })
            #expect(element.attributes["data-count"] == String(signal.count))
        }
        #expect(structure.elements.filter { $0.attributes["data-signal"] != nil }.count == overall.signals.count)
        let csat = try #require(structure.elements.first { $0.attributes["data-figure"] == "csat" })
        #expect(abs(Double(csat.attributes["data-value"]!)! - overall.ratings!.csat!) <= 0.00005)

        // The rating the drivers explain is named, with its column.
        #expect(structure.text.contains(locale(.ratingExplained) + ": " + locale(.csat) + " (rating)"))
        let drivers = try #require(aggregation.drivers())
        for row in drivers.rows {
            let element = try #require(structure.elements.first { $0.attributes["data-driver"] == row.dimension.rawValue })
            #expect(abs(Double(element.attributes["data-importance"]!)! - row.importanceShare) <= 0.00005)
        }
        #expect(structure.elements.contains { $0.name == "svg" && $0.attributes["data-chart"] == "drivers" })
        #expect(structure.elements.contains { $0.name == "svg" && $0.attributes["data-chart"] == "trend" })
        #expect(structure.elements.first { $0.name == "html" }?.attributes["lang"] == locale.languageTag)
        #expect(structure.text.contains(locale(.title)))
        #expect(structure.text.contains(locale.dimension(.assurance)))
    }

    /// All seven sample corpora together: the page is well-formed, holds only allowed elements, and shows terms and
    /// representative comments for the dimensions.
    @Test func allSamplesMakeAWellFormedPage() throws {
        var options = AggregationOptions()
        options.dateColumn = "date"
        let collector = try ReportSupport.collect(Self.samples, options: options)
        #expect(collector.results == 235)
        let html = ReportRenderer(locale: .en).render(ReportModel(aggregation: collector.aggregation, samples: collector.samples))
        let structure = ReportSupport.parse(html)
        try #require(structure.error == nil, "\(structure.error ?? "")")
        let names = Set(structure.elements.map(\.name))
        #expect(names.isSubset(of: ReportSupport.allowedElements), "\(names.subtracting(ReportSupport.allowedElements))")
        // Nothing is loaded from anywhere: no URL-bearing attribute and no CSS import or url().
        for element in structure.elements {
            #expect(Set(element.attributes.keys).isDisjoint(with: ["href", "src", "xlink:href", "action", "srcset"]))
        }
        #expect(!html.contains("@import") && !html.contains("url("))
        for scope in ["overall"] + ServiceDimension.allCases.map(\.rawValue) {
            #expect(structure.elements.contains { $0.attributes["data-samples"] == scope }, "no samples for \(scope)")
        }
        #expect(structure.elements.filter { $0.name == "blockquote" }.count >= 10)
        // No rating column: no driver chart and no ratings section.
        #expect(!structure.elements.contains { $0.attributes["data-chart"] == "drivers" })
        #expect(!structure.elements.contains { $0.attributes["id"] == "ratings" })
    }

    /// One comment, no dates: the page still says something sensible and has no trend chart.
    @Test func oneCommentWithoutDates() throws {
        var collector = ReportCollector(options: AggregationOptions())
        try collector.add(line: Data(#"{"id":"1","sentiment":{"label":"positive","score":0.5,"terms":[{"term":"good","weight":1}]}}"#.utf8),
                          path: "x", lineNumber: 1)
        let html = ReportRenderer(locale: .zh).render(ReportModel(aggregation: collector.aggregation, samples: collector.samples))
        let structure = ReportSupport.parse(html)
        #expect(structure.error == nil)
        #expect(!structure.elements.contains { $0.attributes["data-chart"] == "trend" })
        #expect(structure.elements.contains { $0.attributes["data-chart"] == "dimensions" })
    }

    /// A year of daily data: one trend chart with a point per day and a readable number of labels.
    @Test func aYearOfDays() throws {
        var options = AggregationOptions()
        options.dateColumn = "date"
        var collector = ReportCollector(options: options)
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        for day in 0..<365 {
            let date = formatter.string(from: start.addingTimeInterval(Double(day) * 86_400))
            let score = sin(Double(day) / 30) * 0.8
            let label = score > 0.05 ? "positive" : score < -0.05 ? "negative" : "neutral"
            let line = #"{"id":"\#(day)","sentiment":{"label":"\#(label)","score":\#(score)},"fields":{"date":"\#(date)"}}"#
            try collector.add(line: Data(line.utf8), path: "year", lineNumber: day + 1)
        }
        let model = ReportModel(aggregation: collector.aggregation, samples: collector.samples)
        #expect(model.trend.count == 365)
        let html = ReportRenderer(locale: .en).render(model)
        let structure = ReportSupport.parse(html)
        #expect(structure.error == nil)
        // A year is drawn as a line without a dot per day.
        #expect(structure.elements.filter { $0.name == "circle" }.count == 0)
        #expect(structure.elements.filter { $0.name == "polyline" }.count == 1)
    }
}

/// "Change vs previous" says how many mentions each change rests on, and greys one resting on fewer than
/// `ChangeBasis.minimumMentions` in either period: a jump of +1.00 from one comment to two read like news.
@Suite struct ReportChangeBasisTests {
    @Test func eachChangeShowsItsCountsAndAThinOneIsGreyed() throws {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        var collector = ReportCollector(options: options)
        var line = 0
        // Branch a: 12 comments each day (negative, then positive); branch b: one negative, then two positive.
        for (branch, day, count, label) in [("a", 1, 12, "negative"), ("a", 2, 12, "positive"),
                                            ("b", 1, 1, "negative"), ("b", 2, 2, "positive")] {
            for _ in 0..<count {
                line += 1
                let score = label == "positive" ? 0.6 : -0.6
                let text = #"{"id":"\#(line)","sentiment":{"label":"\#(label)","score":\#(score)},"#
                    + #""fields":{"branch":"\#(branch)","date":"2026-01-0\#(day)"}}"#
                try collector.add(line: Data(text.utf8), path: "days", lineNumber: line)
            }
        }
        let model = ReportModel(aggregation: collector.aggregation, samples: collector.samples)
        let html = ReportRenderer(locale: .en).render(model)
        let structure = ReportSupport.parse(html)
        try #require(structure.error == nil, "\(structure.error ?? "")")
        func overallRow(_ group: String) throws -> [String: String] {
            try #require(structure.elements.first {
                $0.name == "tr" && $0.attributes["data-group"] == group && $0.attributes["data-scope"] == "overall"
            }?.attributes)
        }
        #expect(try overallRow("branch=a")["data-change-mentions"] == "12/12")
        #expect(try overallRow("branch=b")["data-change-mentions"] == "2/1")
        #expect(try overallRow("")["data-change-mentions"] == "14/13")
        #expect(html.contains("+2.00 (n=12/12)") && html.contains("+2.00 (n=2/1)"))
        #expect(html.contains(#"<td class="num thin">+2.00 (n=2/1)</td>"#), "thin: greyed")
        #expect(html.contains(#"<td class="num">+2.00 (n=12/12)</td>"#), "enough mentions: not greyed")
        #expect(structure.text.contains("fewer than \(ChangeBasis.minimumMentions) mentions"), "the page says why")
        #expect(structure.text.contains("(2026-01-02 vs 2026-01-01) · n=14/13"), "the overall tile names its counts")
    }
}

@Suite struct ReportGroupLimitTests {
    /// Many groups: the largest are shown, the rest counted in a note, and the model is built without scanning
    /// every row once per group.
    @Test func manyGroupsAreCut() throws {
        var options = AggregationOptions()
        options.groupBy = ["agent"]
        options.dateColumn = "date"
        var collector = ReportCollector(options: options)
        var line = 0
        for agent in 0..<400 {
            for day in 1...(agent % 5 + 1) {
                line += 1
                let text = #"{"id":"\#(line)","sentiment":{"label":"negative","score":-0.3},"#
                    + #""dimensions":{"empathy":{"label":"negative","score":-0.4}},"fields":{"agent":"a\#(agent)","date":"2026-01-0\#(day)"}}"#
                try collector.add(line: Data(text.utf8), path: "agents", lineNumber: line)
            }
        }
        let model = ReportModel(aggregation: collector.aggregation, samples: collector.samples, maxGroups: 25)
        #expect(model.groups.count == 25 && model.omittedGroups == 375)
        #expect(model.groups.allSatisfy { $0.overall.comments == 5 })
        #expect(model.groups.first?.fields == [Field("agent", "a104")])
        #expect(model.groups.first?.latest["overall"]?.period == "2026-01-05")
        let html = ReportRenderer(locale: .en).render(model)
        #expect(html.contains("+375 further groups not shown"))
        let structure = ReportSupport.parse(html)
        #expect(structure.error == nil)
        // Every group shown has its chart (everyone and 25 groups of five comments each): the page used to chart the
        // first six only, leaving groups as large as a charted one with a table alone.
        #expect(structure.elements.filter { $0.attributes["data-chart"] == "dimensions" }.count == 26)
    }
}
