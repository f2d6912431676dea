import ArgumentParser
import Rater

/// How to read an export: the options every command that reads comments shares.
struct IngestArguments: ParsableArguments {
    @Option(help: "Input format: auto, text, csv, tsv or xml.")
    var format: InputFormat = .auto

    @Option(help: "CSV/TSV column holding the comment.")
    var textColumn: String?

    @Option(help: "CSV/TSV column holding the record id.")
    var idColumn: String?

    @Option(help: "XML element that is one record (default: the element repeated under the root).")
    var xmlRecord: String?

    @Option(help: "XML child element holding the comment (default: 'text', else the record's own text).")
    var xmlText: String?

    @Option(help: "XML attribute or child holding the record id (default: an 'id' attribute).")
    var xmlId: String?

    var options: IngestOptions {
        var options = IngestOptions()
        options.format = format
        options.textColumn = textColumn
        options.idColumn = idColumn
        options.xmlRecord = xmlRecord
        options.xmlText = xmlText
        options.xmlID = xmlId
        return options
    }
}
