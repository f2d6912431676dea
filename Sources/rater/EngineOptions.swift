import ArgumentParser
import Rater

/// Options every command that scores text shares.
struct EngineOptions: ParsableArguments {
    @Option(name: .customLong("lexicons"), help: "The built-in lexicon folder (default: found beside the binary).")
    var lexiconDirectory: String?

    @Option(name: .customLong("lexicon"), help: "A user lexicon file or folder layered over the built-in ones (repeatable).")
    var userLexicons: [String] = []

    @Option(help: "Language to report: auto (detect), zh or en.")
    var lang: LanguageChoice = .auto

    @Option(help: "Industry profile: hotel, restaurant, delivery, retail, healthcare, banking, telecom, it-ops, airline or generic. Adds the industry's cue words and weighs the dimensions for the service score.")
    var profile: String = "generic"
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
        var engine = try Engine.standard(
            lexiconDirectory: lexiconDirectory, userLexicons: userLexicons,
            thresholds: LabelThresholds(positive: positiveThreshold, negative: negativeThreshold),
            languageOverride: lang.language, profile: profile)
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
