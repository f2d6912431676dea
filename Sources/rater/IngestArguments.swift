import ArgumentParser
import Rater

/// How to read an export: the options every command that reads comments shares.
struct IngestArguments: ParsableArguments {
    @Option(help: "Input format: auto, text, csv, tsv, xml or jsonl (one JSON object per line).")
    var format: InputFormat = .auto

    @Option(help: ArgumentHelp("Input charset: UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, Big5, windows-1252 … (any ICU name).",
                               discussion: "Default: detected from a byte order mark, an XML declaration, valid UTF-8, else ICU's statistics."))
    var encoding: String?

    @Option(help: "CSV field delimiter: ',', ';', '|' or 'tab' (default: detected from the first rows).")
    var delimiter: Delimiter?

    @Flag(help: "The first CSV/TSV row is data, not a header; name columns by number (1 = first).")
    var noHeader = false

    @Option(help: ArgumentHelp("Names for the CSV/TSV columns, comma-separated, when the data has no header row (implies --no-header).",
                               valueName: "names"))
    var columnNames: String?

    @Flag(help: "Plain text: comments are paragraphs separated by blank lines (default: one per line).")
    var paragraphs = false

    @Option(help: "CSV/TSV column holding the comment: a header name or a 1-based number (JSON Lines: the member name, default 'text').")
    var textColumn: String?

    @Option(help: "CSV/TSV column holding the record id: a header name or a 1-based number (JSON Lines: the member name, default 'id').")
    var idColumn: String?

    @Option(help: "XML element that is one record, or a path ending in it such as 'export/ticket' (default: the first element name that occurs twice under the root; see README).")
    var xmlRecord: String?

    @Option(help: "Where the comment is in an XML record: a child ('text'), a path ('body/p') or an attribute ('@text') (default: 'text', else the record's own text).")
    var xmlText: String?

    @Option(help: "Where the id is in an XML record, in the same notation (default: the 'id' attribute).")
    var xmlId: String?

    var options: IngestOptions {
        var options = IngestOptions()
        options.format = format
        options.encoding = encoding
        options.delimiter = delimiter?.byte
        options.hasHeader = !noHeader && columnNames == nil
        options.columnNames = columnNames.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        options.paragraphs = paragraphs
        options.textColumn = textColumn
        options.idColumn = idColumn
        options.xmlRecord = xmlRecord
        options.xmlText = xmlText
        options.xmlID = xmlId
        return options
    }
}

/// A CSV delimiter as written on a command line.
struct Delimiter: ExpressibleByArgument {
    let byte: UInt8

    init?(argument: String) {
        switch argument.lowercased() {
        case ",", "comma": byte = UInt8(ascii: ",")
        case ";", "semicolon": byte = UInt8(ascii: ";")
        case "|", "pipe": byte = UInt8(ascii: "|")
        case "tab", "\\t", "\t": byte = 0x09
        default: return nil
        }
    }
}
