import Foundation
import RaterCore
import Testing

@testable import RaterAggregate

func observation(_ label: SentimentLabel, _ score: Double, _ mentions: [(ServiceDimension, SentimentLabel, Double)] = [],
                 signals: [String] = [], fields: [(String, String)] = []) -> Observation {
    Observation(label: label, score: score,
                mentions: mentions.map { Observation.Mention(dimension: $0.0, label: $0.1, score: $0.2) },
                signals: signals, fields: fields.map { Field($0.0, $0.1) })
}

@Suite struct AggregationTests {
    @Test func handComputedGroupFigures() throws {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        var aggregation = Aggregation(options: options)
        aggregation.add(observation(.positive, 0.8, [(.tangibles, .positive, 0.6)], fields: [("branch", "A")]))
        aggregation.add(observation(.negative, -0.6, [(.tangibles, .negative, -0.5), (.responsiveness, .negative, -0.7)],
                                    signals: ["loyalty.at-risk"], fields: [("branch", "A")]))
        aggregation.add(observation(.neutral, 0.0, fields: [("branch", "A")]))
        aggregation.add(observation(.positive, 0.4, fields: [("branch", "B")]))
        let rows = aggregation.rows
        // Keys: everyone (all time), A, B; scopes overall plus each mentioned dimension.
        let a = try #require(rows.first { $0.groups == [Field("branch", "A")] && $0.scope == "overall" })
        #expect(a.comments == 3 && a.mentions == 3)
        #expect((a.positive, a.negative, a.neutral) == (1, 1, 1))
        #expect(abs(a.meanScore - (0.8 - 0.6 + 0.0) / 3) < 1e-12)
        #expect(a.netSentiment == 0)
        #expect(a.signals == [SignalRate(name: "loyalty.at-risk", count: 1, rate: 1.0 / 3)])
        let tangibles = try #require(rows.first { $0.groups == [Field("branch", "A")] && $0.scope == "tangibles" })
        #expect(tangibles.mentions == 2 && tangibles.comments == 3)
        #expect(tangibles.netSentiment == 0)
        #expect(abs(tangibles.meanScore - 0.05) < 1e-12)
        let everyone = try #require(rows.first { $0.groups.isEmpty && $0.scope == "overall" })
        #expect(everyone.comments == 4)
        #expect(everyone.sharePositive == 0.5)
        #expect(rows.first?.groups.isEmpty == true)  // the overall row comes first
    }

    @Test func wilsonIntervalMatchesHandComputation() {
        // p = 0.5, n = 10: centre 0.5, margin = 1.96/(1+0.38415)·sqrt(0.025 + 0.0096) ≈ 0.2630 → [0.2366, 0.7634].
        let interval = WilsonInterval.interval(successes: 5, trials: 10)
        #expect(abs(interval.lowerBound - 0.2366) < 1e-4)
        #expect(abs(interval.upperBound - 0.7634) < 1e-4)
        // All three negative: not [1, 1] but a wide interval that stays in [0, 1].
        let small = WilsonInterval.interval(successes: 3, trials: 3)
        #expect(small.upperBound == 1 && abs(small.lowerBound - 0.4385) < 1e-4)
        #expect(WilsonInterval.interval(successes: 0, trials: 0) == 0...1)
    }

    @Test func npsCsatAndCes() {
        var tally = RatingTally()
        for value in [10.0, 9, 8, 7, 6, 0, 11] { tally.addNPS(value) }  // 11 is not an NPS answer
        for value in [5.0, 4, 3, 1] { tally.addCSAT(value) }
        for value in [7.0, 4] { tally.addCES(value) }
        let figures = tally.figures
        #expect(figures.npsResponses == 6)
        #expect(abs(figures.nps! - 100 * (2.0 - 2.0) / 6) < 1e-12)
        #expect(figures.csat == 0.5)
        #expect(figures.ces == 5.5)
    }

