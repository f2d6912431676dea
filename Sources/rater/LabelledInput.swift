import Rater

/// Opens a labelled file for `eval`, `calibrate` and `lexicon learn`, saying on standard error what the opener had
/// to guess (`OpenedInput.notes`: read as text although it might be a table, read as one column …), as `analyze` and
/// `records` do: a gold file read the wrong way gives figures that look like bad accuracy.
enum LabelledInput {
    static func reader(path: String, options: IngestOptions) throws -> any RecordReader {
        let opened = try InputOpener.open(path: path, options: options)
        for note in opened.notes { printError("rater: \(path): \(note)") }
        return opened.reader
    }
}
