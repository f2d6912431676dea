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
        let lower = path.lowercased()
        let name = lower.hasSuffix(".gz") ? String(lower.dropLast(3)) : lower
        if name.hasSuffix(".csv") { return .csv }
        if name.hasSuffix(".tsv") || name.hasSuffix(".tab") { return .tsv }
        if name.hasSuffix(".xml") { return .xml }
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return .jsonl }
        if name.hasSuffix(".txt") || name.hasSuffix(".text") { return .text }
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            return .text
        }
        if first == UInt8(ascii: "<") { return .xml }
        // A comment export in plain text hardly ever starts with a brace; one JSON object per line does.
        if first == UInt8(ascii: "{") { return .jsonl }
        // Excel's `sep=;` line is written before tables only.
        if let named = DelimiterSniffer.excelSeparator(bytes) { return named == 0x09 ? .tsv : .csv }
        // Only a delimiter that splits the rows the same way, under a line that looks like a header, makes a
        // table: prose has commas too. With --no-header or --column-names the first row is data, and those options
        // mean a table. An extension or --format decides when content cannot.
        guard let delimiter = DelimiterSniffer.sniff(Array(bytes)) else { return .text }
        let headerless = !options.hasHeader || options.columnNames != nil
        guard headerless || HeaderSniffer.looksLikeHeader(bytes, delimiter: delimiter, options: options) else {
            return .text
        }
        return delimiter == 0x09 ? .tsv : .csv
    }
}
