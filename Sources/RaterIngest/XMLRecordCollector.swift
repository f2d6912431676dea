import CLibXML2
import RaterCore

/// Turns SAX events into records and rejections, in document order.
///
/// With `--xml-record` only the named elements are read. Without it every element under the root is read and
/// delivered, as a record or as a rejection: `XMLRecordGuess` decides which name is the record's.
///
/// Errors are attached to what was being read when libxml2 raised them: the open record (rejected with the
/// message), or the stretch between records (one rejection for the stretch). libxml2 reports an error in a start
/// tag (`store="AT&T"`, an attribute given twice) before it reports the element, so an error with no SAX event
/// after it belongs to the element that opens next: a record is rejected with it, once, rather than the error
/// being a rejection of its own and the record read as if it were whole.
final class XMLRecordCollector {
    /// An error libxml2 raised, the line it names, and whether it was raised as the input ended.
    struct Problem {
        var message: String
        var line: Int
        /// Raised as libxml2 read the end of an input cut short (`XMLRecordCollector.inputCut`): in a start or end
        /// tag cut in half, or in text, so what the export held after it is unknown.
        var atEnd = false

        /// Whether the input was not read to its end: `--replace-source` must not take what it did not deliver for
        /// records the export dropped (`Rejection.Reason.endsInput`).
        var endsInput: Bool { atEnd || message == XMLRecordCollector.truncatedMessage }
    }

    private let source: String
    private let options: IngestOptions
    /// The record element's name, and the ancestors it must have when `--xml-record` is a path.
    private let recordPath: [String]
    /// Without `--xml-record`: every element under the root is read, and this decides which are the records.
    private var guess: XMLRecordGuess?
    /// Names of the open elements outside records, root first.
    private var ancestors: [String] = []
    private var builder: XMLRecordBuilder?
    /// Depth of open elements inside the current record (0: the record element itself is the innermost).
    private var depthInRecord = 0
    /// The first error inside the current record.
    private var recordError: Problem?
    /// Whether libxml2 found an end tag that did not match inside the current record: markup left open in the
    /// comment (`<br>`, an unclosed `<b>`), the one error that keeps libxml2 a level deeper after the record.
    private var recordHasMismatch = false
    /// The end tag's name of a mismatch raised since the last SAX event: libxml2 raises it just before the end event
    /// of the element the end tag closed instead.
    private var mismatchedEndTag: String?
    /// The first error in the stretch between records, not yet reported, with the line it started at.
    private var strayError: Problem?
    /// The first error since the last SAX event: if an element opens next, it was raised in that element's start tag.
    private var startTagError: Problem?
    private var recordNumber = 0
    /// Levels libxml2 still holds open for records given up on (`startElement`): their end events come later,
    /// when libxml2 closes what they left open, and belong to no element Rater reads.
    private var abandonedLevels = 0
    /// All the levels ever abandoned so: as many end tags of the elements around the records went to close them, so
    /// as many of those elements are still open at the end of a document that is otherwise whole.
    private var shiftedLevels = 0
    /// Events ready for `next()`; a chunk of input yields at most a chunk's worth.
    var ready = Deque()

    /// With `--xml-record`: whether any element matched it, and the names of the root's children (the first few),
    /// to name them when none did.
    private var matchedRecord = false
    private var rootName: String?
    private var rootChildren: [String] = []
    private static let childrenNamed = 12

    /// `--xml-record` as given, for the error.
    private let givenRecord: String?

    /// The parser, to ask where it is in its input when a record starts and ends (`xmlByteConsumed`), and the bytes
    /// it was fed lately, to take each record's bytes as written from (`XMLRecentBytes`).
    var parser: xmlParserCtxtPtr?
    private var recent = XMLRecentBytes()
    /// An offset among the bytes fed as an offset in the input, when the two can be told (see
    /// `ByteStream.originalOffset`).
    private let inputOffset: (Int) -> Int?

