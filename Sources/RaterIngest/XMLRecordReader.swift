import CLibXML2
import RaterCore

/// XML exports through libxml2's streaming reader: one record per `--xml-record` element, in constant memory.
///
/// Untrusted files are read with XML_PARSE_NONET and without entity substitution or DTD loading, so external
/// entities are never fetched and entity-expansion bombs never expand. A record that uses an entity other than the
/// five predefined ones and character references is rejected with the entity's name, because silently dropping
/// part of a comment would change its meaning.
public final class XMLRecordReader: RecordReader {
    private let reader: xmlTextReaderPtr
    private let stream: ByteStream
    private let source: String
    private let options: IngestOptions
    private let errors = XMLErrorCollector()
    /// The record element's name, and the ancestors it must have when `--xml-record` is a path.
    private var recordPath: [String]
    /// Names of the open elements outside records, root first, for matching `recordPath`.
    private var ancestors: [String] = []
    private var recordNumber = 0
    private var finished = false

    /// Reads XML from `stream`, which libxml2 pulls through a callback (so files, standard input, decompressed and
    /// transcoded streams all work the same way). When Rater already decoded the input to UTF-8, libxml2 is told so
    /// and ignores the declaration's `encoding`.
    public init(stream: ByteStream, options: IngestOptions, decodedToUTF8: Bool = false) throws {
        _ = XMLRecordReader.parserInitialized
        self.stream = stream
        self.source = stream.path
        self.options = options
        self.recordPath = options.xmlRecord.map { $0.split(separator: "/").map(String.init) } ?? []
        var flags = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
            | XML_PARSE_NOWARNING.rawValue)
        if decodedToUTF8 { flags |= Int32(XML_PARSE_IGNORE_ENC.rawValue) }
        let opened = xmlReaderForIO({ context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let stream = Unmanaged<ByteStream>.fromOpaque(context).takeUnretainedValue()
            let destination = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self)
            return Int32((try? stream.read(into: destination, count: Int(length))) ?? -1)
        }, nil, Unmanaged.passUnretained(stream).toOpaque(), stream.path, decodedToUTF8 ? "UTF-8" : nil, flags)
        guard let opened else {
            throw IngestError.cannotOpen(path: stream.path, reason: "libxml2 could not start reading")
        }
        reader = opened
        xmlTextReaderSetErrorHandler(reader, { context, message, _, locator in
            guard let context, let message else { return }
            let collector = Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
            let line = locator.map { Int(xmlTextReaderLocatorLineNumber($0)) }
            collector.record(message: String(cString: message), line: line)
        }, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit { xmlFreeTextReader(reader) }

    /// libxml2 must initialise its global tables once before readers run on several threads.
    private static let parserInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    public func next() throws -> IngestEvent? {
        guard !finished else { return nil }
        var builder: XMLRecordBuilder?
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 {
                finished = true
                if let builder { return fatal(partial: builder) }
                return nil
            }
            if status < 0 {
                finished = true
                return fatal(partial: builder)
            }
            let type = UInt32(bitPattern: xmlTextReaderNodeType(reader))
            let depth = Int(xmlTextReaderDepth(reader))
            if var current = builder {
                switch type {
                case XML_READER_TYPE_ELEMENT.rawValue:
                    current.openElement(name: localName(), attributes: attributes(),
                                        isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
                case XML_READER_TYPE_END_ELEMENT.rawValue:
                    if depth == current.depth { return finish(current) }
                    current.closeElement()
                case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue,
                     XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue, XML_READER_TYPE_WHITESPACE.rawValue:
                    current.appendText(value())
                case XML_READER_TYPE_ENTITY_REFERENCE.rawValue:
                    current.unexpandedEntity = current.unexpandedEntity ?? localName()
                default:
                    break
                }
                builder = current
                continue
            }
            guard type == XML_READER_TYPE_ELEMENT.rawValue else { continue }
            let name = localName()
            // Without --xml-record, the first element under the root with content names the record (an empty
            // `<info generated="…"/>` header is not one).
            if recordPath.isEmpty, depth == 1, xmlTextReaderIsEmptyElement(reader) != 1 { recordPath = [name] }
            ancestors.removeSubrange(min(depth, ancestors.count)...)
            guard isRecord(name) else {
                if xmlTextReaderIsEmptyElement(reader) != 1 { ancestors.append(name) }
                continue
            }
            recordNumber += 1
            let started = XMLRecordBuilder(name: name, depth: depth,
                                           line: Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader))),
                                           attributes: attributes())
            if xmlTextReaderIsEmptyElement(reader) == 1 { return finish(started) }
            builder = started
        }
    }

    private func finish(_ builder: XMLRecordBuilder) -> IngestEvent {
        func reject(_ reason: Rejection.Reason) -> IngestEvent {
            .rejected(Rejection(source: source, recordNumber: recordNumber, line: builder.line, reason: reason,
                                raw: builder.raw))
        }
        if let entity = builder.unexpandedEntity {
            return reject(.malformedXML(message: "the record uses the entity '&\(entity);', which Rater does not "
                + "expand (DTD and external entities are refused for safety)"))
        }
        let textSpec = options.xmlText ?? "text"
        let text: String
        if let value = builder.value(at: textSpec) {
            text = value
        } else if options.xmlText == nil, !RecordText.isBlank(builder.ownText) {
            text = builder.ownText
        } else {
            return reject(.missingElement(name: textSpec))
        }
        if let problem = RecordText.problem(with: text, options: options) { return reject(problem) }
        // The id: the named place, else an `id` attribute. A bare name is tried as an attribute first, as before.
        let idSpec = options.xmlID ?? "@id"
        let id = idSpec.contains("/") || idSpec.hasPrefix("@")
            ? builder.value(at: idSpec)
            : builder.attribute(idSpec) ?? builder.value(at: idSpec)
        var excluded: Set<String> = []
        for spec in [textSpec, idSpec] {
            if spec.hasPrefix("@") {
                excluded.insert(spec)
            } else if spec == idSpec && !spec.contains("/") && builder.attribute(spec) != nil {
                excluded.insert("@" + spec)
            } else if let path = builder.resolvedPath(spec) {
                excluded.insert(path)
            }
        }
        return .record(SourceRecord(source: source, recordNumber: recordNumber, line: builder.line,
                                    id: id?.trimmingSpaces(), text: text, fields: builder.fields(excluding: excluded)))
    }

    private func fatal(partial builder: XMLRecordBuilder?) -> IngestEvent? {
        guard let error = errors.first else { return nil }
        if builder == nil { recordNumber += 1 }
        return .rejected(Rejection(source: source, recordNumber: recordNumber, line: error.line ?? builder?.line,
                                   reason: .malformedXML(message: error.message + "; reading stopped here"),
                                   raw: builder?.raw ?? ""))
    }

    /// Whether an element named `name`, under the current `ancestors`, is a record.
    private func isRecord(_ name: String) -> Bool {
        guard let last = recordPath.last, last == name else { return false }
        let parents = recordPath.dropLast()
        return parents.isEmpty || ancestors.suffix(parents.count).elementsEqual(parents)
    }

    private func localName() -> String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: name)
    }

    private func value() -> String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    private func attributes() -> [Field] {
        var fields = [Field]()
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            fields.append(Field(localName(), value()))
        }
        xmlTextReaderMoveToElement(reader)
        return fields
    }
}

/// Collects libxml2's error messages so the first one can name the line in a rejection.
final class XMLErrorCollector {
    struct Message {
        var message: String
        var line: Int?
    }

    private(set) var first: Message?

    func record(message: String, line: Int?) {
        if first == nil {
            first = Message(message: message.trimmingSpaces(), line: line)
        }
    }
}
