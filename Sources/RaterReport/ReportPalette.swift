/// Colours from the Okabe–Ito palette, chosen to stay distinguishable with the common colour-vision deficiencies:
/// positive is blue and negative orange (a diverging pair that does not rely on red against green), and every
/// colour is also paired with position or a label, never the only carrier of meaning.
public enum ReportPalette {
    public static let positive = "#0072B2"
    public static let negative = "#E69F00"
    public static let neutral = "#999999"
    public static let accent = "#009E73"
    public static let ink = "#222222"
    public static let grid = "#DDDDDD"
    public static let band = "#CFE3F1"
}
