/// Whether a learned term is written in the script of its file's language.
///
/// A learned file is corpus statistics about the comments of one language, and the lexicon merges every file into one
/// matcher that scores comments of both: a Latin word learned from Chinese shopping reviews (`m` −0.62 from clothing
/// sizes, `usb`, `vista`, `t`) scored English comments ("Ordered a size M …" took −0.62 from `zh/learned-reviews.tsv`).
/// `rater lexicon learn --language` has left such terms out since it gained the rule, but a file learned before it, or
/// written by another tool, still carries them; `LexiconFile` drops them when it reads a `learned-*` file, so no file
/// makes one language's statistics score the other's comments. A Chinese file keeps terms with a Han character in
/// them (好low), an English one terms with none; a file of any other language is left whole.
///
/// The cost, accepted: the dropped Latin terms no longer score the Chinese comments they were learned from either
/// (`usb` in 这个usb接口很松). The matcher is one for both languages, so keeping them for Chinese comments only would
/// need a per-language entry; the shop set's macro-F1 moved 0.915 → 0.914 when they went.
enum LearnedScript {
    static func belongs(_ term: String, toLanguage language: String) -> Bool {
        switch language.lowercased() {
        case "zh": term.unicodeScalars.contains { isHan($0.value) }
        case "en": !term.unicodeScalars.contains { isHan($0.value) }
        default: true
        }
    }

    /// CJK unified ideographs and their extensions (the blocks `LanguageDetector` counts as Han).
    static func isHan(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x20000...0x2EBEF).contains(value) || (0xF900...0xFAFF).contains(value)
    }
}
