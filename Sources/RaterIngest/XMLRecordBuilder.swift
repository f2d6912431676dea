import RaterCore

/// Accumulates one XML record while the streaming reader walks its subtree, naming everything inside by its path
/// relative to the record: `route`, `customer/name`, `aspects/aspect/@polarity`.
///
/// Text is stored once. An element's text is all the text below it, which in document order is one stretch of the
/// record's text: each element keeps where its stretch lies, and its text is made when asked for. (Appending every
/// run of text to every open ancestor cost memory of text size × depth: 351 MB for 10 MB nested 30 deep.) Past
/// `maximumTextBytes` an element's text is counted, not stored: such an element is rejected as too long anyway, and
/// one that is not too long never had a byte skipped (see `appendText`).
struct XMLRecordBuilder {
    /// An element or attribute inside the record.
    struct Entry {
        var path: String
        /// Elements with element children are containers: their text is their descendants', so they are not fields.
        var hasChildren = false
        var isAttribute = false
        /// An attribute's value.
        var value = ""
        /// An element's text: where its stretch starts in `textBytes` and among all text bytes seen, and how many
        /// bytes it has (stored or not), once it is closed.
        var storedStart = 0
        var storedEnd = 0
        var start = 0
        var length = 0
    }

    /// A value from the record: its text, or the length of one too long to have been kept.
    enum Value: Equatable {
        case text(String)
        case tooLong(bytes: Int)
    }

    let name: String
    let depth: Int
    let line: Int
    let attributes: [Field]
    let maximumTextBytes: Int
    /// Elements and attributes below the record, in document order.
    private(set) var entries: [Entry] = []
    /// The text inside the record's child elements, in document order, as far as it is kept.
    private var textBytes: [UInt8] = []
    /// Text bytes seen inside child elements, kept or not.
    private var textSeen = 0
    /// Text directly inside the record element, as far as it is kept, and its length.
    private var ownTextBytes: [UInt8] = []
    private var ownTextLength = 0
    /// The first entity reference the record uses, which libxml2 was told not to expand.
    var unexpandedEntity: String?
    /// Indices into `entries` of the elements open below the record, outermost first.
    private var open: [Int] = []

    init(name: String, depth: Int, line: Int, attributes: [Field], maximumTextBytes: Int) {
        self.name = name
        self.depth = depth
        self.line = line
        self.attributes = attributes
        self.maximumTextBytes = maximumTextBytes
    }

    /// Bytes of text held, for tests that memory stays bounded.
    var storedTextBytes: Int { textBytes.count + ownTextBytes.count }

    mutating func openElement(name: String, attributes: [Field], isEmpty: Bool) {
        let parentPath = open.last.map { entries[$0].path }
        if let parent = open.last { entries[parent].hasChildren = true }
        let path = parentPath.map { $0 + "/" + name } ?? name
        entries.append(Entry(path: path, storedStart: textBytes.count, storedEnd: textBytes.count, start: textSeen))
        let index = entries.count - 1
        for attribute in attributes {
            entries.append(Entry(path: path + "/@" + attribute.name, isAttribute: true, value: attribute.value))
        }
        if !isEmpty { open.append(index) }
    }

    mutating func closeElement() {
        guard let index = open.popLast() else { return }
        entries[index].storedEnd = textBytes.count
        entries[index].length = textSeen - entries[index].start
    }

    /// Closes what is still open, when the input ends inside the record.
    mutating func closeAll() {
        while !open.isEmpty { closeElement() }
    }

