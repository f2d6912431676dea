import RaterCore

/// A record whose text is ready for segmentation: NFKC-normalised, whitespace-folded, Simplified where it was
/// Traditional, with its language detected.
public struct NormalizedComment: Sendable {
    public var record: SourceRecord
    /// The text every later stage reads and quotes back in explanations.
    public var text: String
    public var language: Language
    /// True when Traditional Chinese was transliterated to Simplified.
    public var wasTransliterated: Bool

    public init(record: SourceRecord, text: String, language: Language, wasTransliterated: Bool = false) {
        self.record = record
        self.text = text
        self.language = language
        self.wasTransliterated = wasTransliterated
    }
}
