import Foundation
import RaterCore

/// The dimensions an analyst accepted, kept with the `accept` correction as `dimension:label` pairs
/// (`tangibles:positive;assurance:negative`, the gold file's format, written by `ReviewComment.dimensionPairs`;
/// empty for a comment with none).
///
/// An accept judges the comment *as shown*. Before the pairs were kept, a comment's accepted dimensions were
/// whatever the machine reported at export time, so a later run with other lexicons had its new dimensions
/// exported as judged, and `rater eval --aspect-scheme rater` graded the machine against itself.
public enum AcceptedDimensions {
    /// The dimensions in `pairs`, or nil when a pair is not `dimension:label` with names Rater knows (a stored
    /// value is never malformed unless someone wrote the table by hand; a posted one may be). A dimension named
    /// twice keeps its last label.
    public static func parse(_ pairs: String) -> [ServiceDimension: SentimentLabel]? {
        var dimensions = [ServiceDimension: SentimentLabel]()
        for pair in pairs.split(separator: ";", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2,
                  let dimension = ServiceDimension(rawValue: parts[0].trimmingCharacters(in: .whitespaces)),
                  let label = SentimentLabel(rawValue: parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
            dimensions[dimension] = label
        }
        return dimensions
    }
}
