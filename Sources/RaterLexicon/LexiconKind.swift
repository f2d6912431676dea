/// The kinds of lexicon file, as named by a file's `# kind:` header line.
public enum LexiconKind: String, Sendable, CaseIterable {
    case sentiment
    case negator
    case degree
    case contrast
    case irrealis
    case dimension
    /// A non-RATER aspect cue: term, aspect (price, product, location), weight [, context].
    case aspect
    /// A business signal cue: term, signal value (exceeded, met, fell_short, recovered, unresolved, loyal,
    /// at_risk) [, context].
    case signal
    /// Closed-class words (the, was, i) that carry no sentiment: `rater lexicon learn` never learns them, and the
    /// scorer never sees them.
    case function

    /// How many TAB-separated columns a data line of this kind has.
    var columnCount: Int {
        switch self {
        case .negator, .function: return 1
        case .sentiment, .degree, .contrast, .irrealis: return 2
        case .dimension, .aspect: return 3
        case .signal: return 2
        }
    }
}
