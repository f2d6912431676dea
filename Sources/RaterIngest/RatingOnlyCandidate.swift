import Foundation
import RaterCore

extension Rejection {
    /// Whether this record may be a rating-only answer, if it holds a valid rating: it has no comment where the
    /// comment belongs (`Reason.isNoComment`), and no other field under a name exports give comments holds one.
    ///
    /// A JSON member or XML element an exporter leaves out for an empty answer looks the same as a comment under
    /// another name: an export whose member changed from `text` to `comment` half-way would otherwise have its
    /// rated comments counted as answers without one, with no word (the input-wide `CommentPlaceCheck` only speaks
    /// when no record has the place). Such a record stays a rejection, whose message names the field to pass. The
    /// names are those the CSV header lookup tries (`DelimitedRecordReader.defaultTextColumns`), compared as the
    /// column options compare theirs (`[Field].value(ofColumn:)`, ASCII case aside), by an XML field's last step.
    ///
    /// `ratingColumns` (the run's `--nps-column`, `--csat-column`, `--ces-column`) are no comment's place whatever
    /// their name: `--csat-column review` reads a rating where a comment could have been. Nor is a bare number (a
    /// rating or a code under a name such as `feedback`): a comment is words.
    public func mayBeRatingOnly(besides ratingColumns: [String] = []) -> Bool {
        guard reason.isNoComment else { return false }
        let leaves = fields.filter { field in !ratingColumns.contains { [field].value(ofColumn: $0) != nil } }
            .map { Field(Self.leafName($0.name), $0.value) }
        return !DelimitedRecordReader.defaultTextColumns.contains { name in
            leaves.value(ofColumn: name).map { !RecordText.isBlank($0) && !Self.isNumber($0) } ?? false
        }
    }

    /// A value that is a number and nothing else (`4`, ` 9.5 `, `-1`): a rating, never a comment.
    static func isNumber(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && Double(trimmed) != nil
    }

    /// An XML field's last step (`feedback/comment` → `comment`, `@body` → `body`).
    private static func leafName(_ name: String) -> String {
        let leaf = name.split(separator: "/").last.map(String.init) ?? name
        return leaf.hasPrefix("@") ? String(leaf.dropFirst()) : leaf
    }
}
