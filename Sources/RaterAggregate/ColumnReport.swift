/// What a run says about one column its options name (`--group-by`, `--date-column`, a rating column): a column no
/// comment has (a typo, or a column the export does not pass through), values that could not be read, comments
/// without a value. Made from `ColumnCoverage`, so `rater analyze` and `rater aggregate` say the same.
public struct ColumnReport: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable {
        case groupBy = "group-by"
        case date
        case nps
        case csat
        case ces

        /// The option that names the column, as the log quotes it.
        public var option: String {
            switch self {
            case .groupBy: return "--group-by"
            case .date: return "--date-column"
            case .nps: return "--nps-column"
            case .csat: return "--csat-column"
            case .ces: return "--ces-column"
            }
        }

        /// NPS, CSAT or CES: the roles rating-only answers count in.
        public var isRating: Bool { RatingScale(rawValue: rawValue) != nil }
    }

    public var role: Role
    public var column: String
    /// Comments counted (those aggregated by a version that keeps `ColumnCoverage`).
    public var comments: Int
    /// Comments that had the column, even blank.
    public var present: Int
    /// Comments without a value: no such column, or blank.
    public var missing: Int
    /// Values that could not be read (dates and ratings only).
    public var unreadable: ColumnCoverage.Unreadable
    /// The columns the comments had, for the warning about a column none of them has.
    public var knownColumns: [String]
    /// Survey answers without a comment whose ratings were counted (`ColumnCoverage.ratingOnly`), and those of them
    /// with a value in this column (rating columns only; 0 for the others).
    public var ratingOnly = 0
    public var ratingOnlyValued = 0

    /// No comment has the column at all: almost always a mistyped name.
    public var isAbsent: Bool { comments > 0 && present == 0 }

    /// A line for the log at warning level: the column is absent, or some of its values are unreadable.
    public var warning: String? {
        let name = "\(role.option) \(column)"
        if isAbsent {
            let known = knownColumns.isEmpty ? "the comments have no passthrough columns"
                : "known columns: " + knownColumns.joined(separator: ", ")
            return "\(name): no record has this column; \(known)"
        }
        guard unreadable.count > 0 else { return nil }
        let example = unreadable.example.map { ", e.g. '\($0)'" } ?? ""
        let valued = comments - missing + ratingOnlyValued
        let values = "\(unreadable.count) of \(valued) value\(valued == 1 ? "" : "s")"
        switch role {
        case .groupBy:
            return nil
        case .date:
            return "\(name): \(values) are not readable dates\(example); those comments count as undated"
        case .nps, .csat, .ces:
            let scale = RatingScale(rawValue: role.rawValue)!
            return "\(name): \(values) are not \(scale.description) answers\(example); they are left out of the "
                + "figures and the driver table"
        }
    }

    /// A line for the run's summary: how many comments had no value (absent columns have their warning instead).
    public var note: String? {
        guard !isAbsent, comments > 0 || (ratingOnly > 0 && role.isRating) else { return nil }
        let name = "\(role.option) \(column)"
        switch role {
        case .date:
            let undated = missing + unreadable.count
            guard undated > 0 else { return nil }
            return "\(name): \(undated) of \(comments) comments have no readable date (\(missing) without a value, "
                + "\(unreadable.count) unreadable); they count in the all-time rows only"
        case .groupBy:
            guard missing > 0 else { return nil }
            return "\(name): \(missing) of \(comments) comments have no value; they form the group with an empty value"
        case .nps, .csat, .ces:
            // Always said, so a night's figure is never read without the number of answers under it (the
            // aggregate files carry it as `nps_responses` …).
            // Rating-only answers (survey rows without a comment) are named apart: the figure is over both, the
            // sentiment rows over the comments alone.
            let scale = RatingScale(rawValue: role.rawValue)!
            let responses = comments - missing + ratingOnlyValued - unreadable.count
            var text = "\(name): \(scale.figureName) over \(responses) response\(responses == 1 ? "" : "s") of \(comments) "
                + "comment\(comments == 1 ? "" : "s")"
            if ratingOnly > 0 {
                text += " and \(ratingOnly) rating-only answer\(ratingOnly == 1 ? "" : "s") (no comment)"
            }
            if missing > 0 { text += "; \(missing) of \(comments) comments have no value" }
            if ratingOnly > ratingOnlyValued {
                text += "; \(ratingOnly - ratingOnlyValued) of \(ratingOnly) rating-only answers have no value"
            }
            return text
        }
    }
}

extension Aggregation {
    /// One report per column the options name, in the order of the options.
    public var columnReports: [ColumnReport] {
        var named: [(ColumnReport.Role, String)] = options.groupBy.map { (.groupBy, $0) }
        if let column = options.dateColumn { named.append((.date, column)) }
        for scale in RatingScale.allCases {
            if let column = options.column(for: scale) { named.append((ColumnReport.Role(rawValue: scale.rawValue)!, column)) }
        }
        return named.map { role, column in
            ColumnReport(role: role, column: column, comments: coverage.comments,
                         present: coverage.present[column] ?? 0,
                         missing: coverage.comments - (coverage.valued[column] ?? 0),
                         unreadable: role == .groupBy ? ColumnCoverage.Unreadable()
                            : coverage.unreadable[role.rawValue] ?? ColumnCoverage.Unreadable(),
                         knownColumns: coverage.knownColumns,
                         ratingOnly: role.isRating ? coverage.ratingOnly : 0,
                         ratingOnlyValued: role.isRating ? coverage.ratingOnlyValued[column] ?? 0 : 0)
        }
    }
}
