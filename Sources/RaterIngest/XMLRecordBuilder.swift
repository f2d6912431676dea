import RaterCore

/// Accumulates one XML record while the streaming reader walks its subtree, naming everything inside by its path
/// relative to the record: `route`, `customer/name`, `aspects/aspect/@polarity`.
struct XMLRecordBuilder {
    /// An element or attribute inside the record.
    struct Entry {
        var path: String
        var text: String
        /// Elements with element children are containers: their text is their descendants', so they are not fields.
        var hasChildren = false
        var isAttribute = false
    }

    let name: String
    let depth: Int
    let line: Int
    let attributes: [Field]
    /// Elements and attributes below the record, in document order.
    private(set) var entries: [Entry] = []
    /// Text directly inside the record element.
    private(set) var ownText = ""
    /// The first entity reference the record uses, which libxml2 was told not to expand.
    var unexpandedEntity: String?
    /// Indices into `entries` of the elements open below the record, outermost first.
    private var open: [Int] = []

    init(name: String, depth: Int, line: Int, attributes: [Field]) {
        self.name = name
        self.depth = depth
        self.line = line
        self.attributes = attributes
    }

    mutating func openElement(name: String, attributes: [Field], isEmpty: Bool) {
        let parentPath = open.last.map { entries[$0].path }
        if let parent = open.last { entries[parent].hasChildren = true }
        let path = parentPath.map { $0 + "/" + name } ?? name
        entries.append(Entry(path: path, text: ""))
        let index = entries.count - 1
        for attribute in attributes {
            entries.append(Entry(path: path + "/@" + attribute.name, text: attribute.value, isAttribute: true))
        }
        if !isEmpty { open.append(index) }
    }

    mutating func closeElement() {
        _ = open.popLast()
    }

    /// Text belongs to every open element, so a container's text is all the text below it.
    mutating func appendText(_ text: String) {
        if open.isEmpty {
            ownText += text
        } else {
            for index in open { entries[index].text += text }
        }
    }

    /// Finds a value by the notation of `--xml-text`/`--xml-id`: `@name` is a record attribute; `a/b` and `a/@x` are
    /// paths from the record; a bare `name` is a child element, else the first element of that name at any depth.
    func value(at spec: String) -> String? {
        if spec.hasPrefix("@") { return attribute(String(spec.dropFirst())) }
        if let exact = entries.first(where: { $0.path == spec }) { return exact.text }
        guard !spec.contains("/") else { return nil }
        return entries.first { !$0.isAttribute && $0.path.hasSuffix("/" + spec) }?.text
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
    /// elements give repeated fields, in document order.
    func fields(excludingAttributes excludedAttributes: [String], paths excludedPaths: [String]) -> [Field] {
        var fields = [Field]()
        fields.reserveCapacity(attributes.count + entries.count)
        for field in attributes where !excludedAttributes.contains(field.name) { fields.append(field) }
        for (index, entry) in entries.enumerated() where !entry.hasChildren && !excludedPaths.contains(entry.path) {
            // `<rating aspect="food" value="4"/>` says everything in its attributes; an empty field beside them is noise.
            if !entry.isAttribute && entry.text.isEmpty && entries.indices.contains(index + 1)
                && entries[index + 1].isAttribute && entries[index + 1].path.hasPrefix(entry.path + "/@") { continue }
            fields.append(Field(entry.path, entry.isAttribute ? entry.text : entry.text.trimmingSpaces()))
        }
        return fields
    }

    /// A readable reconstruction for the rejects file (the streaming reader does not keep the original bytes).
    var raw: String {
        var text = "<\(name)"
        for attribute in attributes { text += " \(attribute.name)=\"\(attribute.value)\"" }
        text += ">" + ownText
        for entry in entries where !entry.hasChildren && !entry.isAttribute {
            text += "<\(entry.path)>\(entry.text)</\(entry.path)>"
            if text.utf8.count > RecordText.rawLimit { break }
        }
        return String(text.prefix(RecordText.rawLimit))
    }
}
