import RaterCore

/// Accumulates one XML record while the streaming reader walks its subtree, naming everything inside by its path
/// relative to the record: `route`, `customer/name`, `aspects/aspect/@polarity`.
///
/// Text is stored once. An element's text is all the text below it, which in document order is one stretch of the
/// record's text: each element keeps where its stretch lies, and its text is made when asked for. (Appending every
/// run of text to every open ancestor cost memory of text size × depth: 351 MB for 10 MB nested 30 deep.) Past
/// `maximumTextBytes` an element's text is counted, not stored: such an element is rejected as too long anyway, and
/// one that is not too long never had a byte skipped (see `appendText`).
///
/// An element boundary inside the record is a line break in the text of the elements around it, unless the element
/// is inline formatting (`XMLInlineElements`): `<p>on time.</p><p>But</p>` is `on time.\nBut`, `Great<br/>location`
/// is `Great\nlocation`, and `<b>great</b>` stays part of its word run. Without it, block boundaries glued words and
/// sentences together (`cleanthe`), and a line break is what normalisation and segmentation end a sentence at. The
/// break is added only between text (not before the first or after the last), where no line break is already, and
/// belongs to the elements that hold text on both sides of it, never to a leaf field.
struct XMLRecordBuilder {
    /// An element or attribute inside the record.
    struct Entry {
        var path: String
        /// Elements with element children are containers: their text is their descendants', so they are not fields.
        var hasChildren = false
        var isAttribute = false
        /// Inline formatting (`<b>`, `<span>` …): its boundaries are not line breaks.
        var isInline = false
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
    /// The record as written, for the rejects file (see `XMLRecentBytes`): where it starts among the bytes fed to
    /// libxml2 (nil when that is unknown), its first bytes up to `RecordText.rawLimit`, and whether they are all
    /// there (its end was seen).
    var rawStart: Int?
    /// Where the record ends among the bytes fed (after its end tag), once it has.
    var rawEnd: Int?
    private(set) var rawBytes: [UInt8] = []
    private(set) var rawComplete = false
    /// Indices into `entries` of the elements open below the record, outermost first.
    private var open: [Int] = []
    /// How many of the open elements are not inline: while none is, text is the record's own text too.
    private var openBlocks = 0
    /// A block boundary has passed since the last run of text: a line break goes before the next run in the
    /// elements that hold text before it (`pendingBreak`), and in the record's own text (`ownPendingBreak`).
    private var pendingBreak = false
    private var ownPendingBreak = false

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
        let isInline = XMLInlineElements.contains(name)
        if !isInline { markBoundary() }
        entries.append(Entry(path: path, isInline: isInline, storedStart: textBytes.count, storedEnd: textBytes.count,
                             start: textSeen))
        let index = entries.count - 1
        for attribute in attributes {
            entries.append(Entry(path: path + "/@" + attribute.name, isAttribute: true, value: attribute.value))
        }
        if isEmpty {
            if !isInline { markBoundary() }
        } else {
            open.append(index)
            if !isInline { openBlocks += 1 }
        }
    }

    mutating func closeElement() {
        guard let index = open.popLast() else { return }
        entries[index].storedEnd = textBytes.count
        entries[index].length = textSeen - entries[index].start
        if !entries[index].isInline {
            openBlocks -= 1
            markBoundary()
        }
    }

    private mutating func markBoundary() {
        pendingBreak = true
        if openBlocks == 0 { ownPendingBreak = true }
    }

    /// Closes what is still open, when the input ends inside the record.
    mutating func closeAll() {
        while !open.isEmpty { closeElement() }
    }

