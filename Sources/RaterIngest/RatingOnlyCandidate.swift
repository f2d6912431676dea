import RaterCore

extension Rejection {
    /// Whether this record may be a rating-only answer, if it holds a valid rating: it has no comment where the
    /// comment belongs (`Reason.isNoComment`), and no other field under a name exports give comments holds one.
    ///
    /// A JSON member or XML element an exporter leaves out for an empty answer looks the same as a comment under
    /// another name: an export whose member changed from `text` to `comment` half-way would otherwise have its
    /// rated comments counted as answers without one, with no word (the input-wide `CommentPlaceCheck` only speaks
    /// when no record has the place). Such a record stays a rejection, whose message names the field to pass.
    public var mayBeRatingOnly: Bool {
        guard reason.isNoComment else { return false }
        return !fields.contains { field in
            Self.commentNames.contains(Self.leafName(field.name)) && !RecordText.isBlank(field.value)
        }
    }

    /// The names tried for the comment when none is given (`DelimitedRecordReader.defaultTextColumns`), ASCII
    /// lowercased as the header lookup compares them.
    private static let commentNames = Set(DelimitedRecordReader.defaultTextColumns.map(asciiLowercased))

    /// An XML field's last step (`feedback/comment` → `comment`, `@body` → `body`), ASCII lowercased.
    private static func leafName(_ name: String) -> String {
        let leaf = name.split(separator: "/").last.map(String.init) ?? name
        return asciiLowercased(leaf.hasPrefix("@") ? String(leaf.dropFirst()) : leaf)
    }

    private static func asciiLowercased(_ name: String) -> String {
        String(decoding: name.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
