import Foundation
import RaterCore

/// Aggregates for dashboards: every comment counted into its group and period, overall, per RATER dimension and per
/// non-RATER aspect.
///
/// Each comment is counted under up to four keys — its group and period, its group for all time, everyone in its
/// period, and everyone for all time — so the rows answer "this branch this week" and "all branches" alike. With
/// several group columns the rows also answer "this region" (`GroupRollup`), summed from the cells.
/// Aggregations merge by addition: shards, files or nightly partials combine into exactly the aggregation of one
/// run over all the data.
public struct Aggregation: Sendable, Equatable {
    public private(set) var options: AggregationOptions
    public internal(set) var groups: [AggregateKey: GroupAggregate] = [:]
    /// Comments whose date column was missing or unreadable: counted in the all-time rows only.
    public internal(set) var undated = 0
    /// Which comments had a value in the columns the options name, and the values that could not be read.
    public internal(set) var coverage = ColumnCoverage()
    /// Whether every comment counted is in the aspect rows it belongs to: false once it holds comments of a partial
    /// written before aspects were counted (`AggregationPartial.carriesAspectCounts`), and then written as such a
    /// partial too.
    public internal(set) var carriesAspectCounts = true

    /// `options.namedColumns`, worked out once: `add` runs for every comment.
    private let namedColumns: [String]
    /// Reads the date column into periods, with the time zone resolved once and its offsets remembered: a database's
    /// `aggregates` table is made from every stored comment at the end of each run. Nil without a date column.
    private var periods: PeriodReader?

    public init(options: AggregationOptions) {
        self.options = options
        namedColumns = options.namedColumns
        periods = options.dateColumn == nil ? nil : PeriodReader(bucket: options.bucket, timeZone: options.timeZone)
    }

    /// Equal when options and counts are: the offsets `periods` remembers are no part of the value.
    public static func == (lhs: Aggregation, rhs: Aggregation) -> Bool {
        lhs.options == rhs.options && lhs.groups == rhs.groups && lhs.undated == rhs.undated
            && lhs.coverage == rhs.coverage
    }

    public mutating func add(_ observation: Observation) {
        coverage.add(observation, columns: namedColumns)
        let keys = keys(of: observation.field, counting: true)
        let ratings = ratings(of: observation.field)
        for key in keys { groups[key, default: GroupAggregate()].add(observation, ratings: ratings) }
    }

    /// Counts a survey answer without a comment: its ratings under its group and period, as a comment's would be,
    /// and nothing else. Comment counts, shares, means, signals and the driver table stay over analysed comments; a
    /// rating figure's responses (`RatingFigures.npsResponses` …) include such answers, and the column reports say
    /// how many (`ColumnCoverage.ratingOnly`). Its date, when unreadable or absent, puts its ratings in the all-time
    /// rows only, as a comment's; it is not counted among the undated comments.
    public mutating func add(_ answer: RatingOnlyAnswer) {
        // One with no answer under these options (a stored answer whose only rating is in a column this run does
        // not name) adds nothing: no row of its own, no count.
        guard options.hasRatingAnswer(answer.fields) else { return }
        coverage.addRatingOnly(answer.fields, columns: options.ratingColumns)
        let keys = keys(of: answer.field, counting: false)
        let ratings = ratings(of: answer.field)
        for key in keys { groups[key, default: GroupAggregate()].addRatings(ratings) }
    }

    /// The keys a record counts under: all groups for all time, its group, its period, its group in its period.
    /// `counting`: a comment, whose missing or unreadable date is counted (`undated`, the date column's report).
    private mutating func keys(of field: (String) -> String?, counting: Bool) -> [AggregateKey] {
        let groupValues = options.groupBy.map { field($0) ?? "" }
        var period: String?
        if let column = options.dateColumn {
            let text = field(column)
            if let text, let label = periods?.period(of: text) {
                period = label
            } else if counting {
                undated += 1
                if let text, !text.allSatisfy(\.isWhitespace) {
                    coverage.addUnreadable(text, role: ColumnReport.Role.date.rawValue)
                }
            }
        }
        var keys = [AggregateKey(groups: [], period: nil)]
        if !groupValues.isEmpty { keys.append(AggregateKey(groups: groupValues, period: nil)) }
        if let period {
            keys.append(AggregateKey(groups: [], period: period))
            if !groupValues.isEmpty { keys.append(AggregateKey(groups: groupValues, period: period)) }
        }
        return keys
    }