    /// A run of text belongs to every open element, but is stored once. It is stored while the innermost open element
    /// stays within `maximumTextBytes`: a run left out makes that element, and so every element around it, too long,
    /// while every run inside an element within the limit was stored (the innermost element then was no longer).
    ///
    /// Text inside inline elements only (`<review>Great <b>food</b></review>`) is the record's own text as well.
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let innermost = open.last {
            if pendingBreak { insertBreak(before: bytes) }
            textSeen += bytes.count
            if textSeen - entries[innermost].start <= maximumTextBytes { textBytes.append(contentsOf: bytes) }
        }
        if openBlocks == 0 {
            if ownPendingBreak {
                ownPendingBreak = false
                if !ownTextBytes.isEmpty && !Self.lineBreakAdjoins(ownTextBytes, bytes) {
                    ownTextLength += 1
                    if ownTextLength <= maximumTextBytes { ownTextBytes.append(0x0A) }
                }
            }
            ownTextLength += bytes.count
            if ownTextLength <= maximumTextBytes { ownTextBytes.append(contentsOf: bytes) }
        }
    }

    /// Puts the pending line break before `bytes` in the open elements that hold text already; those opened since
    /// the last run of text start after it. Nothing is added when no open element holds text yet, or a line break
    /// already stands at the boundary (indentation between elements).
    private mutating func insertBreak(before bytes: UnsafeBufferPointer<UInt8>) {
        pendingBreak = false
        guard let container = open.lastIndex(where: { entries[$0].start < textSeen }) else { return }
        let stored = textSeen + 1 - entries[open[container]].start <= maximumTextBytes
        if stored && Self.lineBreakAdjoins(textBytes, bytes) { return }
        for later in open[(container + 1)...] {
            entries[later].start += 1
            if stored { entries[later].storedStart += 1 }
        }
        textSeen += 1
        if stored { textBytes.append(0x0A) }
    }

    /// Whether a line break ends `before` (spaces and tabs after it aside) or starts `after` (likewise).
    private static func lineBreakAdjoins(_ before: [UInt8], _ after: UnsafeBufferPointer<UInt8>) -> Bool {
        func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        if let last = before.last(where: { !isBlank($0) }), isBreak(last) { return true }
        if let first = after.first(where: { !isBlank($0) }), isBreak(first) { return true }
        return false
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

    /// The entries a spec of `--xml-text`/`--xml-id` names, in document order: `a/b` and `a/@x` every element or
    /// attribute at that path from the record; a bare `name` every child of that name, else every element of that
    /// name at any depth (one inside another match is part of it, not a match of its own). `@name` is a record
    /// attribute, not an entry.
    func matches(_ spec: String) -> [Int] {
        guard !spec.hasPrefix("@") else { return [] }
        let exact = entries.indices.filter { entries[$0].path == spec }
        guard exact.isEmpty, !spec.contains("/") else { return exact }
        let suffix = "/" + spec
        return entries.indices.filter { index in
            let entry = entries[index]
            return !entry.isAttribute && entry.path.hasSuffix(suffix)
                && !entry.path.split(separator: "/").dropLast().contains(Substring(spec))
        }
    }

    /// The value a spec names: every match, joined by line breaks (see `matches`). Several `<p>` or `<text>`
    /// elements are one comment; reading the first alone lost the rest without a word. Matches together over
    /// `maximumTextBytes` are too long, as one element would be.
    func value(at spec: String) -> Value? {
        if spec.hasPrefix("@") { return attribute(String(spec.dropFirst())).map { .text($0) } }
        let found = matches(spec)
        guard let first = found.first else { return nil }
        if found.count == 1 { return value(of: entries[first]) }
        var total = found.count - 1
        for index in found { total += valueLength(entries[index]) }
        guard total <= maximumTextBytes else { return .tooLong(bytes: total) }
        var text = ""
        for (number, index) in found.enumerated() {
            guard case let .text(part) = value(of: entries[index]) else { return .tooLong(bytes: total) }
            if number > 0 { text += "\n" }
            text += part
        }
        return .text(text)
    }

    /// Whether a spec names anything in the record.
    func holds(_ spec: String) -> Bool {
        spec.hasPrefix("@") ? attribute(String(spec.dropFirst())) != nil : !matches(spec).isEmpty
    }

    /// The first value a spec names, for the id: an id is one value, and the other matches stay fields.
    func firstValue(at spec: String) -> Value? {
        if spec.hasPrefix("@") { return attribute(String(spec.dropFirst())).map { .text($0) } }
        return matches(spec).first.map { value(of: entries[$0]) }
    }

    private func valueLength(_ entry: Entry) -> Int { entry.isAttribute ? entry.value.utf8.count : entry.length }

    /// The entries of `index` and everything inside it: what a match takes out of the fields.
    func span(of index: Int) -> ClosedRange<Int> {
        let prefix = entries[index].path + "/"
        var last = index
        while last + 1 < entries.count && entries[last + 1].path.hasPrefix(prefix) { last += 1 }
        return index...last
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Passthrough fields: the record's attributes, then every leaf element and nested attribute by path, but for
    /// the entries in `excludedEntries` (the comment, the id). Repeated elements give repeated fields, in document
    /// order. A field over `maximumTextBytes` is not cut short: the record is rejected as `field_too_long` (as in
    /// CSV), so the first such field is returned instead.
    func fields(excludingAttributes excludedAttributes: [String],
                entries excludedEntries: [ClosedRange<Int>]) -> Result<[Field], OverlongField> {
        var fields = [Field]()
        fields.reserveCapacity(attributes.count + entries.count)
        for field in attributes where !excludedAttributes.contains(field.name) {
            guard field.value.utf8.count <= maximumTextBytes else {
                return .failure(OverlongField(path: "@" + field.name, bytes: field.value.utf8.count))
            }
            fields.append(field)
        }
        for (index, entry) in entries.enumerated()
        where !entry.hasChildren && !excludedEntries.contains(where: { $0.contains(index) }) {
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

    /// What the record holds where the comment was looked for in vain: its child elements (each name once, in
    /// document order), then its attributes as `@name`, the first `limit` of them; and the one with the most
    /// non-blank text, the likeliest place of the comment, for the rejection to suggest as `--xml-text`; never the
    /// id's place (`idSpec`: `@id`, `code`), which holds the longest text of a record with nothing else in it.
    func contents(idSpec: String, limit: Int = 12) -> (holds: [String], suggestion: String?) {
        var holds = [String]()
        var best: (name: String, bytes: Int)?
        func consider(_ name: String, _ value: Value) {
            let bytes: Int
            switch value {
            // A number (a rating, a count) is no likely comment.
            case let .text(text):
                bytes = RecordText.isBlank(text) || Double(text.trimmingSpaces()) != nil ? 0 : text.utf8.count
            case let .tooLong(length): bytes = length
            }
            func bare(_ spec: String) -> Substring { spec.hasPrefix("@") ? spec.dropFirst() : Substring(spec) }
            guard bare(name) != bare(idSpec) else { return }
            if bytes > 0 && bytes > (best?.bytes ?? 0) { best = (name, bytes) }
        }
        for entry in entries where !entry.isAttribute && !entry.path.contains("/") {
            if !holds.contains(entry.path) && holds.count < limit { holds.append(entry.path) }
            consider(entry.path, value(of: entry))
        }
        for attribute in attributes {
            if holds.count < limit { holds.append("@" + attribute.name) }
            consider("@" + attribute.name, value(of: Entry(path: "", isAttribute: true, value: attribute.value)))
        }
        return (holds, best?.name)
    }

    /// Copies the record's bytes in `recent` before `end` (its end, when `atEnd`; else where `recent` is about to
    /// drop bytes), up to `RecordText.rawLimit` from its start. Bytes it needs that `recent` no longer holds make
    /// the raw record unknown (`rawStart` nil), and `raw` is reconstructed.
    mutating func capture(from recent: XMLRecentBytes, upTo end: Int, atEnd: Bool) {
        guard let start = rawStart, !rawComplete else { return }
        let to = min(end, start + RecordText.rawLimit)
        let from = start + rawBytes.count
        if from < to {
            guard from >= recent.start && to <= recent.end else {
                rawStart = nil
                rawBytes = []
                return
            }
            rawBytes += recent.slice(from..<to)
        } else if atEnd && rawBytes.count > to - start {
            // Copied before bytes left `recent`, past where the record turned out to end (libxml2 held back more
            // than `recent` keeps): not the record's.
            rawBytes.removeLast(rawBytes.count - max(to - start, 0))
        }
        guard atEnd else { return }
        rawComplete = true
        if rawBytes.isEmpty { rawStart = nil }
    }

    /// The record for the rejects file: as written (its first `RecordText.rawLimit` bytes, cut between
    /// characters), else, when its bytes could not be kept (a start tag reaching back past `XMLRecentBytes`,
    /// libxml2 recovering from an error in it), the reconstruction.
    var raw: String { rawStart != nil && rawComplete ? RecordText.raw(rawBytes) : reconstructedRaw }

    /// A readable reconstruction for the rejects file, from what was parsed.
    /// Built as bytes and cut once by `RecordText.raw`, at the same byte limit and between characters as every
    /// other format's rejects (a cut by Characters let it reach about 16 KB, and one inside a character invented a
    /// U+FFFD).
    var reconstructedRaw: String {
        var bytes = Array("<\(name)".utf8)
        for attribute in attributes { bytes += Array(" \(attribute.name)=\"\(attribute.value)\"".utf8) }
        bytes.append(UInt8(ascii: ">"))
        bytes += ownTextBytes.prefix(RecordText.rawLimit)
        for entry in entries where !entry.hasChildren && !entry.isAttribute {
            if bytes.count > RecordText.rawLimit { break }
            bytes += Array("<\(entry.path)>".utf8)
            bytes += textBytes[entry.storedStart..<entry.storedEnd].prefix(RecordText.rawLimit)
            bytes += Array("</\(entry.path)>".utf8)
        }
        return RecordText.raw(bytes)
    }
}
