import Foundation
import Rater

/// The repository's own lexicons: the rules are tested together with the data they ship with.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let sharedEngine: Engine = {
    do { return try Engine.standard(lexiconDirectory: repositoryRoot.appendingPathComponent("Lexicons").path) }
    catch { fatalError("cannot load the repository lexicons: \(error)") }
}()

func analyse(_ text: String) throws -> Analyzer.Analysis {
    try Analyzer(engine: sharedEngine).analysis(of: text)
}

func score(_ text: String) throws -> Double { try analyse(text).scored.sentiment.score }
func label(_ text: String) throws -> SentimentLabel { try analyse(text).scored.sentiment.label }

/// Every rule a comment's terms went through, by name.
func rules(_ text: String) throws -> Set<String> {
    Set(try analyse(text).scored.contributions.flatMap { $0.rules.map(\.name) })
}
