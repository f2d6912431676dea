/// Decides whether the first line of content that splits like a table names its columns, for format detection
/// without an extension or `--format` (standard input, mostly).
///
/// A consistent delimiter alone does not make a table: comments written one per line often have a comma each
/// ("Great food, slow service"), and reading them as CSV took the first comment for a header and cut the others
/// at their commas. What a comment export's header has and prose does not: a column Rater looks for by name
/// (text, comment, id …, or the one `--text-column`/`--id-column` names), or else only short names, each with a
/// letter, no sentence punctuation and no space after the delimiter. Prose that passes (a comma with no space
/// after it, and short words on each side) still reads as CSV; an extension or `--format` decides then.
enum HeaderSniffer {
    /// Longer than any column name an export tool writes, shorter than most comments.
    static let maximumNameBytes = 40
    /// Words in a name: "Review Text", "Date of visit"; a phrase of four words or more is prose.
    static let maximumSpacesInName = 2

    /// Whether `head`'s first line looks like the header of a table delimited by `delimiter`.
    static func looksLikeHeader(_ head: ArraySlice<UInt8>, delimiter: UInt8, options: IngestOptions) -> Bool {
        let fields = firstLineFields(head, delimiter: delimiter)
        var known = Set((DelimitedRecordReader.defaultTextColumns + DelimitedRecordReader.defaultIDColumns)
            .map { $0.lowercased() })
        for named in [options.textColumn, options.idColumn] {
            if let named { known.insert(named.trimmingSpaces().lowercased()) }
        }
        if fields.contains(where: { known.contains($0.name.lowercased()) }) { return true }
        guard fields.contains(where: { !$0.name.isEmpty }) else { return false }
        // Empty names are allowed: an index column written by pandas has none.
        return fields.allSatisfy { $0.name.isEmpty || isName($0.name, spaced: $0.spaced) }
    }

    /// One field of the first line: the name inside any quotes and spaces, and whether spaces stood around it.
    struct FirstLineField {
        var name: String
        var spaced: Bool
    }

    /// The first line's fields, split at `delimiter` outside quotes, up to the first LF or CR outside quotes.
    static func firstLineFields(_ head: ArraySlice<UInt8>, delimiter: UInt8) -> [FirstLineField] {
        var fields = [FirstLineField]()
        var field = [UInt8]()
        var inQuotes = false
        func endField() {
            func isSpace(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 }
            let spaced = isSpace(field.first) || isSpace(field.last)
            var bytes = field[...].drop(while: isSpace)
            while isSpace(bytes.last) { bytes.removeLast() }
            if bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 {
                // A quoted name: its doubled quotes stand for one.
                var inner = [UInt8]()
                for byte in bytes.dropFirst().dropLast() where !(byte == 0x22 && inner.last == 0x22) {
                    inner.append(byte)
                }
                bytes = inner[...]
            }
            fields.append(FirstLineField(name: String(decoding: bytes, as: UTF8.self).trimmingSpaces(), spaced: spaced))
            field.removeAll()
        }
        for byte in head {
            // Quotes open only a field that starts with one, as in the scanner: `5" screen` is a name.
            if byte == 0x22 && (inQuotes || field.isEmpty || field.first == 0x22) { inQuotes.toggle() }
            if !inQuotes && (byte == 0x0A || byte == 0x0D) { break }
            if !inQuotes && byte == delimiter { endField() } else { field.append(byte) }
        }
        endField()
        return fields
    }

    /// A column name: short, with a letter (any script: 编号, Note 2), at most a few words, no sentence
    /// punctuation, and not set off by a space after the delimiter as the words after a comma in a sentence are.
    static func isName(_ name: String, spaced: Bool) -> Bool {
        guard !spaced, name.utf8.count <= maximumNameBytes, name.contains(where: \.isLetter) else { return false }
        guard name.filter({ $0 == " " }).count <= maximumSpacesInName, !name.hasSuffix(".") else { return false }
        return !name.contains { "!?…。！？，、；".contains($0) }
    }
}
