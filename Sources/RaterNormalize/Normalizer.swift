import CRaterICU
import RaterCore

/// The normalize stage: NFKC, whitespace folding, Traditional → Simplified, language detection.
///
/// Holds an ICU transliterator, which is not thread-safe: create one `Normalizer` per worker.
public final class Normalizer {
    public let detector: LanguageDetector
    private let transliterator: OpaquePointer?

    /// - Parameter transliterateTraditional: map Traditional Chinese to Simplified so the Simplified lexicons apply.
    public init(detector: LanguageDetector = LanguageDetector(), transliterateTraditional: Bool = true) throws {
        self.detector = detector
        if transliterateTraditional {
            var status: Int32 = 0
            guard let handle = rater_transliterator_open("Traditional-Simplified", &status) else {
                throw ICUError(operation: "opening the Traditional-Simplified transliterator", code: status)
            }
            transliterator = handle
        } else {
            transliterator = nil
        }
    }

    deinit { rater_transliterator_close(transliterator) }

    public func normalize(_ record: SourceRecord) throws -> NormalizedComment {
        var text = try Self.nfkc(record.text)
        text = WhitespaceFolding.fold(text)
        let language = detector.detect(text)
        var transliterated = false
        if let transliterator, language == .zh || language == .mixed, TraditionalChinese.looksTraditional(text) {
            if let simplified = try applyUTF8Transform(text, operation: "Traditional-Simplified", {
                rater_transliterate_utf8(transliterator, $0, $1, $2, $3, $4)
            }) {
                transliterated = simplified != text
                text = simplified
            }
        }
        return NormalizedComment(record: record, text: text, language: language, wasTransliterated: transliterated)
    }

    /// NFKC maps full-width letters, digits and punctuation to their ASCII forms and composes characters, so one
    /// lexicon entry matches every way a keyboard can type it. Pure ASCII is already NFKC and skips ICU.
    public static func nfkc(_ text: String) throws -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return try applyUTF8Transform(text, operation: "NFKC normalisation", { rater_nfkc_utf8($0, $1, $2, $3, $4) })
            ?? text
    }
}