    /// A run of text belongs to every open element, but is stored once. It is stored while the innermost open element
    /// stays within `maximumTextBytes`: a run left out makes that element, and so every element around it, too long,
    /// while every run inside an element within the limit was stored (the innermost element then was no longer).
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let innermost = open.last {
            textSeen += bytes.count
            if textSeen - entries[innermost].start <= maximumTextBytes { textBytes.append(contentsOf: bytes) }
        } else {
            ownTextLength += bytes.count
            if ownTextLength <= maximumTextBytes { ownTextBytes.append(contentsOf: bytes) }
        }
    }

    /// Text directly inside the record element (empty when it is too long to have been kept).
    var ownText: String { ownTextLength <= maximumTextBytes ? String(decoding: ownTextBytes, as: UTF8.self) : "" }

    var ownTextValue: Value {
        ownTextLength <= maximumTextBytes ? .text(ownText) : .tooLong(bytes: ownTextLength)
    }

    /// An entry's text or value.
    func value(of entry: Entry) -> Value {
        if entry.isAttribute {
            return entry.value.utf8.count <= maximumTextBytes ? .text(entry.value) : .tooLong(bytes: entry.value.utf8.count)
        }
        guard entry.length <= maximumTextBytes else { return .tooLong(bytes: entry.length) }
        assert(entry.storedEnd - entry.storedStart == entry.length, "an element within the limit lost text")
        return .text(String(decoding: textBytes[entry.storedStart..<entry.storedEnd], as: UTF8.self))
    }

    /// Finds a value by the notation of `--xml-text`/`--xml-id`: `@name` is a record attribute; `a/b` and `a/@x` are
    /// paths from the record; a bare `name` is a child element, else the first element of that name at any depth.
    func value(at spec: String) -> Value? {
        if spec.hasPrefix("@") { return attribute(String(spec.dropFirst())).map { .text($0) } }
        if let exact = entries.first(where: { $0.path == spec }) { return value(of: exact) }
        guard !spec.contains("/") else { return nil }
        return entries.first { !$0.isAttribute && $0.path.hasSuffix("/" + spec) }.map(value(of:))
    }

    /// The path `value(at:)` resolved, so the field list can leave it out.
    func resolvedPath(_ spec: String) -> String? {
        if spec.hasPrefix("@") { return nil }
        if entries.contains(where: { $0.path == spec }) { return spec }
        guard !spec.contains("/") else { return nil }
        return entries.first { !$0.isAttribute && $0.path.hasSuffix("/" + spec) }?.path
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Passthrough fields: the record's attributes, then every leaf element and nested attribute by path. Repeated
    /// elements give repeated fields, in document order. A field over `maximumTextBytes` is not cut short: the
    /// record is rejected as `field_too_long` (as in CSV), so the first such field is returned instead.
    func fields(excludingAttributes excludedAttributes: [String],
                paths excludedPaths: [String]) -> Result<[Field], OverlongField> {
        var fields = [Field]()
        fields.reserveCapacity(attributes.count + entries.count)
        for field in attributes where !excludedAttributes.contains(field.name) {
            guard field.value.utf8.count <= maximumTextBytes else {
                return .failure(OverlongField(path: "@" + field.name, bytes: field.value.utf8.count))
            }
            fields.append(field)
        }
        for (index, entry) in entries.enumerated() where !entry.hasChildren && !excludedPaths.contains(entry.path) {
            // `<rating aspect="food" value="4"/>` says everything in its attributes; an empty field beside them is noise.
            if !entry.isAttribute && entry.length == 0 && entries.indices.contains(index + 1)
                && entries[index + 1].isAttribute && entries[index + 1].path.hasPrefix(entry.path + "/@") { continue }
            switch value(of: entry) {
            case let .text(text): fields.append(Field(entry.path, entry.isAttribute ? text : text.trimmingSpaces()))
            case let .tooLong(bytes): return .failure(OverlongField(path: entry.path, bytes: bytes))
            }
        }
        return .success(fields)
    }

    /// A field too long to pass through.
    struct OverlongField: Error, Equatable {
        var path: String
        var bytes: Int
    }

    /// A readable reconstruction for the rejects file (the streaming reader does not keep the original bytes).
    var raw: String {
        var text = "<\(name)"
        for attribute in attributes { text += " \(attribute.name)=\"\(attribute.value)\"" }
        text += ">" + String(decoding: ownTextBytes.prefix(RecordText.rawLimit), as: UTF8.self)
        for entry in entries where !entry.hasChildren && !entry.isAttribute {
            let stored = textBytes[entry.storedStart..<entry.storedEnd].prefix(RecordText.rawLimit)
            text += "<\(entry.path)>\(String(decoding: stored, as: UTF8.self))</\(entry.path)>"
            if text.utf8.count > RecordText.rawLimit { break }
        }
        return String(text.prefix(RecordText.rawLimit))
    }
}
