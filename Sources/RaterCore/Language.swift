/// The language of a comment, as the normalize stage detects it from its scripts.
public enum Language: String, Sendable, Codable, CaseIterable {
    case zh
    case en
    /// Both Chinese and English carry a substantial share of the letters.
    case mixed
    /// No letters of either script (empty, digits, emoji only, or another script).
    case und
}
