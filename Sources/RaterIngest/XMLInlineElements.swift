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

    /// Matched ignoring ASCII case: `<B>` and `<Span>` are written too. A name longer than any inline one, or with
    /// no capital, is settled without making a lower-cased copy (this is asked for every element of every record).
    static func contains(_ name: String) -> Bool {
        if names.contains(name) { return true }
        guard name.utf8.count <= 6, name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return false }
        return names.contains(name.lowercased())
    }
}
