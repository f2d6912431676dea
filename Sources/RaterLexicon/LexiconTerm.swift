/// How lexicon terms are spelled for matching: trimmed, inner whitespace as single spaces, ASCII lower-cased
/// (the segment stage folds comment text the same way). Emoji skin tones and variation selectors are dropped: the
/// matcher walks over them in comments (see `EmojiModifiers`), so a term keeps only its base emoji.
public enum LexiconTerm {
    public static func fold(_ term: String) -> String {
        let words = EmojiModifiers.strip(term).split(whereSeparator: { $0 == " " || $0 == "\t" })
        return String(decoding: words.joined(separator: " ").utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 },
                      as: UTF8.self)
    }
}
