import RaterCore

/// The analysts' reviewed comments as a gold CSV that `rater eval` (sentiment from `label`, dimensions with
/// `--aspect-scheme rater` from `dimensions`) and `rater lexicon learn` read, the same columns as `Corpora/gold/`
/// and a few more.
///
/// Only judgements are exported. `label` is empty unless an analyst set or accepted it (`rater eval` and
/// `rater lexicon learn` leave a comment without a label out); `dimensions` lists the judged dimensions, and
/// `judged` names what was judged (`label`, dimension names, signal names), so `rater eval --aspect-scheme rater`
/// scores a comment's dimension only where it was judged, and `rater eval --expectation-column expectation …` a
/// signal only where it was set (`expectation`, `recovery`, `loyalty`: the value set, empty for none). Before, a comment corrected in one dimension was exported with the
/// machine's label and other dimensions, and evaluating or learning on it partly graded the machine against itself.
///
/// Every cell is untrusted (ids, text, analyst names, file names) and is written for two readers at once:
/// - Cells are quoted as RFC 4180 says, decided on Unicode scalars (`CSVText.quoted`): a CR or LF anywhere, a comma
///   or a quote, and the cell is quoted, so no value can end its row or cell early.
/// - A cell a spreadsheet would run as a formula (first character `=`, `+`, `-`, `@`, tab or CR) gets a leading
///   apostrophe, and so does a cell that already starts with one (`CSVText.reversiblyDefused`). Rater's CSV
///   reader recognises the gold header (`GoldFileLayout`) and drops that one apostrophe again, so `rater eval` and
///   `rater lexicon learn` see the comment exactly as it was analysed.
public enum GoldExport {
    public static let header = GoldFileLayout.header

    public static func csv(_ comments: [ReviewComment]) -> String {
        var output = header.joined(separator: ",") + "\r\n"
        for comment in comments {
            let last = comment.lastCorrection
            // Only what an analyst judged: the label cell is empty when only dimensions were corrected, and the
            // dimensions cell holds the judged dimensions alone; `judged` names both, so an absent dimension reads as
            // "judged absent" only where it was.
            let cells = [comment.id, comment.language, comment.text,
                         comment.isLabelJudged ? comment.label.rawValue : "", comment.judgedDimensionPairs]
                + SignalKind.allCases.map(comment.judgedSignalCell)
                + [comment.judgedFields, comment.machineLabel.rawValue, last?.analyst ?? "",
                         last?.createdAt ?? "", comment.source, comment.key]
            output += cells.map(cell).joined(separator: ",") + "\r\n"
        }
        return output
    }

    static func cell(_ value: String) -> String {
        CSVText.quoted(CSVText.reversiblyDefused(value))
    }
}
