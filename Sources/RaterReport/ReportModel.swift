import RaterAggregate
import RaterCore

/// Everything the report shows, taken from an `Aggregation` (numbers) and `ReportSamples` (terms and comments).
///
/// The model only selects rows; it computes no figure of its own, so every number on the page is a number of the
/// aggregates (`rater aggregate` would write the same).
public struct ReportModel: Sendable {
    /// One group (or everyone) for all time: the overall row, one row per mentioned dimension and one per mentioned
    /// aspect.
    public struct Group: Sendable {
        /// `branch=西湖店` pairs; empty for everyone. With several group columns, a rollup has the leading
        /// columns' pairs only (`region=north`: the region over all its branches).
        public var fields: [Field]
        public var overall: AggregateRow
        public var dimensions: [AggregateRow]
        /// The non-RATER aspects mentioned (price, product, location), most mentioned first (ties in `Aspect`
        /// order): what customers talk about most leads, whichever way they lean.
        public var aspects: [AggregateRow]
        /// Rows of the latest period, for the change against the previous period (by scope).
        public var latest: [String: AggregateRow]
        /// Rows of the period before the latest (by scope): how many comments a change rests on.
        public var previous: [String: AggregateRow] = [:]

        /// The mentions behind the change of `scope`, when there is a change.
        public func changeBasis(_ scope: String) -> ChangeBasis? {
            ChangeBasis(latest: latest[scope], previous: previous[scope])
        }
    }

    public var options: AggregationOptions
    public var everyone: Group?
    public var groups: [Group]
    /// Groups beyond `maxGroups`, left out of the page so a report over thousands of agents stays readable.
    public var omittedGroups: Int
    /// The overall rows of everyone per period, in order.
    public var trend: [AggregateRow]
    public var latestPeriod: String?
    /// The period the latest is compared with: the calendar's bucket before it, whether or not it has comments.
    public var previousPeriod: String?
    public var drivers: DriverTable?
    public var ratings: RatingFigures?
    /// Survey answers with a rating and no comment: in the ratings' n, not in the comments.
    public var ratingOnly: Int
    public var undated: Int
    public var samples: ReportSamples

    public init(aggregation: Aggregation, samples: ReportSamples, maxGroups: Int = 30) {
        options = aggregation.options
        undated = aggregation.undated
        self.samples = samples
        let rows = aggregation.rows
        trend = rows.filter { $0.groups.isEmpty && $0.period != nil && $0.scope == GroupAggregate.overall }
        latestPeriod = trend.last?.period
        let latestPeriod = latestPeriod
        // Rows indexed by group once: a year of days for thousands of agents is millions of rows, and scanning
        // them once per group would be quadratic.
        var allTime = [[Field]: [AggregateRow]]()
        var latest = [[Field]: [String: AggregateRow]]()
        // The period the aggregates computed each change against (the calendar's previous bucket, not the previous
        // period with data), so the counts shown are those the change was made from.
        let previousPeriod = latestPeriod.flatMap {
            aggregation.options.bucket.previous(of: $0, in: aggregation.options.timeZone)
        }
        self.previousPeriod = previousPeriod
        var previous = [[Field]: [String: AggregateRow]]()
        for row in rows {
            if row.period == nil {
                allTime[row.groups, default: []].append(row)
            } else if row.period == latestPeriod {
                latest[row.groups, default: [:]][row.scope] = row
            } else if row.period == previousPeriod {
                previous[row.groups, default: [:]][row.scope] = row
            }
        }
        func group(_ fields: [Field]) -> Group? {
            let rows = allTime[fields] ?? []
            guard let overall = rows.first(where: { $0.scope == GroupAggregate.overall }) else { return nil }
            let aspects = rows.compactMap { row in Aspect(rawValue: row.scope).map { (aspect: $0, row: row) } }
                .sorted { $0.row.mentions != $1.row.mentions ? $0.row.mentions > $1.row.mentions : $0.aspect < $1.aspect }
                .map(\.row)
            return Group(fields: fields, overall: overall,
                         dimensions: rows.filter { ServiceDimension(rawValue: $0.scope) != nil },
                         aspects: aspects, latest: latest[fields] ?? [:], previous: previous[fields] ?? [:])
        }
        everyone = group([])
        // The largest groups first: they are the ones a manager looks for, and the cut drops the smallest. With
        // several group columns the coarser rollups come first (each region over all its branches, then the
        // cells), so the cut drops the smallest cells, never a region while a branch of it is shown.
        let all = allTime.keys.filter { !$0.isEmpty }.compactMap(group).sorted {
            $0.fields.count != $1.fields.count ? $0.fields.count < $1.fields.count
                : $0.overall.comments != $1.overall.comments ? $0.overall.comments > $1.overall.comments
                : $0.fields.map(\.value).lexicographicallyPrecedes($1.fields.map(\.value))
        }
        groups = Array(all.prefix(maxGroups))
        omittedGroups = all.count - groups.count
        drivers = aggregation.drivers()
        ratings = everyone?.overall.ratings
        ratingOnly = aggregation.coverage.ratingOnly
    }

    /// Signal rates of everyone, grouped expectation, recovery, loyalty.
    public var signals: [SignalRate] { everyone?.overall.signals ?? [] }
}
