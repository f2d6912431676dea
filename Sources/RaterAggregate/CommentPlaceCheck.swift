import RaterCore

/// Whether an input's records ever had a place for the comment, when some of them were counted as rating-only
/// answers because they had none.
///
/// A JSON Lines or XML exporter may leave an empty comment's member or element out (or write it as null), and a
/// survey answer with a rating and no comment is then a rating-only answer, as an empty CSV cell is. But a wrong
/// `--text-column` or `--xml-text` leaves the place out of every record, and on a survey export every record would
/// pass as a rating-only answer, where it used to be rejected as `missing_member`: so an input none of whose records
/// had the place, while some were counted so, is named in the run's summary with what its first record held.
public struct CommentPlaceCheck: Sendable, Equatable {
    public let source: String
    /// A record with the comment's place (analysed, or rejected for anything but its absence) was read.
    public private(set) var placeSeen = false
    /// The rating-only answers counted because their record had no place for the comment.
    public private(set) var answersWithoutPlace = 0
    /// The first of them, as its rejection said it.
    public private(set) var first: Rejection?

    public init(source: String) { self.source = source }

    /// A record that had the comment's place was read.
    public mutating func sawPlace() { placeSeen = true }

    /// A record that was not analysed was read: it had the place unless its rejection says it had none.
    public mutating func read(_ rejection: Rejection, countedAsAnswer: Bool) {
        switch rejection.reason {
        case .missingMember(_, _, _, true):
            // `"text":null`: the member is there, and says the answer has no comment.
            placeSeen = true
        case .missingMember, .missingElement:
            guard countedAsAnswer else { return }
            answersWithoutPlace += 1
            if first == nil { first = rejection }
        default:
            placeSeen = true
        }
    }

    /// True when every answer counted for want of a comment's place came from an input that never had one.
    public var isSuspect: Bool { !placeSeen && answersWithoutPlace > 0 }

    /// The summary's line for a suspect input.
    public var summaryText: String {
        "no record of \(source) has a place for the comment, and its \(answersWithoutPlace) record"
            + (answersWithoutPlace == 1 ? " with a rating was" : "s with a rating were")
            + " counted as rating-only answers (no comment); is the text option right? The first, "
            + (first.map { "\($0.location): \($0.reason.message)" } ?? "?")
    }
}
