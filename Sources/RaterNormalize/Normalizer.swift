import CRaterICU
import RaterCore

/// The normalize stage: NFKC, whitespace folding, Traditional → Simplified, language detection.
///
/// Traditional Chinese goes through `SimplifiedChineseTable`, built from ICU's transliterator once per process, when
/// the first Chinese comment comes (`TraditionalChinese` decides from the table which comments are Traditional): a
/// run with no Chinese never opens ICU's transliterators, whose registry alone cost 167 M instructions (20 ms) of
/// every start-up.
public final class Normalizer {
    public let detector: LanguageDetector
    private let transliterateTraditional: Bool

    /// - Parameter transliterateTraditional: map Traditional Chinese to Simplified so the Simplified lexicons apply.
    public init(detector: LanguageDetector = LanguageDetector(), transliterateTraditional: Bool = true) throws {
        self.detector = detector
        self.transliterateTraditional = transliterateTraditional
    }

    public func normalize(_ record: SourceRecord) throws -> NormalizedComment {
        var text = try Self.nfkc(record.text)
        text = WhitespaceFolding.fold(text)
        let language = detector.detect(text)
        var transliterated = false
        if transliterateTraditional, language == .zh || language == .mixed, TraditionalChinese.looksTraditional(text) {
            let simplified = try SimplifiedChineseTable.simplify(text)
            transliterated = simplified != text
            text = simplified
        }
        return NormalizedComment(record: record, text: text, language: language, wasTransliterated: transliterated)
    }

    /// NFKC maps full-width letters, digits and punctuation to their ASCII forms and composes characters, so one
    /// lexicon entry matches every way a keyboard can type it. Pure ASCII is already NFKC and skips ICU.
    public static func nfkc(_ text: String) throws -> String {
        if isASCII(text) { return text }
        var input = text
        switch input.withUTF8({ CommonTextNFKC.normalize($0) }) {
        case .unchanged: return text
        case .mapped(let normalized): return normalized
        case .needsICU: break
        }
        return try applyUTF8Transform(text, operation: "NFKC normalisation", { rater_nfkc_utf8($0, $1, $2, $3, $4) })
            ?? text
    }

    /// Whether every byte is ASCII, eight bytes at a time (most English comments take this path on every record).
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var index = 0
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                var highBits: UInt64 = 0
                while index + 8 <= buffer.count {
                    highBits |= base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    index += 8
                }
                if highBits & 0x8080_8080_8080_8080 != 0 { return false }
            }
            while index < buffer.count {
                if buffer[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
    }
}
