import CLibXML2
import RaterCore

/// XML exports through libxml2's SAX2 push parser: one record per `--xml-record` element, in constant memory.
///
/// Why SAX and not the pull reader: SAX events arrive in document order and before the error that follows them,
/// so every record before a broken one is delivered, and with XML_PARSE_RECOVER parsing goes on after it. The
/// broken record (or stretch between records) becomes a rejection naming libxml2's message and line; nothing is
/// lost silently, and one bad record in a nightly export does not cost the rest of the file.
///
/// Untrusted files are read with XML_PARSE_NONET and without entity substitution or DTD loading, so external
/// entities are never fetched and entity-expansion bombs never expand. A record that uses an entity other than the
/// five predefined ones and character references is rejected with the entity's name, because silently dropping
/// part of a comment would change its meaning.
public final class XMLRecordReader: RecordReader {
    private static let chunkSize = 1 << 16
    private let stream: ByteStream
    private let context: xmlParserCtxtPtr
    private let state: XMLRecordCollector
    private var chunk = [UInt8](repeating: 0, count: XMLRecordReader.chunkSize)
    private var inputEnded = false

    /// Reads XML from `stream`, which is UTF-8: `InputOpener` decodes every other charset first.
    public init(stream: ByteStream, options: IngestOptions) throws {
        _ = XMLRecordReader.parserInitialized
        self.stream = stream
        // Offsets among the bytes fed to libxml2 start where the stream stands now (after a byte order mark).
        let base = stream.offset
        state = XMLRecordCollector(source: stream.path, options: options,
                                   inputOffset: { [stream] in stream.originalOffset(base + $0) })
        var handler = xmlSAXHandler()
        // The standard SAX2 callbacks keep DTD and entity bookkeeping standard; the element and text callbacks
        // are Rater's, so no tree is ever built.
        xmlSAXVersion(&handler, 2)
        handler.startElementNs = { context, name, _, _, _, _, count, _, attributes in
            XMLRecordCollector.from(context)?.startElement(name: name.map { String(cString: $0) } ?? "",
                                                           attributes: XMLRecordCollector.attributes(attributes, count: Int(count)),
                                                           line: Int(xmlSAX2GetLineNumber(context)))
        }
        handler.endElementNs = { context, _, _, _ in XMLRecordCollector.from(context)?.endElement() }
        handler.characters = { context, bytes, length in XMLRecordCollector.from(context)?.text(bytes, Int(length)) }
        handler.cdataBlock = handler.characters
        handler.ignorableWhitespace = handler.characters
        handler.reference = { context, name in
            XMLRecordCollector.from(context)?.entityReference(name.map { String(cString: $0) } ?? "")
        }
        handler.comment = nil
        handler.processingInstruction = nil
        handler.warning = nil
        handler.error = nil
        handler.fatalError = nil
        handler.serror = { _, error in
            guard let error, let context = error.pointee.ctxt else { return }
            let level = error.pointee.level
            guard level == XML_ERR_ERROR || level == XML_ERR_FATAL else { return }
            let message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
            XMLRecordCollector.from(context)?.error(message.trimmingSpaces(), line: Int(error.pointee.line),
                                                     code: error.pointee.code)
        }
        guard let context = xmlCreatePushParserCtxt(&handler, nil, nil, 0, stream.path) else {
            throw IngestError.cannotOpen(path: stream.path, reason: "libxml2 could not start a parser")
        }
        self.context = context
        // The declaration's `encoding` is always ignored (XML_PARSE_IGNORE_ENC): Rater has weighed it already
        // (`EncodingDetector`) and decoded to UTF-8, and where Rater overrules it (UTF-16 declared over ASCII bytes,
        // a forced `--encoding`) libxml2 obeying it would read the UTF-8 as something else ("Document is empty").
        // Without a byte order mark and with the declaration ignored, libxml2 reads UTF-8.
        let flags = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        xmlCtxtUseOptions(context, flags)
        context.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        state.parser = context
    }

    deinit {
        if let document = context.pointee.myDoc { xmlFreeDoc(document) }
        xmlFreeParserCtxt(context)
    }

    /// libxml2 must initialise its global tables once before parsers run on several threads.
    private static let parserInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    public func next() throws -> IngestEvent? {
        while state.ready.isEmpty && !inputEnded {
            let read = try chunk.withUnsafeMutableBufferPointer { try stream.read(into: $0.baseAddress!, count: $0.count) }
            if read == 0 { state.inputEnding = true }
            chunk.withUnsafeBufferPointer { bytes in
                state.feeding(UnsafeBufferPointer(rebasing: bytes[..<read]))
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(read, 1)) {
                    _ = xmlParseChunk(context, $0, Int32(read), read == 0 ? 1 : 0)
                }
            }
            if context.pointee.disableSAX != 0 {
                // Some errors end parsing even in recovery mode: libxml2 halts and ignores further input.
                inputEnded = true
                state.halted(line: Int(xmlSAX2GetLineNumber(context)))
            } else if read == 0 {
                inputEnded = true
                state.finish()
                if let unmatched = state.unmatchedRecord { throw unmatched }
            }
        }
        return state.ready.popFirst()
    }
}
