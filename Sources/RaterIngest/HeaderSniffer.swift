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

    /// What the first line says.
    enum Judgement: Equatable {
        case header
        case notHeader
        /// Short names in a script written without a space after a comma (Chinese, Japanese), over rows that do not
        /// show a table: as likely comments with a comma each. Read as text, and said so.
        case ambiguous
    }

    /// Whether `head`'s first line looks like the header of a table delimited by `delimiter`.
    static func looksLikeHeader(_ head: ArraySlice<UInt8>, delimiter: UInt8, options: IngestOptions) -> Bool {
        judge(head, delimiter: delimiter, options: options) == .header
    }

    /// A column Rater looks for makes a header. Else only short names do, and the space test (`isName`) is what
    /// tells them from prose; but it tells only where prose puts a space after a comma. Chinese does not (`好评,推荐`
    /// is two words of a comment as much as two column names), so names without a Latin letter need the rows to
    /// show a table as well: a column whose cells are all ASCII (ids, dates, numbers, codes) under them.
    static func judge(_ head: ArraySlice<UInt8>, delimiter: UInt8, options: IngestOptions) -> Judgement {
        let (fields, rest) = lineFields(head, delimiter: delimiter)
        var known = Set((DelimitedRecordReader.defaultTextColumns + DelimitedRecordReader.defaultIDColumns
                         + DelimitedRecordReader.sharedKeyColumns).map { $0.lowercased() })
        for named in [options.textColumn, options.idColumn] {
            if let named { known.insert(named.trimmingSpaces().lowercased()) }
        }
        if fields.contains(where: { known.contains($0.name.lowercased()) }) { return .header }
        guard fields.contains(where: { !$0.name.isEmpty }) else { return .notHeader }
        // Empty names are allowed: an index column written by pandas has none.
        guard fields.allSatisfy({ $0.name.isEmpty || isName($0.name, spaced: $0.spaced) }) else { return .notHeader }
        func isLatinLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        if fields.contains(where: { $0.name.utf8.contains(where: isLatinLetter) }) { return .header }
        return rowsShowATable(rest, delimiter: delimiter, columns: fields.count) ? .header : .ambiguous
    }

    /// Whether some column of the sampled rows after the first line holds only ASCII cells (and at least one).
    static func rowsShowATable(_ rows: ArraySlice<UInt8>, delimiter: UInt8, columns: Int) -> Bool {
        var seen = [Bool](repeating: false, count: columns)
        var ascii = [Bool](repeating: true, count: columns)
        var rest = rows
        for _ in 0..<DelimiterSniffer.sampleRows {
            while let first = rest.first, first == 0x0A || first == 0x0D { rest = rest.dropFirst() }
            guard !rest.isEmpty else { break }
            let (cells, next) = lineFields(rest, delimiter: delimiter)
            rest = next
            for (index, cell) in cells.prefix(columns).enumerated() where !cell.name.isEmpty {
                seen[index] = true
                if cell.name.utf8.contains(where: { $0 >= 0x80 }) { ascii[index] = false }
            }
        }
        return (0..<columns).contains { seen[$0] && ascii[$0] }
    }

    /// One field of the first line: the name inside any quotes and spaces, and whether spaces stood around it.
    struct FirstLineField {
        var name: String
        var spaced: Bool
    }

    /// The first line's fields, split at `delimiter` outside quotes, up to the first LF or CR outside quotes.
    static func firstLineFields(_ head: ArraySlice<UInt8>, delimiter: UInt8) -> [FirstLineField] {
        lineFields(head, delimiter: delimiter).fields
    }

    /// The first line's fields, and what follows the line (from its line break on).
    static func lineFields(_ head: ArraySlice<UInt8>, delimiter: UInt8)
        -> (fields: [FirstLineField], rest: ArraySlice<UInt8>)
    {
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
        var end = head.endIndex
        for index in head.indices {
            let byte = head[index]
            // Quotes open only a field that starts with one, as in the scanner: `5" screen` is a name.
            if byte == 0x22 && (inQuotes || field.isEmpty || field.first == 0x22) { inQuotes.toggle() }
            if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                end = index
                break
            }
            if !inQuotes && byte == delimiter { endField() } else { field.append(byte) }
        }
        endField()
        return (fields, head[end...])
    }

    /// A column name: short, with a letter (any script: 编号, Note 2), at most a few words, no sentence
    /// punctuation, and not set off by a space after the delimiter as the words after a comma in a sentence are.
    static func isName(_ name: String, spaced: Bool) -> Bool {
        guard !spaced, name.utf8.count <= maximumNameBytes, name.contains(where: \.isLetter) else { return false }
        guard name.filter({ $0 == " " }).count <= maximumSpacesInName, !name.hasSuffix(".") else { return false }
        return !name.contains { "!?…。！？，、；".contains($0) }
    }
}
