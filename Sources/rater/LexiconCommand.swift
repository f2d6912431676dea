import ArgumentParser
import Foundation
import Rater

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Learn, import and list lexicons.",
        subcommands: [LexiconLearnCommand.self, LexiconImportCommand.self, LexiconListCommand.self])
}

struct LexiconLearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Induce sentiment terms and weights from labelled data into a lexicon file a person can review.")

    @Option(help: "Labelled file(s) (CSV, TSV, XML); repeatable.")
    var gold: [String]

    @Option(help: "The column holding the gold label.")
    var labelColumn: String = "label"

    @Option(help: "Gold values to labels, e.g. '1=negative,5=positive' (default: 1/positive, 0/negative).")
    var labelMap: String?

    @Option(help: "Learn from comments of this language only (detected as analyze does; comments mixing both scripts count for both), and only terms of its script (Han for zh, Latin for en); written into the file header. zh, en or any.")
    var language: String = "any"

    @Option(help: "Keep terms seen in at least this many comments.")
    var minDocuments: Int = 8

    @Option(help: "Keep terms whose log-odds z-score is at least this.")
    var minZ: Double = 3.0

    @Option(help: "Valence = log-odds × scale (clipped to ±3).")
    var scale: Double = 1.2

    @Option(help: "Keep at most this many terms.")
    var maxTerms: Int = 20_000

    @Option(help: "Pseudo-counts of the prior that shrinks rare terms toward zero. The default suits tens of thousands of comments; a team's few hundred corrections need about 10–20.")
    var priorStrength: Double = LexiconLearner.Options().priorStrength

    @Option(help: "Leave out terms in more than this share of the comments (function words such as 'it', 的) unless one-sided (one label's rate of comments holding them at most a tenth of the other's).")
    var maxDocumentShare: Double = LexiconLearner.Options().maximumDocumentShare

    @Option(help: "Keep only terms that lean their way in at least this many sources (a lean seen in one source is usually its topic). Sources are the --gold files, or the values of --source-column.")
    var minSources: Int = 1

    @Option(help: "The column naming each comment's source (a product category, a site) for --min-sources; without it each --gold file is a source.")
    var sourceColumn: String?

    @Flag(help: "Count each term again where the scorer would match it (Han terms match at any character) and keep it only if those comments lean the same way.")
    var recountMatches = false

    @Flag(help: "Learn single words only, no word pairs.")
    var noBigrams = false

    @Flag(help: "Also learn function words (lexicon kind 'function': the, was, did) as single words.")
    var learnFunctionWords = false

    @Option(name: .shortAndLong, help: "Where to write the lexicon file.")
    var output: String

    @OptionGroup var ingest: IngestArguments

    @OptionGroup var lexicons: LexiconOptions

    func validate() throws {
        if minDocuments < 1 { throw ValidationError("--min-documents must be 1 or more") }
        if maxTerms < 0 { throw ValidationError("--max-terms must be 0 or more") }
        if !minZ.isFinite { throw ValidationError("--min-z must be a number") }
        if !(scale.isFinite && scale > 0) { throw ValidationError("--scale must be a number above 0") }
        if !(priorStrength.isFinite && priorStrength >= 0) { throw ValidationError("--prior-strength must be 0 or more") }
        if minSources < 1 { throw ValidationError("--min-sources must be 1 or more") }
        if !["zh", "en", "any"].contains(language) { throw ValidationError("--language must be zh, en or any") }
        if !(maxDocumentShare > 0 && maxDocumentShare <= 1) {
            throw ValidationError("--max-document-share must be above 0 and at most 1")
        }
    }

    func run() throws {
        // Opened first, so an output that cannot be written fails before the learning.
        let file = try OutputFile(path: output)
        let engine = try lexicons.makeEngine()
        var learnerOptions = LexiconLearner.Options()
        learnerOptions.minimumDocuments = minDocuments
        learnerOptions.minimumZ = minZ
        learnerOptions.scale = scale
        learnerOptions.maximumTerms = maxTerms
        learnerOptions.priorStrength = priorStrength
        learnerOptions.includeBigrams = !noBigrams
        learnerOptions.learnFunctionWords = learnFunctionWords
        learnerOptions.maximumDocumentShare = maxDocumentShare
        learnerOptions.minimumSources = minSources
        learnerOptions.recountMatches = recountMatches
        learnerOptions.language = language == "any" ? nil : Language(rawValue: language)
        var learner = try LexiconLearner(lexicon: engine.lexicon, options: learnerOptions)
        let map = try labelMap.map { try GoldLabelMap(parsing: $0) } ?? .standard
        var unlabelled = 0
        for path in gold {
            var reader = try LabelledInput.reader(path: path, options: ingest.options)
            while let event = try reader.next() {
                guard case let .record(record) = event else { continue }
                guard let label = try map.label(of: record, column: labelColumn) else {
                    unlabelled += 1
                    continue
                }
                var source = path
                if let sourceColumn {
                    guard let value = record.fields.value(ofColumn: sourceColumn) else {
                        throw EvaluationError.missingLabel(record: record.location, column: sourceColumn)
                    }
                    source = value
                }
                try learner.add(text: record.text, label: label, source: source)
            }
        }
        if unlabelled > 0 { printError("rater: \(unlabelled) records without a gold label left out") }
        if learner.otherLanguageComments > 0 {
            printError("rater: \(learner.otherLanguageComments) labelled comments not in \(language) left out "
                + "(--language \(language))")
        }
        let comments = learner.positiveComments + learner.negativeComments
        // Fewer sources than --min-sources would drop every term and read as "nothing leans".
        if learner.sourceCount < minSources {
            throw ValidationError("--min-sources \(minSources) needs as many sources, found \(learner.sourceCount) "
                + (sourceColumn.map { "values of column '\($0)'" } ?? "--gold files (--source-column groups by a column)"))
        }
        let terms = try learner.learn()
        let tooCommon = learner.tooCommonTerms()
        // An empty file would replace a team's earlier lexicon with nothing and look like success.
        guard !terms.isEmpty else {
            throw LearnedNothing(comments: comments, language: language,
                                 otherLanguageComments: learner.otherLanguageComments,
                                 minDocuments: minDocuments, minZ: minZ, priorStrength: priorStrength, output: output,
                                 tooCommon: tooCommon, maxDocumentShare: maxDocumentShare)
        }
        // Measured 2026-11-28 on halves of the team's 120-comment golds: terms from a few comments each are that
        // set's wording as often as opinions (see README, Review workspace).
        if comments < LearnedNothing.smallSet {
            printError("rater: \(comments) labelled comments is a small set: a term seen in a few of them is that "
                + "set's wording as often as an opinion, so review the learned terms (each line gives its comment "
                + "counts) before using the file")
        }
        if !tooCommon.isEmpty {
            printError("rater: \(LearnedNothing.tooCommonNote(tooCommon, maxDocumentShare: maxDocumentShare))")
        }
        let names = gold.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
        let provenance = "learned by rater lexicon learn from \(names) (\(learner.positiveComments) positive, "
            + "\(learner.negativeComments) negative comments), min-documents \(minDocuments), min-z \(minZ), "
            + "prior strength \(priorStrength), "
            + (minSources > 1 ? "min-sources \(minSources)\(sourceColumn.map { " (by \($0))" } ?? ""), " : "")
            + (recountMatches ? "recounted as matched, " : "")
            + "scale \(scale); terms and weights only, no text from the source"
        try write(LexiconLearner.fileText(terms, language: language, provenance: provenance), to: file)
        printError("rater: learned \(terms.count) terms from \(comments) comments → \(output)")
    }
}

