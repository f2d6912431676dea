import RaterCore

/// Accumulates one XML record while the streaming reader walks its subtree.
struct XMLRecordBuilder {
    let name: String
    let depth: Int
    let line: Int
    let attributes: [Field]
    /// Direct children with their text (all text below them, concatenated).
    private(set) var children: [(name: String, text: String)] = []
    /// Text directly inside the record element.
    private(set) var ownText = ""
    /// The first entity reference the record uses, which libxml2 was told not to expand.
    var unexpandedEntity: String?
    private var openChild: Int?

    init(name: String, depth: Int, line: Int, attributes: [Field]) {
        self.name = name
        self.depth = depth
        self.line = line
        self.attributes = attributes
    }

    mutating func openElement(name: String, depth: Int, isEmpty: Bool) {
        guard depth == self.depth + 1 else { return }
        children.append((name, ""))
        openChild = isEmpty ? nil : children.count - 1
    }

    mutating func closeElement(depth: Int) {
        if depth == self.depth + 1 { openChild = nil }
    }

    mutating func appendText(_ text: String, depth: Int) {
        if depth == self.depth + 1, openChild == nil {
            ownText += text
        } else if let openChild {
            children[openChild].text += text
        }
    }

    func childText(_ name: String) -> String? {
        children.first { $0.name == name }?.text
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// A readable reconstruction for the rejects file (the streaming reader does not keep the original bytes).
    var raw: String {
        var text = "<\(name)"
        for attribute in attributes { text += " \(attribute.name)=\"\(attribute.value)\"" }
        text += ">" + ownText
        for child in children { text += "<\(child.name)>\(child.text)</\(child.name)>" }
        return String(text.prefix(RecordText.rawLimit))
    }
}
