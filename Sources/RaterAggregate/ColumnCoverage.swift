import RaterCore

/// How the columns the options name were filled: which comments had a value in them, and which values could not be
/// read (a date that is no date, a rating off its scale).
///
/// Without it a mistyped `--group-by brnach` put every comment in the group "" and a date column of `2026-02-30`s
/// dated nothing, and the run said nothing. Kept as counts, merged by addition like everything else an aggregation
/// holds, so merged partials report what one run over all the data would.
public struct ColumnCoverage: Sendable, Equatable, Codable {
    /// Values of one role that could not be read: how many, and one of them for the log.
    public struct Unreadable: Sendable, Equatable, Codable {
        public var count = 0
        /// The smallest such value (cut to 40 characters), not the first: merged partials then name the same
        /// example whatever order they were merged in.
        public var example: String?

        public init() {}

        mutating func add(_ value: String) {
            count += 1
            let cut = value.count > 40 ? String(value.prefix(40)) + "…" : value
            if example.map({ cut < $0 }) ?? true { example = cut }
        }

        mutating func merge(_ other: Unreadable) {
            count += other.count
            if let theirs = other.example, example.map({ theirs < $0 }) ?? true { example = theirs }
        }
    }

    /// At most this many column names are kept for "known columns" (exports have tens; a JSON export with a key
    /// per comment would otherwise grow the partial without bound).
    public static let knownColumnLimit = 100

    /// Comments counted.
    public internal(set) var comments = 0
    /// Column → comments that had the column at all, even blank.
    public internal(set) var present: [String: Int] = [:]
    /// Column → comments with a non-blank value in it.
    public internal(set) var valued: [String: Int] = [:]
    /// Role (`date`, `nps`, `csat`, `ces`) → values that could not be read.
    public internal(set) var unreadable: [String: Unreadable] = [:]
    /// The columns the comments had, sorted (the first `knownColumnLimit` in that order).
    public internal(set) var knownColumns: [String] = []
    /// Survey answers without a comment counted for their ratings (`Aggregation.add(_: RatingOnlyAnswer)`): not in
    /// `comments`, `present` or `valued`, which stay about comments.
    public internal(set) var ratingOnly = 0
    /// Rating column → rating-only answers with a non-blank value in it.
    public internal(set) var ratingOnlyValued: [String: Int] = [:]

    public init() {}

    /// Counts a rating-only answer and which of the rating `columns` it has a value in.
    mutating func addRatingOnly(_ fields: [Field], columns: [String]) {
        ratingOnly += 1
        for column in columns {
            guard let value = fields.value(ofColumn: column), !value.allSatisfy(\.isWhitespace)
            else { continue }
            ratingOnlyValued[column, default: 0] += 1
        }
    }

    /// Counts which of `columns` the comment has and notes the columns it has.
    mutating func add(_ observation: Observation, columns: [String]) {
        comments += 1
        for column in columns {
            guard let value = observation.field(column) else { continue }
            present[column, default: 0] += 1
            if !value.allSatisfy(\.isWhitespace) { valued[column, default: 0] += 1 }
        }
        for field in observation.fields { noteColumn(field.name) }
    }

    mutating func addUnreadable(_ value: String, role: String) {
        unreadable[role, default: Unreadable()].add(value)
    }

    private mutating func noteColumn(_ name: String) {
        var low = 0
        var high = knownColumns.count
        while low < high {
            let middle = (low + high) / 2
            if knownColumns[middle] < name { low = middle + 1 } else { high = middle }
        }
        guard low == knownColumns.count || knownColumns[low] != name else { return }
        guard low < Self.knownColumnLimit else { return }
        knownColumns.insert(name, at: low)
        if knownColumns.count > Self.knownColumnLimit { knownColumns.removeLast() }
    }

    /// Why these counts cannot have been made by `add` (a partial's are checked with it), or nil.
    var problem: String? {
        let counts = [comments, ratingOnly] + Array(present.values) + Array(valued.values)
            + unreadable.values.map(\.count) + Array(ratingOnlyValued.values)
        guard counts.allSatisfy({ $0 >= 0 }) else { return "a negative column count" }
        return nil
    }

    public mutating func merge(_ other: ColumnCoverage) {
        comments += other.comments
        present.merge(other.present, uniquingKeysWith: +)
        valued.merge(other.valued, uniquingKeysWith: +)
        for (role, cells) in other.unreadable { unreadable[role, default: Unreadable()].merge(cells) }
        for name in other.knownColumns { noteColumn(name) }
        ratingOnly += other.ratingOnly
        ratingOnlyValued.merge(other.ratingOnlyValued, uniquingKeysWith: +)
    }
}

extension ColumnCoverage {
    private enum CodingKeys: String, CodingKey {
        case comments, present, valued, unreadable, knownColumns, ratingOnly, ratingOnlyValued
    }

    /// The rating-only counts are written only when there are some, so a partial without such answers is written as
    /// before; partials written before them have none and merge as before.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(comments, forKey: .comments)
        try container.encode(present, forKey: .present)
        try container.encode(valued, forKey: .valued)
        try container.encode(unreadable, forKey: .unreadable)
        try container.encode(knownColumns, forKey: .knownColumns)
        if ratingOnly != 0 || !ratingOnlyValued.isEmpty {
            try container.encode(ratingOnly, forKey: .ratingOnly)
            try container.encode(ratingOnlyValued, forKey: .ratingOnlyValued)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        comments = try container.decode(Int.self, forKey: .comments)
        present = try container.decode([String: Int].self, forKey: .present)
        valued = try container.decode([String: Int].self, forKey: .valued)
        unreadable = try container.decode([String: Unreadable].self, forKey: .unreadable)
        knownColumns = try container.decode([String].self, forKey: .knownColumns)
        ratingOnly = try container.decodeIfPresent(Int.self, forKey: .ratingOnly) ?? 0
        ratingOnlyValued = try container.decodeIfPresent([String: Int].self, forKey: .ratingOnlyValued) ?? [:]
    }
}
