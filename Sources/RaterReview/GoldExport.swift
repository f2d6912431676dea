/// The analysts' reviewed comments as a gold CSV that `rater eval` (sentiment from `label`, dimensions with
/// `--aspect-scheme rater` from `dimensions`) and `rater lexicon learn` read as they are, the same layout as
/// `Corpora/gold/`.
///
/// Cells are quoted as RFC 4180 says and otherwise written exactly: unlike the aggregate CSVs, text is not
/// defused for spreadsheets with a leading apostrophe, because the gold file must give back the comment as it
/// was analysed. Open it in a spreadsheet with the text column imported as text.
public enum GoldExport {
    public static let header = ["id", "lang", "text", "label", "dimensions", "machine_label", "reviewed_by",
                                "reviewed_at", "source", "comment_key"]

    public static func csv(_ comments: [ReviewComment]) -> String {
        var output = header.joined(separator: ",") + "\r\n"
        for comment in comments {
            let last = comment.lastCorrection
            let cells = [comment.id, comment.language, comment.text, comment.label.rawValue, comment.dimensionPairs,
                         comment.machineLabel.rawValue, last?.analyst ?? "", last?.createdAt ?? "", comment.source,
                         comment.key]
            output += cells.map(cell).joined(separator: ",") + "\r\n"
        }
        return output
    }

    static func cell(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        var quoted = "\""
        for character in value {
            if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
        }
        return quoted + "\""
    }
}
