/// The elements that format text inside a line rather than break it: HTML's phrasing elements, which comment
/// exports carry over from rich-text editors (`Really <b>great</b> food`, `<span class="x">un</span>friendly`).
/// Every other element boundary inside a record is a line break in the text around it (see `XMLRecordBuilder`):
/// an unknown element is more likely a paragraph, line or field than a bold word, and a break too many costs at most
/// a sentence boundary, while one too few glues two sentences (`cleanthe`) into one reading.
enum XMLInlineElements {
    static let names: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark",
        "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    ]

    /// Matched ignoring ASCII case: `<B>` and `<Span>` are written too.
    static func contains(_ name: String) -> Bool {
        names.contains(name) || names.contains(name.lowercased())
    }
}
