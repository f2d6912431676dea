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
    public var mayBeRatingOnly: Bool {
        guard reason.isNoComment else { return false }
        let leaves = fields.map { Field(Self.leafName($0.name), $0.value) }
        return !DelimitedRecordReader.defaultTextColumns.contains { name in
            leaves.value(ofColumn: name).map { !RecordText.isBlank($0) } ?? false
        }
    }

    /// An XML field's last step (`feedback/comment` → `comment`, `@body` → `body`).
    private static func leafName(_ name: String) -> String {
        let leaf = name.split(separator: "/").last.map(String.init) ?? name
        return leaf.hasPrefix("@") ? String(leaf.dropFirst()) : leaf
    }
}
