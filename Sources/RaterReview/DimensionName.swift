import RaterCore

/// A dimension named in a correction (`add_dimension:NAME:…`) or a filter (`?dimension=NAME`), read strictly.
///
/// The workspace corrects by the five RATER dimensions only. Aspects (price, product, location) are in the results
/// database (`aspect_mentions`), the page shows them and the list filters by them (`?aspect=`, the machine's
/// reading), but an analyst's judgement of them would have
/// nowhere to go: the gold file's `dimensions` column, read by `rater eval --aspect-scheme rater`, is a complete
/// list of the comment's dimensions, and carrying aspects there would make every comment reviewed before them read
/// as "no price, no product". An aspect named here is therefore called an aspect, not an unknown dimension.
enum DimensionName {
    static let known = ServiceDimension.allCases.map(\.rawValue).joined(separator: ", ")

    /// Why `name` is no dimension the workspace corrects, for a refused correction.
    static func correctionProblem(_ name: String) -> String {
        Aspect(rawValue: name) == nil ? unknown(name)
            : "'\(name)' is an aspect: the workspace corrects only the five RATER dimensions (\(known)); aspects are not corrected"
    }

    /// Why `name` is no dimension the list can filter by.
    static func filterProblem(_ name: String) -> String {
        Aspect(rawValue: name) == nil ? unknown(name)
            : "'\(name)' is an aspect, not a dimension (\(known)): filter it with the aspect filter (aspect=\(name))"
    }

    private static func unknown(_ name: String) -> String { "unknown dimension '\(name)' (dimensions: \(known))" }
}
