/// Builds HTML (and inline SVG) so that escaping happens by construction.
///
/// Element and attribute names are `StaticString`s — they can only come from Rater's own source — and the only
/// way to add runtime text is `text(_:)` or an attribute value, which go through `HTMLEscape`. Trusted markup that
/// is not an element (the stylesheet) is also a `StaticString`. There is no other way to append to the output, so
/// no untrusted string is ever concatenated into the page.
///
/// The output is XHTML-compatible HTML5 (void elements self-closed, every attribute quoted), so an XML parser can
/// check that it is well formed.
public struct HTMLBuilder: Sendable {
    public private(set) var output = ""
    /// Elements the HTML parser treats as void: they never have content or an end tag.
    private static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link", "col", "wbr", "input"]

    public init() {}

    public mutating func doctype() { output += "<!DOCTYPE html>\n" }

    /// An element with attributes (nil values are left out) and content built by `body`.
    public mutating func element(_ name: StaticString, _ attributes: [(StaticString, String?)] = [],
                                 _ body: (inout HTMLBuilder) -> Void = { _ in }) {
        let tag = name.description
        output += "<" + tag
        for (attribute, value) in attributes {
            guard let value else { continue }
            output += " " + attribute.description + "=\"" + HTMLEscape.attribute(value) + "\""
        }
        if Self.voidElements.contains(tag) {
            output += "/>"
            return
        }
        output += ">"
        body(&self)
        output += "</" + tag + ">"
    }

    /// An element whose only content is text.
    public mutating func element(_ name: StaticString, _ attributes: [(StaticString, String?)] = [], text: String) {
        element(name, attributes) { $0.text(text) }
    }

    public mutating func text(_ value: String) { output += HTMLEscape.text(value) }

    /// Markup written in Rater's source (the stylesheet); never runtime data.
    public mutating func trusted(_ markup: StaticString) { output += markup.description }

    public mutating func newline() { output += "\n" }
}