    init(source: String, options: IngestOptions, inputOffset: @escaping (Int) -> Int? = { _ in nil }) {
        self.source = source
        self.inputOffset = inputOffset
        givenRecord = options.xmlRecord
        let options = XMLLocalNames.options(options)
        self.options = options
        recordPath = options.xmlRecord.map { $0.split(separator: "/").map(String.init) } ?? []
        guess = recordPath.isEmpty ? XMLRecordGuess(options: options) : nil
    }

    /// After `finish()`: an `--xml-record` that matched no element of a root that has some is a wrong option (a
    /// typo, the wrong level), not an empty export, and stops the input as a missing `--text-column` does.
    var unmatchedRecord: IngestError? {
        guard let record = givenRecord, !matchedRecord, let rootName, !rootChildren.isEmpty else { return nil }
        return .noSuchElement(path: source, record: record, root: rootName, children: rootChildren)
    }

    /// A chunk of input is about to go to libxml2: the open record copies what it needs of the bytes to be
    /// dropped to make room, and the chunk is kept.
    func feeding(_ chunk: UnsafeBufferPointer<UInt8>) {
        if builder != nil { builder?.capture(from: recent, upTo: recent.startAfterNextChunk, atEnd: false) }
        recent.add(chunk)
        if let last = chunk.lastIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
            inputCut = chunk[last] != UInt8(ascii: ">")
        }
    }

    /// Whether the input's last byte other than white space is no `>`: a document ends with the root's end tag (or
    /// a comment or processing instruction), so the input stopped inside a tag or inside text, cut short. libxml2
    /// reads the last few hundred bytes only when told the input ends, so when an error is raised then is no sign
    /// of a cut by itself: only with this.
    private var inputCut = false

    /// Where libxml2 stands among the bytes fed, or nil without a parser.
    private var parsedOffset: Int? {
        guard let parser else { return nil }
        let offset = Int(xmlByteConsumed(parser))
        return offset >= 0 ? offset : nil
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> XMLRecordCollector? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let state = parser.pointee._private else { return nil }
        return Unmanaged<XMLRecordCollector>.fromOpaque(state).takeUnretainedValue()
    }

    /// An element's attributes, decoded (see `XMLAttributeValue`), and the first entity left unexpanded in them.
    struct Attributes {
        var fields: [Field] = []
        var unexpandedEntity: String?
    }

    /// SAX2 attributes: five pointers each (local name, prefix, URI, value start, value end).
    static func attributes(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) -> Attributes {
        guard let attributes, count > 0 else { return Attributes() }
        var result = Attributes()
        result.fields.reserveCapacity(count)
        for index in 0..<count {
            let base = index * 5
            guard let name = attributes[base], let start = attributes[base + 3], let end = attributes[base + 4] else {
                continue
            }
            let value = XMLAttributeValue(UnsafeBufferPointer(start: start, count: end - start))
            if result.unexpandedEntity == nil { result.unexpandedEntity = value.unexpandedEntity }
            result.fields.append(Field(String(cString: name), value.text))
        }
        return result
    }

    /// libxml2 2.9 drops the predefined entities (`&amp;`, `&lt;` …) in text once any error has made the document
    /// not well-formed (`xmlParseReference` returns early), so after one bad record every later `AT&amp;T` read
    /// "ATT", silently. Rater judges each record by the errors raised in it, so the flag is set back before each
    /// event that may be followed by text.
    private func forgetEarlierErrors() {
        parser?.pointee.wellFormed = 1
    }

    func startElement(name: String, attributes: Attributes, line: Int) {
        forgetEarlierErrors()
        mismatchedEndTag = nil
        // A record element opening inside a record that libxml2 found broken: a tag left open in the comment
        // (`Nice room<br>noisy`, an unclosed `<b>`) keeps libxml2 one level deeper for the rest of the document, so
        // every later record was read as part of the broken one, and the whole rest of the file became one
        // rejection (or none, when two such records nested). The broken record ends here, rejected with its error,
        // and the levels it left open are closed when libxml2 closes them.
        if builder != nil, recordHasMismatch, name == builder?.name {
            var current = builder!
            builder = nil
            // Its elements left open are closed here, as at the end of an input (`finish`): an entry never closed
            // has no end, and the rejection's reconstruction read past it (a fuzzed input).
            current.closeAll()
            current.rawEnd = parsedOffset.flatMap { recent.startTag(named: name, before: $0) } ?? parsedOffset
            abandonedLevels += depthInRecord + 1
            shiftedLevels += depthInRecord + 1
            let error = recordError
            recordError = nil
            recordHasMismatch = false
            complete(current, error: error)
        }
        // The builder is changed where it is (`builder?.…`): taken out and put back, its arrays were copied at
        // every element and every run of text (a fifth of XML ingestion's instructions).
        if builder != nil {
            builder?.openElement(name: name, attributes: attributes.fields, isEmpty: false)
            if let entity = attributes.unexpandedEntity { entityReference(entity) }
            depthInRecord += 1
            return
        }
        if ancestors.isEmpty { rootName = name }
        if ancestors.count == 1 && !rootChildren.contains(name) && rootChildren.count < Self.childrenNamed {
            rootChildren.append(name)
        }
        // Without --xml-record every element under the root is read: the guess decides which are records.
        let underRoot = guess != nil && ancestors.count == 1
        if underRoot || isRecord(name) {
            matchedRecord = true
            let ownError = startTagError
            startTagError = nil
            if underRoot, let settled = guess?.elementOpens(name) { deliver(settled) }
            flushStrayError()
            builder = XMLRecordBuilder(name: name, depth: ancestors.count, line: line, attributes: attributes.fields,
                                       maximumTextBytes: options.maximumTextBytes)
            builder?.unexpandedEntity = attributes.unexpandedEntity
            builder?.rawStart = parsedOffset.flatMap { recent.startTag(named: name, before: $0) }
            depthInRecord = 0
            recordError = ownError
            recordHasMismatch = false
        } else {
            eventBetweenRecords()
            ancestors.append(name)
        }
    }

    func endElement() {
        forgetEarlierErrors()
        let mismatchedEndTag = self.mismatchedEndTag
        self.mismatchedEndTag = nil
        guard builder != nil else {
            if abandonedLevels > 0 {
                abandonedLevels -= 1
                return
            }
            eventBetweenRecords()
            _ = ancestors.popLast()
            return
        }
        if depthInRecord > 0 {
            builder?.closeElement()
            depthInRecord -= 1
            return
        }
        var current = builder!
        builder = nil
        current.rawEnd = parsedOffset
        // The record ends on the end tag of an element around it (`</reviews>` after a broken last record): libxml2
        // used it up here, so that element stays open to the end of the document, as for a record given up on.
        if let end = mismatchedEndTag, end != current.name, ancestors.contains(end) { shiftedLevels += 1 }
        let error = recordError
        recordError = nil
        recordHasMismatch = false
        complete(current, error: error)
    }

    func text(_ bytes: UnsafePointer<xmlChar>?, _ length: Int) {
        forgetEarlierErrors()
        mismatchedEndTag = nil
        guard let bytes, length > 0 else { return }
        if builder != nil {
            builder?.appendText(UnsafeBufferPointer(start: bytes, count: length))
        } else {
            eventBetweenRecords()
        }
    }

    func entityReference(_ name: String) {
        guard builder != nil else { return eventBetweenRecords() }
        if builder?.unexpandedEntity == nil { builder?.unexpandedEntity = name }
    }

    /// Set before the last (terminating) chunk goes to libxml2: errors raised then are about the input's end.
    var inputEnding = false

    /// libxml2's "Extra content at the end of the document" (`XML_ERR_DOCUMENT_END`) is what its push parser says
    /// when the input stops inside an open element: a truncated export. Said so, the rejection points at the cause.
    static let truncatedMessage = "the input ends before the document does: an element is never closed (a truncated "
        + "file?)"

    func error(_ message: String, line: Int, code: Int32 = 0) {
        let documentEnd = inputEnding && code == Int32(XML_ERR_DOCUMENT_END.rawValue)
        let mismatch = code == Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue)
        if mismatch { mismatchedEndTag = Self.mismatchedNames(message)?.end }
        // Levels a record given up on left open are closed by the end tags of what holds them (`</reviews>` closes
        // the broken `<review>`), or are still open at the end of the document: that is the broken record's error,
        // rejected with it, not a stretch between records gone wrong or a truncated file. Once shifted so, every
        // end tag of an element around the records closes the element inside it (`</export>` closes `<reviews>`).
        if builder == nil && mismatch
            && (abandonedLevels > 0 || shiftedLevels > 0 && mismatchedEndTag.map(ancestors.contains) == true) {
            return
        }
        if builder == nil && documentEnd && shiftedLevels > 0 && ancestors.count + abandonedLevels <= shiftedLevels {
            return
        }
        let message = documentEnd ? Self.truncatedMessage : message
        if builder != nil {
            if mismatch { recordHasMismatch = true }
            if recordError == nil { recordError = Problem(message: message, line: line) }
            // Whatever was wrong before, an error raised at the end of an input cut short means the record was cut.
            if inputEnding && inputCut { recordError?.atEnd = true }
        } else {
            if startTagError == nil { startTagError = Problem(message: message, line: line) }
            if inputEnding && inputCut { startTagError?.atEnd = true }
        }
    }

    /// The open element's and the end tag's names in libxml2's "Opening and ending tag mismatch: br line 3 and
    /// text".
    static func mismatchedNames(_ message: String) -> (open: Substring, end: String)? {
        let prefix = "Opening and ending tag mismatch: "
        guard message.hasPrefix(prefix), let and = message.range(of: " and ", options: .backwards) else { return nil }
        let open = message[message.index(message.startIndex, offsetBy: prefix.count)...].prefix { $0 != " " }
        return (open, String(message[and.upperBound...]).trimmingSpaces())
    }

    /// A SAX event outside records: an error before it was not in the start tag of the next element, so it belongs
    /// to the stretch between records.
    private func eventBetweenRecords() {
        guard let error = startTagError else { return }
        startTagError = nil
        if strayError == nil { strayError = error }
    }

    /// The end of the input: a record still open, or an error after the last record, is reported. `halted`: libxml2
    /// stopped reading before the end (`halted(line:)` says so in a rejection of its own).
    func finish(halted: Bool = false) {
        if var current = builder {
            builder = nil
            current.closeAll()
            current.rawEnd = recent.end
            // The record was never closed: the input ended inside it, whatever else was wrong with it.
            var error = recordError ?? Problem(message: "the input ends inside this record", line: current.line)
            if !halted { error.atEnd = true }
            recordError = nil
            recordHasMismatch = false
            complete(current, error: error)
        }
        flushStrayError()
        if let settled = guess?.settleWithoutRepeat() { deliver(settled) }
    }

    /// libxml2 stopped at `line` and will read no further: what was open is reported, and so is the rest of the
    /// input, as one rejection, because the records in it can no longer be told apart.
    func halted(line: Int) {
        finish(halted: true)
        recordNumber += 1
        ready.append(.rejected(Rejection(source: source, recordNumber: recordNumber, line: line > 0 ? line : nil,
                                         reason: .malformedXML(message: "libxml2 cannot recover from the error above; "
                                             + "the rest of the input is not read", endsInput: true), raw: "")))
    }

    /// Reports the stretch's error, and at the end of the input an error with no event after it.
    private func flushStrayError() {
        guard let stray = strayError ?? startTagError else { return }
        strayError = nil
        startTagError = nil
        if guess != nil && guess?.recordName == nil {
            deliver(guess?.hold(.stray(stray)) ?? [])
        } else {
            reject(stray: stray)
        }
    }

    private func reject(stray: Problem) {
        recordNumber += 1
        ready.append(.rejected(Rejection(source: source, recordNumber: recordNumber, line: stray.line > 0 ? stray.line : nil,
                                         reason: .malformedXML(message: stray.message, endsInput: stray.endsInput),
                                         raw: "")))
    }

    /// libxml2's "Opening and ending tag mismatch: br line 3 and text" where the element left open, or the end tag
    /// with nothing to close (`Nice room</p> but noisy`), is HTML a rich-text editor writes (`<br>`, `<p>`, an
    /// unclosed `<b>`), not a misspelt end tag of the export's own.
    static func isUnclosedMarkup(_ message: String) -> Bool {
        guard let names = mismatchedNames(message) else { return false }
        func isMarkup(_ name: some StringProtocol) -> Bool {
            let name = name.lowercased()
            return ["br", "hr", "img", "p", "li", "div", "wbr"].contains(name) || XMLInlineElements.contains(name)
        }
        return isMarkup(names.open) || isMarkup(names.end)
    }

    private func isRecord(_ name: String) -> Bool {
        guard let last = recordPath.last, last == name else { return false }
        let parents = recordPath.dropLast()
        return parents.isEmpty || ancestors.suffix(parents.count).elementsEqual(parents)
    }

    /// A record element, or without `--xml-record` any element under the root, has been read whole.
    private func complete(_ element: XMLRecordBuilder, error: Problem?) {
        if guess != nil && guess?.recordName == nil {
            // Held until the guess settles, by when the bytes it came from may be gone: its raw bytes go with it.
            var element = element
            keepRaw(&element)
            deliver(guess?.hold(.element(element, error: error)) ?? [])
        } else {
            emit(element, error: error)
        }
    }

    private func deliver(_ items: [XMLRecordGuess.Waiting]) {
        for item in items {
            switch item {
            case let .element(element, error): emit(element, error: error)
            case let .stray(problem): reject(stray: problem)
            }
        }
    }

    /// Copies the record's bytes as written (up to `RecordText.rawLimit`) while `recent` holds them: only for a
    /// record rejected or held, so a record analysed costs no copy.
    private func keepRaw(_ builder: inout XMLRecordBuilder) {
        builder.capture(from: recent, upTo: builder.rawEnd ?? recent.end, atEnd: true)
    }

    private func emit(_ builder: XMLRecordBuilder, error: Problem?) {
        recordNumber += 1
        func reject(_ reason: Rejection.Reason, fields: [Field] = []) {
            var record = builder
            keepRaw(&record)
            ready.append(.rejected(Rejection(source: source, recordNumber: recordNumber, line: record.line,
                                             byteOffset: record.rawStart.flatMap(inputOffset), reason: reason,
                                             raw: record.raw, fields: fields)))
        }
        if let error {
            var at = error.line > 0 && error.line != builder.line ? " (line \(error.line))" : ""
            // An HTML tag left open in the comment: what the export must do about it.
            if Self.isUnclosedMarkup(error.message) {
                at += "; markup in a comment must be escaped (&lt;br&gt;) or inside CDATA"
            }
            return reject(.malformedXML(message: error.message + at, endsInput: error.endsInput))
        }
        if let record = guess?.recordName, builder.name != record {
            // An element of another name that holds no comment (a header such as `<generated>` or `<info …/>`, a
            // `<summary>`) is not a record: skipped and not numbered, so a clean export still exits 0 and `--strict`
            // does not stop at its header. One that holds a comment may be a record under another name (a typo, a
            // second kind) and is rejected, so no comment goes unseen.
            guard builder.holds(options.xmlText ?? "text") else {
                recordNumber -= 1
                return
            }
            return reject(.otherElement(name: builder.name, record: record))
        }
        if let entity = builder.unexpandedEntity {
            return reject(.malformedXML(message: "the record uses the entity '&\(entity);', which Rater does not "
                + "expand (DTD and external entities are refused for safety)"))
        }
        let textSpec = options.xmlText ?? "text"
        var text = ""
        var missing: Rejection.Reason?
        switch builder.value(at: textSpec) {
        case let .text(value)?:
            text = value
        case let .tooLong(bytes)?:
            return reject(.textTooLong(bytes: bytes, limit: options.maximumTextBytes))
        case nil:
            // No `--xml-text` and no <text>: the record's own text, as in `<review id="7">Great food</review>`.
            if options.xmlText != nil {
                missing = missingElement(textSpec, in: builder)
            } else {
                switch builder.ownTextValue {
                case let .text(value) where !RecordText.isBlank(value): text = value
                case let .tooLong(bytes): return reject(.textTooLong(bytes: bytes, limit: options.maximumTextBytes))
                default: missing = missingElement(textSpec, in: builder)
                }
            }
        }
        // No comment (an empty one, or none where it belongs) is rejected once the fields are known, with them: a
        // survey answer may hold a rating without one (`Rejection.Reason.isNoComment`), and an exporter may leave
        // an empty element out. Any other problem with the text is rejected at once.
        let textProblem = missing ?? RecordText.problem(with: text, options: options)
        if let problem = textProblem, !problem.isNoComment { return reject(problem) }
        // The id: the named place, else an `id` attribute. A bare name is tried as an attribute first. Named
        // several times, the first is the id and the others stay fields.
        let idSpec = options.xmlID ?? "@id"
        let idIsAttribute = idSpec.hasPrefix("@") || (!idSpec.contains("/") && builder.attribute(idSpec) != nil)
        let idValue = idIsAttribute
            ? builder.attribute(idSpec.hasPrefix("@") ? String(idSpec.dropFirst()) : idSpec).map { .text($0) }
            : builder.firstValue(at: idSpec)
        let id: String?
        switch idValue {
        case let .text(value)?: id = value.trimmingSpaces()
        case let .tooLong(bytes)?:
            return reject(.fieldTooLong(column: idSpec, bytes: bytes, limit: options.maximumTextBytes))
        case nil: id = nil
        }
        // As in the other formats, a record without a comment is that before anything its id may be.
        if textProblem == nil, let problem = RecordText.problem(withID: id, options: options) { return reject(problem) }
        // The comment (every match, with what is inside) and the id are not fields as well.
        var excludedAttributes = [String]()
        var excludedEntries = builder.matches(textSpec).map { builder.span(of: $0) }
        if textSpec.hasPrefix("@") { excludedAttributes.append(String(textSpec.dropFirst())) }
        if idIsAttribute {
            excludedAttributes.append(idSpec.hasPrefix("@") ? String(idSpec.dropFirst()) : idSpec)
        } else if let first = builder.matches(idSpec).first {
            excludedEntries.append(builder.span(of: first))
        }
        let fields: [Field]
        switch builder.fields(excludingAttributes: excludedAttributes, entries: excludedEntries) {
        case let .success(all): fields = all
        case let .failure(overlong):
            return reject(.fieldTooLong(column: overlong.path, bytes: overlong.bytes, limit: options.maximumTextBytes))
        }
        if let textProblem { return reject(textProblem, fields: fields) }
        ready.append(.record(SourceRecord(source: source, recordNumber: recordNumber, line: builder.line,
                                          id: id?.isEmpty == false ? id : nil, text: text, fields: fields)))
    }
}

extension XMLRecordCollector {
    /// A record without the comment's place, with what it holds instead: an export whose comments sit under another
    /// name (`<comment>`, `<body>`) has every record rejected so, and the message is where the user learns of
    /// `--xml-text`.
    func missingElement(_ spec: String, in builder: XMLRecordBuilder) -> Rejection.Reason {
        let (holds, suggestion) = builder.contents(idSpec: options.xmlID ?? "@id")
        return .missingElement(name: spec, record: builder.name, holds: holds, suggestion: suggestion)
    }
}

/// A first-in first-out queue of events that does not shift the array on every pop.
struct Deque {
    private var items: [IngestEvent] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }

    mutating func append(_ event: IngestEvent) { items.append(event) }

    mutating func popFirst() -> IngestEvent? {
        guard head < items.count else { return nil }
        let event = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        return event
    }
}
