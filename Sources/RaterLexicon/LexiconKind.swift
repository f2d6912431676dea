/// The kinds of lexicon file, as named by a file's `# kind:` header line.
public enum LexiconKind: String, Sendable, CaseIterable {
    case sentiment
    case negator
    case degree
    case contrast
    case irrealis
    case dimension
    /// Closed-class words (the, was, i) that carry no sentiment: `rater lexicon learn` never learns them, and the
    /// scorer never sees them.
    case function

    /// How many TAB-separated columns a data line of this kind has.
    var columnCount: Int {
        switch self {
        case .negator, .function: return 1
        case .sentiment, .degree, .contrast, .irrealis: return 2
        case .dimension: return 3
        }
    }
}