    @Test func mergeEqualsWhole() throws {
        var options = AggregationOptions()
        options.groupBy = ["channel"]
        options.dateColumn = "date"
        options.bucket = .week
        options.csatColumn = "csat"
        let observations = (0..<200).map { index -> Observation in
            let label: SentimentLabel = index % 3 == 0 ? .negative : index % 3 == 1 ? .positive : .neutral
            let score = Double((index * 37) % 200 - 100) / 137
            return observation(label, score, index % 2 == 0 ? [(.empathy, label, score / 2)] : [(.reliability, label, score)],
                               signals: index % 5 == 0 ? ["recovery.recovered"] : [],
                               fields: [("channel", ["app", "web", "phone"][index % 3]),
                                        ("date", "2026-11-\(String(format: "%02d", 1 + index % 28))"),
                                        ("csat", "\(1 + index % 5)")])
        }
        var whole = Aggregation(options: options)
        observations.forEach { whole.add($0) }
        // Three shards in a shuffled order, merged in another order.
        var shards = [Aggregation(options: options), Aggregation(options: options), Aggregation(options: options)]
        for (index, item) in observations.enumerated().reversed() { shards[(index * 7) % 3].add(item) }
        var merged = shards[2]
        try merged.merge(shards[0])
        try merged.merge(shards[1])
        #expect(merged == whole)
        #expect(merged.rows == whole.rows)
        // Through the partial file format too.
        let partial = try AggregationPartial.decode(try AggregationPartial(merged).encoded(), path: "p")
        #expect(partial.aggregation == whole)
        // Different grouping cannot merge.
        var other = options
        other.groupBy = ["branch"]
        #expect(throws: AggregationError.self) { try merged.merge(Aggregation(options: other)) }
    }

    @Test func changeAgainstTheCalendarsPreviousPeriod() throws {
        var options = AggregationOptions()
        options.dateColumn = "date"
        options.bucket = .day
        var aggregation = Aggregation(options: options)
        aggregation.add(observation(.positive, 0.5, fields: [("date", "2026-11-23")]))
        aggregation.add(observation(.negative, -0.5, fields: [("date", "2026-11-24")]))
        aggregation.add(observation(.positive, 0.5, fields: [("date", "2026-11-24")]))
        aggregation.add(observation(.negative, -0.5, fields: [("date", "2026-11-26")]))  // 25th has no data
        aggregation.add(observation(.positive, 0.5, fields: [("date", "not a date")]))
        let rows = aggregation.rows.filter { $0.scope == "overall" && $0.period != nil }
        #expect(rows.map(\.period) == ["2026-11-23", "2026-11-24", "2026-11-26"])
        #expect(rows.map(\.netChange) == [nil, -1.0, nil])
        #expect(aggregation.undated == 1)
    }
}

@Suite struct TimeBucketTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    @Test func labelsAndPreviousPeriods() throws {
        let reader = DateReader(timeZone: shanghai)
        // 23:30 UTC on the 23rd is 07:30 on the 24th in Shanghai.
        let date = try #require(reader.date(from: "2026-11-23T23:30:00Z"))
        #expect(TimeBucket.day.label(of: date, in: shanghai) == "2026-11-24")
        #expect(TimeBucket.day.label(of: date, in: TimeZone(identifier: "UTC")!) == "2026-11-23")
        #expect(TimeBucket.week.label(of: date, in: shanghai) == "2026-W48")
        #expect(TimeBucket.month.label(of: date, in: shanghai) == "2026-11")
        #expect(TimeBucket.day.previous(of: "2026-03-01", in: shanghai) == "2026-02-28")
        #expect(TimeBucket.week.previous(of: "2026-W01", in: shanghai) == "2025-W52")
        #expect(TimeBucket.month.previous(of: "2026-01", in: shanghai) == "2025-12")
        // ISO week-years: 2027-01-01 is a Friday, in 2026's week 53.
        let newYear = try #require(reader.date(from: "2027-01-01"))
        #expect(TimeBucket.week.label(of: newYear, in: shanghai) == "2026-W53")
    }

    @Test(arguments: ["2026-11-24", "2026/11/24", "2026-11-24 10:15:00", "2026-11-24T10:15:00+08:00",
                      "2026-11-24T02:15:00Z", "2026-11-24T10:15:00.250+0800", "1795486500"])
    func dateFormatsExportsUse(_ text: String) throws {
        let date = try #require(DateReader(timeZone: shanghai).date(from: text))
        #expect(TimeBucket.day.label(of: date, in: shanghai) == "2026-11-24")
    }

    @Test func unreadableDatesAreNil() {
        let reader = DateReader(timeZone: shanghai)
        for text in ["", "yesterday", "2026-13-01", "24/11/2026", "2026-11"] { #expect(reader.date(from: text) == nil) }
    }
}

