extension Normalizer {
    /// What the normaliser does to every comment, but language detection, for text written in a lexicon (terms and
    /// context conditions): NFKC, typographic apostrophes and invisible characters folded, and Traditional →
    /// Simplified when the text holds a character that makes a comment Traditional.
    ///
    /// A term is matched against normalised comments: written `flumm’d`, `ｆｌｉｍｐ`, `blét` decomposed or `質感讚`, it
    /// could never match, since no normalised comment holds those spellings. Normalising at load lets an analyst
    /// write a term as comments spell it. An NFKC or table failure (a broken libicu) leaves the text as it is: the
    /// comments' own path reports such a failure.
    public static func normalizeEntry(_ text: String) -> String {
        if isASCII(text) { return WhitespaceFolding.fold(text) }
        var text = (try? nfkc(text)) ?? text
        text = WhitespaceFolding.fold(text)
        // Only text with a three-byte scalar from U+3000 up can hold an ideograph (and build the table).
        if text.utf8.contains(where: { $0 >= 0xE3 && $0 <= 0xEF }), TraditionalChinese.looksTraditional(text),
           let simplified = try? SimplifiedChineseTable.simplify(text) {
            text = simplified
        }
        return text
    }
}