/// `rater lexicon learn` found no term that passes its thresholds: nothing is written.
struct LearnedNothing: Error, CustomStringConvertible {
    /// Labelled comments of `language` (positive or negative) the learner counted.
    var comments: Int
    var language = "any"
    /// Labelled comments left out for `--language`.
    var otherLanguageComments = 0
    var minDocuments: Int
    var minZ: Double
    var priorStrength: Double
    var output: String
    /// Terms left out as too common, with their share of the comments (`LexiconLearner.tooCommonTerms`).
    var tooCommon: [(term: String, share: Double)] = []
    var maxDocumentShare = LexiconLearner.Options().maximumDocumentShare

    /// Below this many labelled comments a learned file overfits (a warning says so when terms are learned).
    static let smallSet = 200

    var description: String {
        let counted = language == "any" ? "\(comments) labelled comments" : "\(comments) labelled \(language) comments"
            + (otherLanguageComments > 0 ? " (\(otherLanguageComments) of other languages left out)" : "")
        // The small-set thresholds the README suggests: recommending them to a user who gave them (or lower) is no help.
        let atSmallSetThresholds = minDocuments <= 3 && minZ <= 1.0 && priorStrength <= 20
        return "learned no terms from \(counted): none is in --min-documents \(minDocuments) comments "
            + "with --min-z \(minZ) at --prior-strength \(priorStrength)"
            + (tooCommon.isEmpty ? "" : " (\(Self.tooCommonNote(tooCommon, maxDocumentShare: maxDocumentShare)))")
            + "; \(output) is left as it was. "
            + (atSmallSetThresholds
                ? "\(comments) comments are too few even for these thresholds: label more (a few hundred) and learn again."
                : "A team's few hundred corrections need thresholds such as --min-documents 3 --min-z 1.0 "
                    + "--prior-strength 20.")
    }