@Suite struct DriverAnalysisTests {
    /// A rating driven only by the first predictor: all importance goes there.
    @Test func aSingleDriverTakesAllTheImportance() {
        var statistics = DriverStatistics(predictors: 3)
        for index in 0..<300 {
            let x1 = Double(index % 7) / 7 - 0.4
            let x2 = Double((index * 13) % 11) / 11 - 0.5
            let x3 = Double((index * 5) % 9) / 9 - 0.5
            statistics.add(outcome: 3 + 2 * x1, predictors: [x1, x2, x3])
        }
        let importance = statistics.relativeImportance
        #expect(abs(statistics.totalRSquared - 1) < 1e-6)
        #expect(abs(importance[0] - 1) < 0.02)
        #expect(importance[1] < 0.02 && importance[2] < 0.02)
        #expect(abs(importance.reduce(0, +) - statistics.totalRSquared) < 1e-9)
    }

    /// y = x1 + x2 with independent, equally spread predictors: an even split.
    @Test func twoEqualDriversShareEqually() {
        var statistics = DriverStatistics(predictors: 2)
        for a in 0..<10 {
            for b in 0..<10 {
                let x1 = Double(a) / 10
                let x2 = Double(b) / 10
                statistics.add(outcome: x1 + x2, predictors: [x1, x2])
            }
        }
        let importance = statistics.relativeImportance
        #expect(abs(importance[0] - 0.5) < 1e-6)
        #expect(abs(importance[1] - 0.5) < 1e-6)
        #expect(abs(statistics.correlations[0] - 1 / 2.0.squareRoot()) < 1e-6)
    }

    /// Two copies of one driver split its importance; a constant predictor gets none and breaks nothing.
    @Test func correlatedAndConstantPredictors() {
        var statistics = DriverStatistics(predictors: 3)
        for index in 0..<50 {
            let x = Double(index % 10) / 10
            statistics.add(outcome: 2 * x + 1, predictors: [x, x, 0])
        }
        let importance = statistics.relativeImportance
        #expect(abs(importance[0] - 0.5) < 1e-6 && abs(importance[1] - 0.5) < 1e-6)
        #expect(importance[2] == 0)
    }

    @Test func importancePerformanceQuadrants() throws {
        var options = AggregationOptions()
        options.csatColumn = "csat"
        var aggregation = Aggregation(options: options)
        for index in 0..<60 {
            // Responsiveness drives the rating and is mostly negative; tangibles is positive and irrelevant.
            let fast = index % 3 == 0
            let tangible = index % 2 == 0 ? 0.5 : 0.3
            aggregation.add(observation(fast ? .positive : .negative, fast ? 0.6 : -0.6,
                                        [(.responsiveness, fast ? .positive : .negative, fast ? 0.7 : -0.7),
                                         (.tangibles, .positive, tangible)],
                                        fields: [("csat", fast ? "5" : "2")]))
        }
        let table = try #require(aggregation.drivers())
        let responsiveness = try #require(table.rows.first { $0.dimension == .responsiveness })
        let tangibles = try #require(table.rows.first { $0.dimension == .tangibles })
        #expect(responsiveness.quadrant == .concentrateHere)
        #expect(tangibles.quadrant == .possibleOverkill)
        #expect(responsiveness.importanceShare > 0.95)
    }
}

/// `Calendar.date(from:)` is lenient: impossible dates used to roll over into other periods.
@Suite struct StrictDateTests {
    let utc = TimeZone(identifier: "UTC")!

    @Test(arguments: ["2026-02-30", "2026-02-29", "2025-02-29", "1900-02-29", "2026-04-31", "2026-11-24 25:00",
                      "2026-11-24 24:00", "2026-11-24 10:99", "2026-11-24 10:15:60", "2026-11-24 10",
                      "2026-11-24 10:15:00 12", "2026-11-24T10:15:00+25:00", "2026-11-24T10:15:00+08:75",
                      "17324064000", "173240640000", "17324064000000", "0000-11-24", "10000-01-01", "２０２６-11-24"])
    func impossibleDatesAreUnreadable(_ text: String) {
        #expect(DateReader(timeZone: utc).date(from: text) == nil)
    }

