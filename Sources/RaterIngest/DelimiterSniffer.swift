/// Guesses the field delimiter of a delimited export from its first rows: `,` `;` tab or `|`.
///
/// Spreadsheet programs write `;` where the decimal separator is a comma, and call-centre tools like `|` and tab.
/// The right delimiter splits every sampled row into the same number of fields (more than one); quoted fields are
/// skipped so a comma inside a quoted comment does not vote.
public enum DelimiterSniffer {
    public static let candidates: [UInt8] = [UInt8(ascii: ","), 0x09, UInt8(ascii: ";"), UInt8(ascii: "|")]
    static let sampleRows = 20

    /// The delimiter, or nil when no candidate splits the sample consistently.
    public static func sniff(_ head: [UInt8]) -> UInt8? {
        var best: (delimiter: UInt8, score: Int)?
        for delimiter in candidates {
            let counts = fieldCounts(head, delimiter: delimiter)
            guard let first = counts.first, first > 1 else { continue }
            // Rows agreeing with the header's field count, weighted by that count: consistency first, width second.
            let agreeing = counts.filter { $0 == first }.count
            guard agreeing * 10 >= counts.count * 8 else { continue }
            let score = agreeing * 1_000 + first
            if best == nil || score > best!.score { best = (delimiter, score) }
        }
        return best?.delimiter
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