    /// Each rating cell of the record read once, by its column's scale, for every key it counts under.
    /// A cell that is neither blank nor an answer is counted, with an example, for the run's warning.
    mutating func ratings(of field: (String) -> String?) -> ObservedRatings {
        func answer(_ scale: RatingScale) -> Double? {
            guard let column = options.column(for: scale) else { return nil }
            let text = field(column)
            switch scale.read(text) {
            case .blank: return nil
            case let .answer(value): return value
            case .unreadable:
                coverage.addUnreadable(text ?? "", role: scale.rawValue)
                return nil
            }
        }
        return ObservedRatings(nps: answer(.nps), csat: answer(.csat), ces: answer(.ces), driverScale: options.driverScale)
    }

    public mutating func add(_ result: CommentResult) { add(Observation(result)) }

    /// Adds another aggregation of disjoint comments made with the same options.
    public mutating func merge(_ other: Aggregation) throws {
        guard other.options == options else { throw AggregationError.incompatibleOptions(options, other.options) }
        for (key, aggregate) in other.groups { groups[key, default: GroupAggregate()].merge(aggregate) }
        if !other.groups.isEmpty { carriesAspectCounts = carriesAspectCounts && other.carriesAspectCounts }
        undated += other.undated
        coverage.merge(other.coverage)
    }

    /// One row per key and scope, sorted (overall first, then groups; all time first, then periods in order), with
    /// the change against the calendar's previous period of the same group and scope. With several group columns
    /// the rollups (`GroupRollup`) are among them, each before its cells: `north` before (`north`, `a`).
    public var rows: [AggregateRow] {
        var rows = [AggregateRow]()
        let calendar = TimeBucket.calendar(options.timeZone)  // once, not once a row
        let rollups = self.rollups
        for key in (Array(groups.keys) + rollups.keys).sorted() {
            let aggregate = groups[key] ?? rollups[key]!
            let previous = key.period.flatMap { options.bucket.previous(of: $0, calendar: calendar) }
                .map { AggregateKey(groups: key.groups, period: $0) }
                .flatMap { groups[$0] ?? rollups[$0] }
            let groupFields = zip(options.groupBy, key.groups).map { Field($0, $1) }
            func row(scope: String, tally: SentimentTally, previous: SentimentTally?) -> AggregateRow {
                let signals = (aggregate.signals[scope] ?? [:]).sorted { $0.key < $1.key }.map {
                    SignalRate(name: $0.key, count: $0.value, rate: tally.count > 0 ? Double($0.value) / Double(tally.count) : 0)
                }
                return AggregateRow(
                    groups: groupFields, period: key.period, scope: scope, comments: aggregate.overall.count,
                    mentions: tally.count, positive: tally.positive, negative: tally.negative, neutral: tally.neutral,
                    sharePositive: tally.sharePositive, shareNegative: tally.shareNegative,
                    shareNeutral: tally.shareNeutral, meanScore: tally.meanScore, netSentiment: tally.netSentiment,
                    positiveInterval: WilsonInterval.interval(successes: tally.positive, trials: tally.count),
                    negativeInterval: WilsonInterval.interval(successes: tally.negative, trials: tally.count),
                    // None where either period has no comment (a period of rating-only answers has none).
                    netChange: previous.flatMap {
                        $0.count > 0 && tally.count > 0 ? tally.netSentiment - $0.netSentiment : nil
                    },
                    signals: signals,
                    ratings: scope == GroupAggregate.overall && !aggregate.ratings.isEmpty ? aggregate.ratings.figures : nil)
            }
            rows.append(row(scope: GroupAggregate.overall, tally: aggregate.overall, previous: previous?.overall))
            for dimension in ServiceDimension.allCases {
                guard let tally = aggregate.dimensions[dimension.rawValue] else { continue }
                rows.append(row(scope: dimension.rawValue, tally: tally, previous: previous?.dimensions[dimension.rawValue]))
            }
            for aspect in Aspect.allCases {
                guard let tally = aggregate.aspects[aspect.rawValue] else { continue }
                rows.append(row(scope: aspect.rawValue, tally: tally, previous: previous?.aspects[aspect.rawValue]))
            }
        }
        return rows
    }

