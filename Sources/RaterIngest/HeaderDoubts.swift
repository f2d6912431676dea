/// What the first rows of a CSV/TSV read with a header say about how it will be read, where the header leaves a
/// doubt: warnings for the log (`OpenedInput.notes`), never a change of what is read.
///
/// Two exports used to be read wrongly with exit 0 and no word:
/// - a header that names no comment column (`id,客户留言,评分`): the last column is the comment, and when it holds
///   the ratings every result is neutral, `und`;
/// - a file without a header (`101,Great food…`): its first record is taken for the header and never analysed.
///
/// The choice stays the header's (the last column; the first row is the header), whatever the rows hold: a choice
/// made from the rows would differ between the slices of one export (Spark partitions, `split` chunks, nights) and
/// put different columns in one table. So the doubt is said, with the option that settles it.
enum HeaderDoubts {
    /// Notes for a delimited input whose first row is taken for its header (not with `--no-header` or
    /// `--column-names`). `head` is the decoded start of the input.
    static func notes(_ head: ArraySlice<UInt8>, delimiter: UInt8, options: IngestOptions) -> [String] {
        guard options.hasHeader, options.columnNames == nil else { return [] }
        var bytes = head
        if DelimiterSniffer.excelSeparator(bytes) != nil {
            bytes = bytes.drop { $0 != 0x0A && $0 != 0x0D }.drop { $0 == 0x0A || $0 == 0x0D }
        }
        // JSON Lines or XML under a `.csv`/`.tsv` name (an export job's fixed file name): the extension decides, and
        // the rows come out as garbage with only the header's doubt to say so; the content says which format it is.
        if let first = bytes.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF
                                             && $0 != 0xBB && $0 != 0xBF }),
           first == UInt8(ascii: "{") || first == UInt8(ascii: "<") {
            let format = first == UInt8(ascii: "{") ? "jsonl" : "xml"
            return ["the file is read as \(delimiter == 0x09 ? "TSV" : "CSV") (its extension) but starts with '"
                + (format == "jsonl" ? "{" : "<") + "', as " + (format == "jsonl" ? "JSON Lines" : "XML")
                + " does; if it is, pass --format \(format)"]
        }
        let (fields, rest) = HeaderSniffer.lineFields(bytes, delimiter: delimiter)
        let header = fields.map(\.name)
        // One column is the comment whatever its name (a line splitting at another delimiter has its own note).
        guard header.count > 1, header.contains(where: { !$0.isEmpty }) else { return [] }
        let rows = sampleRows(rest, delimiter: delimiter)
        // The test that decides whether content without an extension is a table: a first line that names no column
        // Rater looks for and holds something no header holds (prose, a bare number).
        if HeaderSniffer.judge(bytes, delimiter: delimiter, options: options) == .notHeader {
            let shown = header.prefix(3).map { "'\(shortened($0))'" }.joined(separator: ", ")
            return ["the first line does not look like a header (\(shown)\(header.count > 3 ? " …" : "")) but is read "
                + "as one, so that record is not analysed and names the columns; if the file has no header, pass "
                + "--no-header (or --column-names)"]
        }
        guard options.textColumn == nil else { return [] }
        let known = Set(DelimitedRecordReader.defaultTextColumns)
        guard !header.contains(where: { known.contains($0.lowercased()) }) else { return [] }
        let last = header.count - 1
        let names = DelimitedRecordReader.defaultTextColumns.prefix(5).joined(separator: ", ")
        var note = "no column is named as a comment column (\(names) …), so the last one, '\(header[last])', is read "
            + "as the comment (the header: "
            + header.map { $0.isEmpty ? "''" : $0 }.joined(separator: ", ") + "); name it with --text-column"
        let values = rows.compactMap { $0.count > last ? $0[last] : nil }.filter { !$0.isEmpty }
        if !values.isEmpty, values.allSatisfy(isNumber), let text = textiest(rows, columns: header.count, except: last) {
            note = "the comment column is a guess and looks wrong: the last column, '\(header[last])', is read as the "
                + "comment, but its first \(values.count) value\(values.count == 1 ? " is a number" : "s are all numbers") "
                + "(e.g. '\(values[0])') while column '\(header[text])' holds text: if the comments are there, pass "
                + "--text-column '\(header[text])' (the header names no comment column: "
                + header.map { $0.isEmpty ? "''" : $0 }.joined(separator: ", ") + ")"
        }
        return [note]
    }

    /// The cells of the sampled rows after the header (a row's quoted line breaks kept).
    private static func sampleRows(_ rest: ArraySlice<UInt8>, delimiter: UInt8) -> [[String]] {
        var rows = [[String]]()
        var rest = rest
        while rows.count < DelimiterSniffer.sampleRows {
            while let first = rest.first, first == 0x0A || first == 0x0D { rest = rest.dropFirst() }
            guard !rest.isEmpty else { break }
            let (cells, next) = HeaderSniffer.lineFields(rest, delimiter: delimiter)
            // The head may end inside a row: a row with nothing after it is not whole.
            if next.isEmpty && rows.count > 0 { break }
            rest = next
            rows.append(cells.map(\.name))
        }
        return rows
    }

    /// A rating, an id, an amount: digits with at most signs, points, commas and a percent sign.
    static func isNumber(_ cell: String) -> Bool {
        cell.contains(where: \.isNumber) && cell.allSatisfy { $0.isNumber || "+-.,%".contains($0) }
    }

    /// The column (other than `except`) whose sampled cells hold the most letters: where the comments likely are.
    /// Nil when no other column holds a letter.
    private static func textiest(_ rows: [[String]], columns: Int, except: Int) -> Int? {
        var letters = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.prefix(columns).enumerated() where index != except {
                letters[index] += cell.filter(\.isLetter).count
            }
        }
        guard let best = letters.indices.max(by: { letters[$0] < letters[$1] }), letters[best] > 0 else { return nil }
        return best
    }

    private static func shortened(_ cell: String) -> String {
        cell.count > 30 ? String(cell.prefix(30)) + "…" : cell
    }
}