    /// "2 terms are in more than 20% of the comments with both labels and were left out as too common: the (61%),
    /// was (34%); --max-document-share raises the limit".
    static func tooCommonNote(_ terms: [(term: String, share: Double)], maxDocumentShare: Double) -> String {
        let shown = terms.prefix(5).map { "\($0.term) (\(Int(($0.share * 100).rounded()))%)" }.joined(separator: ", ")
        let percent = Int((maxDocumentShare * 100).rounded())
        return "\(terms.count) term\(terms.count == 1 ? " is" : "s are") in more than \(percent)% of the comments "
            + "with both labels and \(terms.count == 1 ? "was" : "were") left out as too common: \(shown)"
            + (terms.count > 5 ? ", …" : "") + "; --max-document-share raises the limit"
    }
}

struct LexiconImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a word + valence TSV (AFINN-, VADER- or NTUSD-style) into a Rater lexicon file.",
        // Says what `LexiconImporter.convert` does, line kind by line kind (LexiconImportCommandLineTests runs both).
        discussion: "Reads the first column as the term and the first numeric column after it as the valence "
            + "(--valence when there is none); a repeated term keeps its last valence. "
            + "Skipped: blank lines, lines starting with #, and comment lines in the style of Hu and Liu's opinion "
            + "lexicon (a lone ;, or ; followed by ; or a blank). "
            + "Any other line starting with ; is a term, such as VADER's winks ;) ;-) ;D. "
            + "Use it for a lexicon you are licensed to use.")

    @Argument(help: "The TSV file to import.")
    var input: String

    @Option(help: "Multiply valences by this (e.g. 0.8 to map −5…5 onto −4…4).")
    var scale: Double = 1.0

    @Option(help: "Valence for files with no numeric column (a list of positive or negative words).")
    var valence: Double?

    @Option(help: "Language written into the header.")
    var language: String = "any"

    @Option(help: "Where the lexicon comes from and its licence, written into the header.")
    var provenance: String

    @Option(name: .shortAndLong, help: "Where to write the Rater lexicon file.")
    var output: String

    func validate() throws {
        if !(scale.isFinite && scale > 0) { throw ValidationError("--scale must be a number above 0") }
        if let valence, !valence.isFinite { throw ValidationError("--valence must be a number") }
    }

    func run() throws {
        let file = try OutputFile(path: output)
        let contents = try String(contentsOfFile: input, encoding: .utf8)
        let imported = try LexiconImporter.convert(contents, path: input, scale: scale, defaultValence: valence)
        var text = "# kind: sentiment\n# language: \(language)\n# provenance: \(provenance)\n"
        text += "# imported by rater lexicon import from \(URL(fileURLWithPath: input).lastPathComponent), scale \(scale)\n"
        text += "# columns: term<TAB>valence\n"
        for (term, value) in imported { text += "\(term)\t\(value)\n" }
        try write(text, to: file)
        printError("rater: imported \(imported.count) terms → \(output)")
    }
}

struct LexiconListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the lexicon files in force, with kind, language, entries and provenance.")

    @OptionGroup var lexicons: LexiconOptions

    func run() throws {
        let engine = try lexicons.makeEngine()
        for source in engine.lexicon.sources {
            print("\(source.path)\t\(source.kind.rawValue)\t\(source.language)\t\(source.entryCount)\t\(source.provenance)")
        }
        print("total distinct terms: \(engine.lexicon.entries.count)")
    }
}

/// Writes a whole text file through `OutputFile`: atomically for a regular file, in place for a device, a FIFO or
/// an open descriptor's name (`-o /dev/stdout` with standard output redirected used to rename the file over the
/// `/dev/stdout` link itself, as root).
func write(_ text: String, to file: OutputFile) throws {
    try file.write(Array(text.utf8))
    try file.commit()
}