    @Test func leapDaysAndEdgesAreRead() throws {
        let reader = DateReader(timeZone: utc)
        for (text, label) in [("2024-02-29", "2024-02-29"), ("2000-02-29", "2000-02-29"), ("2026-11-24 23:59:59", "2026-11-24"),
                              ("2026-12-31 00:00", "2026-12-31"), ("2026-11-24T10:15:59.999Z", "2026-11-24")] {
            let date = try #require(reader.date(from: text), "\(text)")
            #expect(TimeBucket.day.label(of: date, in: utc) == label)
        }
    }

    /// 13 digits are Unix milliseconds (JavaScript, Java), not seconds in the year 56867.
    @Test func unixMillisecondsAndSeconds() throws {
        let reader = DateReader(timeZone: utc)
        let milliseconds = try #require(reader.date(from: "1732406400000"))
        #expect(TimeBucket.day.label(of: milliseconds, in: utc) == "2024-11-24")
        let seconds = try #require(reader.date(from: "1732406400"))
        #expect(seconds == milliseconds)
    }

    @Test func anImpossibleDateCountsAsUndated() {
        var options = AggregationOptions()
        options.dateColumn = "date"
        var aggregation = Aggregation(options: options)
        for text in ["2026-02-30", "2026-11-24 25:00", "1732406400000", "2026-11-24"] {
            aggregation.add(observation(.positive, 0.5, fields: [("date", text)]))
        }
        #expect(aggregation.undated == 2)
        #expect(Set(aggregation.rows.compactMap(\.period)) == ["2024-11-24", "2026-11-24"])
    }
}

/// A partial that is JSON but not what an aggregation writes is refused with its path, not merged into a trap.
@Suite struct PartialValidationTests {
    func partialJSON() throws -> [String: Any] {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.csatColumn = "csat"
        var aggregation = Aggregation(options: options)
        aggregation.add(observation(.positive, 0.5, [(.empathy, .positive, 0.5)], fields: [("branch", "A"), ("csat", "5")]))
        let data = try AggregationPartial(aggregation).encoded()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func decode(_ object: [String: Any]) throws -> AggregationPartial {
        try AggregationPartial.decode(try JSONSerialization.data(withJSONObject: object), path: "p.json")
    }

    /// Applies `edit` to the first entry's aggregate.
    func edited(_ edit: (inout [String: Any]) -> Void) throws -> [String: Any] {
        var object = try partialJSON()
        var entries = try #require(object["entries"] as? [[String: Any]])
        var aggregate = try #require(entries[0]["aggregate"] as? [String: Any])
        edit(&aggregate)
        entries[0]["aggregate"] = aggregate
        object["entries"] = entries
        return object
    }

    @Test func anUneditedPartialIsRead() throws {
        #expect(try decode(try partialJSON()).entries.count == 2)
    }

    @Test func shapesThatWouldTrapAreRefused() throws {
        let cases: [(String, ([String: Any]) -> [String: Any])] = [
            ("4 predictors", { var d = $0; d["predictors"] = 4; return d }),
            ("1 sums", { var d = $0; d["sums"] = [0]; return d }),
            ("3 products", { var d = $0; d["products"] = [0, 0, 0]; return d }),
        ]
        for (expected, change) in cases {
            let object = try edited { aggregate in
                aggregate["drivers"] = change(aggregate["drivers"] as? [String: Any] ?? [:])
            }
            #expect(throws: AggregationError.self) { try decode(object) }
            do {
                _ = try decode(object)
            } catch {
                #expect("\(error)".hasPrefix("p.json: not a Rater aggregate partial ("), "\(error)")
                #expect("\(error)".contains(expected), "\(error)")
            }
        }
    }

    @Test func countsThatDoNotAddUpAreRefused() throws {
        let object = try edited { aggregate in
            var overall = aggregate["overall"] as? [String: Any] ?? [:]
            overall["positive"] = 10
            aggregate["overall"] = overall
        }
        #expect(throws: AggregationError.self) { try decode(object) }
        var wrongGroups = try partialJSON()
        var entries = try #require(wrongGroups["entries"] as? [[String: Any]])
        entries[1]["key"] = ["groups": ["A", "x"]]
        wrongGroups["entries"] = entries
        #expect(throws: AggregationError.self) { try decode(wrongGroups) }
    }
}
