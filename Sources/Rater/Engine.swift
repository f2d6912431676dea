import RaterCore
import RaterDimensions
import RaterLexicon
import RaterScore

/// Everything shared and immutable in a run: lexicons, matchers, scoring and dimension configuration.
/// One engine serves every worker; each worker makes its own `Analyzer` (ICU objects are per thread).
public struct Engine: Sendable {
    public let lexicon: Lexicon
    public var scorer: Scorer
    public var mapper: DimensionMapper
    /// Finds the scoring terms and the dimension, aspect and signal cues (one layer each, apart from the sentiment
    /// terms) in one pass.
    public let scanner: LexiconScanner
    /// Report this language instead of detecting it (`--lang zh|en`).
    public var languageOverride: Language?
    /// The lexicon files' names, resolved once, that each term's result names as its weight's source.
    public let termSources: TermSources

    public init(lexicon: Lexicon, rules: ScoringRules = ScoringRules(), thresholds: LabelThresholds = .standard,
                languageOverride: Language? = nil, profile: IndustryProfile = .generic) {
        self.lexicon = lexicon
        let matcher = lexicon.makeMatcher()
        self.scorer = Scorer(matcher: matcher, rules: rules, thresholds: thresholds)
        self.mapper = DimensionMapper(thresholds: thresholds, damping: rules.damping, profile: profile)
        // One-character degree words and negators may share an ICU word with a one-character cue (很快, 不贵).
        var modifiers = Set<UInt32>()
        for (term, entry) in lexicon.entries where entry.degree != nil || entry.isNegator {
            let scalars = term.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, scalar.value >= 0x2E80 { modifiers.insert(scalar.value) }
        }
        self.scanner = LexiconScanner(scoring: matcher, cues: lexicon.makeCueTerms(), modifierCharacters: modifiers)
        self.languageOverride = languageOverride
        self.termSources = TermSources(lexicon, entries: matcher.entries)
    }

    public var profile: IndustryProfile { mapper.profile }

    /// The built-in lexicons (found by `LexiconLocator`), then the chosen industry profile's cue files, then the
    /// user's lexicons, each layer over the one before.
    public static func standard(lexiconDirectory: String? = nil, userLexicons: [String] = [],
                                rules: ScoringRules = ScoringRules(), thresholds: LabelThresholds = .standard,
                                languageOverride: Language? = nil, profile profileName: String = "generic") throws
        -> Engine
    {
        let directory = try LexiconLocator.find(explicit: lexiconDirectory)
        var lexicon = try Lexicon.load(directory: directory)
        let profile: IndustryProfile
        if profileName == IndustryProfile.generic.name && !ProfileCatalog.exists(lexiconDirectory: directory) {
            profile = .generic
        } else {
            let catalog = try ProfileCatalog(lexiconDirectory: directory)
            profile = try catalog.profile(named: profileName)
            try lexicon.layer(paths: catalog.lexiconFiles(for: profile))
        }
        try lexicon.layer(paths: userLexicons)
        return Engine(lexicon: lexicon, rules: rules, thresholds: thresholds, languageOverride: languageOverride,
                      profile: profile)
    }
}
