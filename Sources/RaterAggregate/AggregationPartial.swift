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

    /// The version this one writes when the partial carries aspect counts (every entry has its `aspects`).
    /// Version 1 partials were written before aspects were counted (no `aspects` key) and, for a few hours after,
    /// with them (`carriesAspectCounts` tells them apart by that key); a partial merged only from partials without
    /// them is still written as version 1, without the key, so that a later merge knows.
    public static let currentVersion = 2

    public var format = AggregationPartial.formatName
    public var version = AggregationPartial.currentVersion
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
    /// Whether its comments are counted in its aspect rows: false for a partial written before aspects were counted
    /// (or merged only from such partials), whose comments are in no aspect row. Merging one with partials that
    /// carry them made aspect rows of those partials' comments alone (`AspectCountInputs` refuses it). Not stored
    /// as such: the version and the entries' `aspects` keys say it.
    public internal(set) var carriesAspectCounts = true

    private enum CodingKeys: String, CodingKey {
        case format, version, options, undated, namedColumns, entries, partialID, resultFiles
    }

    public init(_ aggregation: Aggregation, partialID: String? = UUID().uuidString.lowercased(),
                resultFiles: [CoveredResults]? = nil) {
        self.partialID = partialID
        self.resultFiles = resultFiles
        options = aggregation.options
        undated = aggregation.undated
        namedColumns = aggregation.coverage
        entries = aggregation.groups.keys.sorted().map { Entry(key: $0, aggregate: aggregation.groups[$0]!) }
        carriesAspectCounts = aggregation.carriesAspectCounts
        version = carriesAspectCounts ? Self.currentVersion : 1
    }

    public var aggregation: Aggregation {
        var aggregation = Aggregation(options: options)
        aggregation.restore(entries: entries, undated: undated, coverage: namedColumns ?? ColumnCoverage())
        aggregation.carriesAspectCounts = carriesAspectCounts
        return aggregation
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.userInfo[GroupAggregate.withoutAspectsKey] = !carriesAspectCounts
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data, path: String) throws -> AggregationPartial {
        var partial: AggregationPartial
        do {
            partial = try JSONDecoder().decode(AggregationPartial.self, from: data)
        } catch {
            throw AggregationError.unreadablePartial(path: path, reason: "\(error)")
        }
        guard partial.format == formatName, (1...currentVersion).contains(partial.version) else {
            throw AggregationError.unreadablePartial(path: path, reason: "format \(partial.format) version \(partial.version)")
        }
        // Which entries have an `aspects` key: the decoded entries no longer say (a missing one reads as none).
        let keys = (try? JSONDecoder().decode(AspectKeys.self, from: data))?.entries.map(\.aggregate.hasAspects) ?? []
        if partial.version == 1 {
            partial.carriesAspectCounts = keys.allSatisfy { $0 }
        } else if let index = keys.firstIndex(of: false) {
            throw AggregationError.unreadablePartial(
                path: path, reason: "entry \(index + 1) has no aspect counts, which version \(partial.version) has")
        }
        if let problem = partial.problem { throw AggregationError.unreadablePartial(path: path, reason: problem) }
        return partial
    }

    /// Whether each entry's aggregate has an `aspects` key, and nothing else of it.
    private struct AspectKeys: Decodable {
        struct Entry: Decodable {
            var aggregate: Aggregate
        }
        struct Aggregate: Decodable {
            var hasAspects: Bool
            private enum CodingKeys: String, CodingKey { case aspects }
            init(from decoder: any Decoder) throws {
                hasAspects = try decoder.container(keyedBy: CodingKeys.self).contains(.aspects)
            }
        }
        var entries: [Entry]
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