    /// A driver table needs this many rated comments.
    public static let minimumRatedComments = 3

    /// The rated comments of all groups for all time: those the driver table is fitted on.
    public func ratedComments() -> Int {
        groups[Self.everyone]?.drivers.count ?? 0
    }

    /// The importance–performance table of all groups for all time: how much each dimension's sentiment explains
    /// the rating, and how well the dimension is doing. Nil without a rating column or with fewer than
    /// `minimumRatedComments`.
    ///
    /// One table, never one per group or rollup: a group's rated comments are often too few for a stable fit of five
    /// predictors (the minimum here is 3), and no output has a place for more than one (`--drivers-csv` is one table,
    /// `--aggregate-json` one `drivers` object, the report one chart). Per-group tables would be a new output,
    /// with a minimum sample of its own.
    public func drivers() -> DriverTable? {
        guard let aggregate = groups[Self.everyone], options.driverColumn != nil,
              aggregate.drivers.count >= Self.minimumRatedComments else { return nil }
        return DriverTable(statistics: aggregate.drivers, aggregate: aggregate)
    }

    /// The key of all groups for all time.
    static let everyone = AggregateKey(groups: [], period: nil)
}

public enum AggregationError: Error, Equatable, CustomStringConvertible {
    case incompatibleOptions(AggregationOptions, AggregationOptions)
    /// A partial whose grouping options differ from the run's, and each difference as the command line spells it.
    case incompatiblePartial(path: String, differences: [String])
    /// A partial that another input of the same run already is (a copy: same `partialID`).
    case repeatedPartial(path: String, first: String)
    case unreadablePartial(path: String, reason: String)
    case unreadableResult(path: String, line: Int, reason: String)
    /// A partial without aspect counts (written before aspects were counted) merged with an input that has them
    /// (`AspectCountInputs`): the aspect rows would count the latter's comments alone.
    case mixedAspectCounts(without: String, with: String)
    /// A partial given beside a results file whose comments it already counts (`CoveredResults`): `written` is the
    /// name the results had when the partial was made.
    case partialCoversResults(partial: String, results: String, written: String)

    public var description: String {
        switch self {
        case let .incompatibleOptions(mine, theirs):
            let differences = theirs.differences(from: mine)
            return "cannot merge aggregates made with other options: "
                + (differences.isEmpty ? "(none found)" : differences.joined(separator: ", "))
        case let .incompatiblePartial(path, differences):
            return "\(path): made with other options than this run: \(differences.joined(separator: ", ")); "
                + "give `rater aggregate` the options the partial was made with"
        case let .repeatedPartial(path, first):
            return "\(path): the same partial as \(first) (a copy: same partialID); merging both would count its "
                + "comments twice"
        case let .unreadablePartial(path, reason):
            return "\(path): not a Rater aggregate partial (\(reason))"
        case let .unreadableResult(path, line, reason):
            return "\(path):\(line): not a Rater result line (\(reason))"
        case let .mixedAspectCounts(without, with):
            return "\(without): a partial without aspect counts (written before aspects were counted), and \(with) has "
                + "them: merged, the aspect rows (price, product, location) would count only the comments of the "
                + "inputs that have them. Merge the partials without aspect counts apart, or make \(without) again "
                + "with this version (`rater aggregate` over its results files, with --aggregate-partial)"
        case let .partialCoversResults(partial, results, written):
            let named = written == results ? "" : written == "-" ? " (written to standard output)" : " (written as \(written))"
            return "\(partial): covers the results in \(results)\(named), the same results byte for byte; merging "
                + "both would count their comments twice: give the results files or the partial, not both"
        }
    }
}
