import ArgumentParser
import Rater

/// The lexicons a command loads: all that `rater lexicon learn` and `rater lexicon list` take of the engine. They
/// score nothing, so the scoring options (`EngineOptions`: `--lang`, `--confidence-model`, the thresholds) would be
/// taken and have no effect; they are not offered there, and typed there they are a usage error (64).
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicons"), help: "The built-in lexicon folder (default: found beside the binary).")
    var lexiconDirectory: String?

    @Option(name: .customLong("lexicon"), help: "A user lexicon file or folder layered over the built-in ones (repeatable).")
    var userLexicons: [String] = []

    @Option(help: "Industry profile: hotel, restaurant, delivery, retail, healthcare, banking, telecom, it-ops, airline or generic. Adds the industry's cue words and weighs the dimensions for the service score.")
    var profile: String = "generic"

    /// An engine with these lexicons and the standard scoring.
    func makeEngine(thresholds: LabelThresholds = .standard, languageOverride: Language? = nil) throws -> Engine {
        try Engine.standard(lexiconDirectory: lexiconDirectory, userLexicons: userLexicons, thresholds: thresholds,
                            languageOverride: languageOverride, profile: profile)
    }
}

/// Options every command that scores text shares.
struct EngineOptions: ParsableArguments {
    @OptionGroup var lexicons: LexiconOptions

    @Option(help: "Language to report: auto (detect), zh or en.")
    var lang: LanguageChoice = .auto

    @Option(help: "A confidence model fitted by `rater calibrate --output FILE` (JSON), used instead of the built-in one.")
    var confidenceModel: String?

    @Option(help: "Scores above this are positive.")
    var positiveThreshold: Double = LabelThresholds.standard.positive

    @Option(help: "Scores below this are negative.")
    var negativeThreshold: Double = LabelThresholds.standard.negative

    func validate() throws {
        // Scores lie in -1…1: a threshold outside that (or not a number) would label every comment alike.
        for (name, value) in [("--positive-threshold", positiveThreshold), ("--negative-threshold", negativeThreshold)]
        where !(-1...1).contains(value) {
            throw ValidationError("\(name) must be a number between -1 and 1")
        }
        guard negativeThreshold <= positiveThreshold else {
            throw ValidationError("--negative-threshold must not exceed --positive-threshold")
        }
    }

    func makeEngine() throws -> Engine {
        var engine = try lexicons.makeEngine(
            thresholds: LabelThresholds(positive: positiveThreshold, negative: negativeThreshold),
            languageOverride: lang.language)
        if let confidenceModel { engine.scorer.confidence = try ConfidenceModelFile.load(confidenceModel) }
        return engine
    }
}

enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, zh, en

    var language: Language? {
        switch self {
        case .auto: return nil
        case .zh: return .zh
        case .en: return .en
        }
    }
}

extension InputFormat: ExpressibleByArgument {}
