/// Opens one input with the reader its format needs.
public enum InputOpener {
    public static func open(path: String, options: IngestOptions) throws -> (format: InputFormat, reader: any RecordReader) {
        var format = options.format
        let stream = try ByteStream(path: path)
        if format == .auto {
            format = InputFormat.detect(path: path, head: try stream.peek(4_096))
        }
        switch format {
        case .csv: return (.csv, try DelimitedRecordReader(stream: stream, delimiter: UInt8(ascii: ","), options: options))
        case .tsv: return (.tsv, try DelimitedRecordReader(stream: stream, delimiter: 0x09, options: options))
        case .xml: return (.xml, try XMLRecordReader(stream: stream, options: options))
        case .text, .auto: return (.text, TextRecordReader(stream: stream, options: options))
        }
    }
}
