/// The export formats Rater reads.
public enum InputFormat: String, Sendable, CaseIterable {
    case auto
    case text
    case csv
    case tsv
    case xml
    /// JSON Lines / NDJSON: one JSON object per line.
    case jsonl

    /// Decides a concrete format from the file name, then from the first bytes of content. `options` tell whether
    /// the first row of a table is its header, and which columns to look for in it (see `HeaderSniffer`).
    public static func detect(path: String, head: [UInt8], options: IngestOptions = IngestOptions()) -> InputFormat {
        detectExplained(path: path, head: head, options: options).format
    }

    /// `detect`, with a note for the user where the content left the choice in doubt: which format was taken, and
    /// how to force the other.
    public static func detectExplained(path: String, head: [UInt8], options: IngestOptions = IngestOptions())
        -> (format: InputFormat, note: String?)
    {
        let format = detectFormat(path: path, head: head, options: options)
        guard case let .ambiguous(delimiter) = format else { return (format.decided, nil) }
        return (.text, "read as plain text, one comment per line: its lines split alike at "
            + "\(DelimiterSniffer.quoted(delimiter)), but the first line could be a comment as well as a header; "
            + "--format csv reads it as a table")
    }

    /// A format, or text where a table was as likely.
    private enum Detected {
        case decided(InputFormat)
        case ambiguous(delimiter: UInt8)

        var decided: InputFormat { if case let .decided(format) = self { format } else { .text } }
    }

    private static func detectFormat(path: String, head: [UInt8], options: IngestOptions) -> Detected {
        let lower = path.lowercased()
        let name = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
        if name.hasSuffix(".csv") { return .decided(.csv) }
        if name.hasSuffix(".tsv") || name.hasSuffix(".tab") { return .decided(.tsv) }
        if name.hasSuffix(".xml") { return .decided(.xml) }
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return .decided(.jsonl) }
        if name.hasSuffix(".txt") || name.hasSuffix(".text") { return .decided(.text) }
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            return .decided(.text)
        }
        if first == UInt8(ascii: "<") { return .decided(.xml) }
        // A comment export in plain text hardly ever starts with a brace; one JSON object per line does.
        if first == UInt8(ascii: "{") { return .decided(.jsonl) }
        // Excel's `sep=;` line is written before tables only.
        if let named = DelimiterSniffer.excelSeparator(bytes) { return .decided(named == 0x09 ? .tsv : .csv) }
        // Only a delimiter that splits the rows the same way, under a line that looks like a header, makes a
        // table: prose has commas too. With --no-header or --column-names the first row is data, and those options
        // mean a table. An extension or --format decides when content cannot.
        guard let delimiter = DelimiterSniffer.sniff(Array(bytes)) else { return .decided(.text) }
        let table: InputFormat = delimiter == 0x09 ? .tsv : .csv
        if !options.hasHeader || options.columnNames != nil { return .decided(table) }
        switch HeaderSniffer.judge(bytes, delimiter: delimiter, options: options) {
        case .header: return .decided(table)
        case .notHeader: return .decided(.text)
        case .ambiguous: return .ambiguous(delimiter: delimiter)
        }
    }
}
