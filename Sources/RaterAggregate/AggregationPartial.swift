import Foundation

/// An aggregation saved for merging later: what `rater analyze --aggregate-partial` and `rater aggregate --partial`
/// write, and what `rater aggregate` reads back beside result files. JSON, with its options, so a partial made with
/// other grouping is refused rather than merged into nonsense.
public struct AggregationPartial: Codable, Sendable, Equatable {
    public static let formatName = "rater-aggregate-partial"

    public struct Entry: Codable, Sendable, Equatable {
        public var key: AggregateKey
        public var aggregate: GroupAggregate
    }

    public var format = AggregationPartial.formatName
    public var version = 1
    public var options: AggregationOptions
    public var undated: Int
    /// Nil in partials written before it was kept: their comments are then not in the column reports. Named so
    /// its key sorts after `entries`: `rater aggregate` (this version and older ones) tells a partial from a
    /// result file by its first key.
    public var namedColumns: ColumnCoverage?
    public var entries: [Entry]
    /// A random identity given when the partial is written, so that `rater aggregate` can refuse a copy of a partial
    /// it has already merged (`p1.json` and `p1-copy.json`), which would count every comment twice. Nil in partials
    /// written before it was kept. (Its key sorts after `entries`, as `namedColumns`' does.)
    public var partialID: String?
    /// The results files whose comments this partial counts (`CoveredResults`), so that `rater aggregate` refuses
    /// one of them given beside it. Nil in partials written before it was kept. (Its key sorts after `entries`, as
    /// `namedColumns`' does.)
    public var resultFiles: [CoveredResults]?

    public init(_ aggregation: Aggregation, partialID: String? = UUID().uuidString.lowercased(),
                resultFiles: [CoveredResults]? = nil) {
        self.partialID = partialID
        self.resultFiles = resultFiles
        options = aggregation.options
        undated = aggregation.undated
        namedColumns = aggregation.coverage
        entries = aggregation.groups.keys.sorted().map { Entry(key: $0, aggregate: aggregation.groups[$0]!) }
    }

    public var aggregation: Aggregation {
        var aggregation = Aggregation(options: options)
        aggregation.restore(entries: entries, undated: undated, coverage: namedColumns ?? ColumnCoverage())
        return aggregation
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data, path: String) throws -> AggregationPartial {
        let partial: AggregationPartial
        do {
            partial = try JSONDecoder().decode(AggregationPartial.self, from: data)
        } catch {
            throw AggregationError.unreadablePartial(path: path, reason: "\(error)")
        }
        guard partial.format == formatName, partial.version == 1 else {
            throw AggregationError.unreadablePartial(path: path, reason: "format \(partial.format) version \(partial.version)")
        }
        if let problem = partial.problem { throw AggregationError.unreadablePartial(path: path, reason: problem) }
        return partial
    }

    /// What is wrong with a partial that is valid JSON but not what an aggregation writes (edited by hand, cut
    /// short, or from another version): merging it would stop on a precondition or an index out of range — a
    /// trap, exit 132, in a nightly run — or make rows that do not add up.
    var problem: String? {
        guard undated >= 0 else { return "undated is \(undated)" }
        if let problem = namedColumns?.problem { return problem }
        for (index, entry) in entries.enumerated() {
            let groups = entry.key.groups.count
            guard groups == 0 || groups == options.groupBy.count else {
                return "entry \(index + 1) has \(groups) group values for \(options.groupBy.count) group-by columns"
            }
            if let problem = entry.aggregate.problem { return "entry \(index + 1): \(problem)" }
        }
        return nil
    }
}

extension Aggregation {
    mutating func restore(entries: [AggregationPartial.Entry], undated: Int, coverage: ColumnCoverage) {
        for entry in entries { groups[entry.key, default: GroupAggregate()].merge(entry.aggregate) }
        self.undated += undated
        self.coverage.merge(coverage)
    }
}
