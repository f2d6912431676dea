/// Guesses the field delimiter of a delimited export from its first rows: `,` `;` tab or `|`.
///
/// Spreadsheet programs write `;` where the decimal separator is a comma, and call-centre tools like `|` and tab.
/// The right delimiter splits the header into more than one field and most sampled rows into as many; quoted
/// fields are skipped so a comma inside a quoted comment does not vote. A majority of the rows, the header among
/// them, is enough: a comment with an unquoted delimiter (`3;C;ok;but noisy`, kept as `column_4`) is a ragged row, and
/// asking 80% of a short sample to agree made one such row turn a `;` file into one column, the whole row the
/// comment, without a word.
public enum DelimiterSniffer {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), 0x09, UInt8(ascii: ";"), UInt8(ascii: "|")]
    static let sampleRows = 20

    /// The delimiter, or nil when no candidate splits the sample consistently.
    public static func sniff(_ head: [UInt8]) -> UInt8? {
        var best: (delimiter: UInt8, score: Int)?
        for delimiter in candidates {
            let counts = fieldCounts(head, delimiter: delimiter)
            guard let first = counts.first, first > 1 else { continue }
            // Rows agreeing with the header's field count (the header among them), weighted by that count:
            // consistency first, width second.
            let agreeing = counts.filter { $0 == first }.count
            guard agreeing * 2 > counts.count else { continue }
            let score = agreeing * 1_000 + first
            if best == nil || score > best!.score { best = (delimiter, score) }
        }
        return best?.delimiter
    }

    /// The delimiter named by Excel's first line `sep=;` (written for, and honoured by, spreadsheet programs in
    /// locales whose list separator differs), or nil. The line is no header: the reader skips it.
    public static func excelSeparator(_ head: some Collection<UInt8>) -> UInt8? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard bytes.starts(with: Array("sep=".utf8)) else { return nil }
        let rest = bytes.dropFirst(4)
        guard let delimiter = rest.first, ![0x22, 0x0A, 0x0D].contains(delimiter), delimiter < 0x80 else { return nil }
        let after = rest.dropFirst().first
        return after == nil || after == 0x0A || after == 0x0D ? delimiter : nil
    }

    /// When `delimiter` makes the first line one column while another candidate splits it, what to tell the user:
    /// the rows did not split alike, and a name looked for in that header would not be found in any of its
    /// "columns". (A delimiter given with `--delimiter` is the user's word and gets no note.)
    static func oneColumnNote(_ head: [UInt8], delimiter: UInt8) -> String? {
        guard fieldCounts(head, delimiter: delimiter).first == 1 else { return nil }
        for other in candidates where other != delimiter {
            guard let fields = fieldCounts(head, delimiter: other).first, fields > 1 else { continue }
            return "read as one column: the first line splits into \(fields) columns at \(quoted(other)), but the "
                + "rows do not split alike; pass --delimiter \(quoted(other)) if that is the delimiter"
        }
        return nil
    }

    /// A delimiter as the option takes it: `';'`, `tab`.
    static func quoted(_ delimiter: UInt8) -> String {
        delimiter == 0x09 ? "tab" : "'\(Character(Unicode.Scalar(delimiter)))'"
    }

    /// Fields per complete row in the sample, honouring quotes; the last row is dropped if the sample cuts it.
    static func fieldCounts(_ head: [UInt8], delimiter: UInt8) -> [Int] {
        var counts = [Int]()
        var fields = 1
        var inQuotes = false
        var fieldStart = true
        var rowHasContent = false
        for (index, byte) in head.enumerated() {
            if inQuotes {
                if byte == 0x22 { inQuotes = false }
                continue
            }
            switch byte {
            case 0x22 where fieldStart:
                inQuotes = true
                fieldStart = false
                rowHasContent = true
            case delimiter:
                fields += 1
                fieldStart = true
                rowHasContent = true
            case 0x0A, 0x0D:
                // A row ends at LF, CR LF or a lone CR, as the CSV scanner reads them (a CR LF ends it at the LF).
                if byte == 0x0D && index + 1 < head.count && head[index + 1] == 0x0A { continue }
                if rowHasContent { counts.append(fields) }
                if counts.count == sampleRows { return counts }
                fields = 1
                fieldStart = true
                rowHasContent = false
            default:
                fieldStart = false
                rowHasContent = true
            }
        }
        // A sample that ends the file has a complete last row.
        if rowHasContent && head.count < EncodingDetector.sampleSize && !inQuotes { counts.append(fields) }
        return counts
    }
}
