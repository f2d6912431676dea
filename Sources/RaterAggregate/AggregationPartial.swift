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
    public var entries: [Entry]

    public init(_ aggregation: Aggregation) {
        options = aggregation.options
        undated = aggregation.undated
        entries = aggregation.groups.keys.sorted().map { Entry(key: $0, aggregate: aggregation.groups[$0]!) }
    }

    public var aggregation: Aggregation {
        var aggregation = Aggregation(options: options)
        aggregation.restore(entries: entries, undated: undated)
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
    mutating func restore(entries: [AggregationPartial.Entry], undated: Int) {
        for entry in entries { groups[entry.key, default: GroupAggregate()].merge(entry.aggregate) }
        self.undated += undated
    }
}
