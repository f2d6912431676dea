/// RFC 4180 quoting and spreadsheet defusing for CSV cells written from untrusted text, shared by every CSV Rater
/// writes (the aggregate summaries, the review workspace's gold file) and by the reader that takes the gold file
/// back.
///
/// Everything here works on Unicode scalars, never on `Character`s: "\r\n" is one `Character` equal to neither
/// "\r" nor "\n", and a quote followed by a combining mark is one `Character` unequal to "\"", so a test on
/// `Character`s lets a CRLF or a quote through unquoted or undoubled, and the cell ends early. CSV readers (Rater's
/// own, spreadsheets) split on bytes.
public enum CSVText {
    /// An RFC 4180 cell: wrapped in double quotes, with each quote doubled, when it holds a comma, a quote, a CR or
    /// an LF; otherwise as it is.
    public static func quoted(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        var cell = String.UnicodeScalarView()
        cell.append("\"")
        for scalar in value.unicodeScalars {
            cell.append(scalar)
            if scalar == "\"" { cell.append("\"") }
        }
        cell.append("\"")
        return String(cell)
    }

    /// Whether a spreadsheet would take a cell starting with `scalar` as a formula: `=`, `+`, `-`, `@`, tab and
    /// CR (the OWASP list for CSV injection).
    public static func startsFormula(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "=" || scalar == "+" || scalar == "-" || scalar == "@" || scalar == "\t" || scalar == "\r"
    }

    /// The value with a leading apostrophe when a spreadsheet would run it, so it shows as text. One way: for files
    /// read by people only.
    public static func defused(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, startsFormula(first) else { return value }
        return "'" + value
    }

    /// Like `defused`, but reversible by `restored`: a value that already starts with an apostrophe gets another
    /// one, so every value written with a leading apostrophe had exactly one added.
    public static func reversiblyDefused(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, startsFormula(first) || first == "'" else { return value }
        return "'" + value
    }

    /// Undoes `reversiblyDefused`: drops one leading apostrophe.
    public static func restored(_ value: String) -> String {
        guard value.unicodeScalars.first == "'" else { return value }
        return String(value.unicodeScalars.dropFirst())
    }
}

/// The gold CSV the review workspace exports (`rater serve`, `rater corrections export`) and `rater eval` and
/// `rater lexicon learn` read back.
///
/// Every cell is written with `CSVText.reversiblyDefused`, so no cell reaches a spreadsheet as a live formula; a
/// CSV reader that finds exactly this header (a file Rater wrote) gives every cell back with `CSVText.restored`,
/// so the text is analysed exactly as it was.
public enum GoldFileLayout {
    public static let header = ["id", "lang", "text", "label", "dimensions", "expectation", "recovery", "loyalty",
                                "judged", "machine_label", "reviewed_by", "reviewed_at", "source", "comment_key"]
    /// The signal columns (`set_signal` corrections), read by `rater eval --expectation-column expectation …`.
    public static let signalColumns = ["expectation", "recovery", "loyalty"]
    /// The header before the signal columns (files exported until 2026-11-29): still read back unchanged.
    public static let headerWithoutSignals = header.filter { !signalColumns.contains($0) }
    /// The header before the `judged` column (files exported until 2026-11-28): still read back unchanged.
    public static let headerWithoutJudged = headerWithoutSignals.filter { $0 != judgedColumn }
    /// The column naming what an analyst judged on the row: `label`, dimension names and signal names, `;`-separated.
    public static let judgedColumn = "judged"

    /// The names a row's `judged` cell lists (trimmed, lower-cased), or nil when the row has no such column: what
    /// `JudgedDimensions` and `JudgedSignals` read their part of.
    public static func judgedNames(in fields: [Field]) -> [String]? {
        guard let cell = fields.first(where: {
            $0.name.trimmingCharacters(in: .whitespaces).lowercased() == judgedColumn
        })?.value else { return nil }
        return cell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// Whether a CSV header (names as read, surrounding spaces already trimmed) is the gold file's.
    public static func matches(_ names: [String]) -> Bool {
        [header, headerWithoutSignals, headerWithoutJudged].contains { layout in
            names.count == layout.count && zip(names, layout).allSatisfy { $0.lowercased() == $1 }
        }
    }
}
