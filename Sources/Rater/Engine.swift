import RaterCore
import RaterDimensions
import RaterLexicon
import RaterScore

/// Everything shared and immutable in a run: lexicons, matcher, scoring and dimension configuration.
/// One engine serves every worker; each worker makes its own `Analyzer` (ICU objects are per thread).
public struct Engine: Sendable {
    public let lexicon: Lexicon
    public var scorer: Scorer
    public var mapper: DimensionMapper
    /// Report this language instead of detecting it (`--lang zh|en`).
    public var languageOverride: Language?

    public init(lexicon: Lexicon, rules: ScoringRules = ScoringRules(), thresholds: LabelThresholds = .standard,
                languageOverride: Language? = nil) {
        self.lexicon = lexicon
        self.scorer = Scorer(matcher: lexicon.makeMatcher(), rules: rules, thresholds: thresholds)
        self.mapper = DimensionMapper(thresholds: thresholds, damping: rules.damping)
        self.languageOverride = languageOverride
    }

    /// The built-in lexicons (found by `LexiconLocator`) with user lexicons layered over them.
    public static func standard(lexiconDirectory: String? = nil, userLexicons: [String] = [],
                                rules: ScoringRules = ScoringRules(), thresholds: LabelThresholds = .standard,
                                languageOverride: Language? = nil) throws -> Engine {
        var lexicon = try Lexicon.load(directory: LexiconLocator.find(explicit: lexiconDirectory))
        try lexicon.layer(paths: userLexicons)
        return Engine(lexicon: lexicon, rules: rules, thresholds: thresholds, languageOverride: languageOverride)
    }
}
