import Foundation
import Rater
import Testing

/// How a dimension weighs opinion words against learned weights, bare negations and the clauses around it
/// (`ClauseTally.score`, `TermWindow`). Sentences written for these tests.
@Suite struct OpinionPriorityTests {
    /// The built-in lexicons with a learned file of the test's own layered over them.
    private func engine(learned lines: [String]) throws -> Engine {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("rater-opinion-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The engine reads the file while it is built, so the folder can go as soon as this returns.
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("learned-test.tsv")
        let text = "# kind: sentiment\n# language: en\n# provenance: written for the tests\n# columns: term<TAB>valence\n"
            + lines.joined(separator: "\n") + "\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try Engine.standard(lexiconDirectory: lexiconFolder, userLexicons: [file.path])
    }

    private func label(_ text: String, _ dimension: ServiceDimension, engine: Engine = dimensionEngine) throws
        -> SentimentLabel?
    {
        try report(text, engine: engine).dimensions.first { $0.dimension == dimension }?.label
    }

    @Test func aNeutralMentionOfStaffTakesTheSentenceNotTheLearnedLeanOfItsTopicWords() throws {
        // "waitress" and "table" lean negative in complaint-heavy review sets; the clause states no opinion.
        #expect(try label("The waitress brought our table the menu, and the pasta was superb", .assurance)
                    == .positive)
    }

    @Test func aLearnedWeightIsOnlyAPriorWhenTheClauseHoldsNoOpinionWord() throws {
        let learned = try engine(learned: ["umbrella\t-0.5"])
        // Nothing else in the sentence: the prior decides.
        #expect(try label("The concierge lent us an umbrella", .assurance, engine: learned) == .negative)
        // The sentence's opinion, borrowed at half weight, outweighs it.
        #expect(try label("The concierge lent us an umbrella, and the lobby was gorgeous", .assurance,
                          engine: learned) == .positive)
        // The comment's own sentiment still counts the learned weight.
        let sentiment = try Analyzer(engine: learned).analysis(of: "The concierge lent us an umbrella").scored.sentiment
        #expect(sentiment.negativeMass > 0)
    }

    /// A score resting on learned weights alone is marked as such (`rater explain` says so): a factual sentence leans
    /// the way its words lean in the reviews the weights were learned from.
    @Test func aScoreFromLearnedWeightsAloneIsMarked() throws {
        let learned = try engine(learned: ["umbrella\t-0.5", "lobby\t0.4"])
        let analyzer = try Analyzer(engine: learned)
        let factual = try analyzer.analysis(of: "The concierge lent us an umbrella").scored.sentiment
        #expect(factual.isLearnedOnly && factual.negativeMass > 0)
        // One opinion word anywhere in the comment and the score is no longer the learned lean alone.
        #expect(try !analyzer.analysis(of: "The concierge lent us an umbrella. The lobby was gorgeous")
                    .scored.sentiment.isLearnedOnly)
        // An opinion word the rules leave with no weight (praise inside a question) is no opinion voiced.
        #expect(try analyzer.analysis(of: "The concierge lent us an umbrella. Is the pool nice?")
                    .scored.sentiment.isLearnedOnly)
        // No evidence at all is not a learned lean either.
        #expect(try !analyzer.analysis(of: "The concierge lent us a map").scored.sentiment.isLearnedOnly)
    }

    @Test func aBareNegationIsAComplaintAboutTheDimensionNearIt() throws {
        #expect(try label("The hostess did not have our booking", .assurance) == .negative)
        #expect(try label("Nobody at the front desk answered the phone", .responsiveness) == .negative)
        // Only for dimensions: the comment's sentiment has no term to score.
        let analysis = try Analyzer(engine: dimensionEngine).analysis(of: "The hostess did not have our booking")
        #expect(analysis.scored.sentiment.score == 0)
        // Switched off, the clause says nothing either way.
        var plain = dimensionEngine
        plain.mapper.bareNegation = 0
        #expect(try label("The hostess did not have our booking", .assurance, engine: plain) == .neutral)
    }

    @Test func aNegationInAQuestionOrWithATargetIsNotBare() throws {
        #expect(try label("Did the hostess not have our booking?", .assurance) != .negative)
        #expect(try label("The staff were not rude at all", .assurance) == .positive)
    }

    @Test func aClauseWithoutOpinionBorrowsTheReverseAcrossAContrast() throws {
        // What the turn praises, the clause before it lacked.
        let turned = try dimensions("The service was what it was, but the garden is lovely")
        #expect(turned[.assurance] == .negative)
        #expect(turned[.tangibles] == .positive)
        // The same for a conceded clause.
        let conceded = try dimensions("Although the lobby was what it was, the staff were wonderful")
        #expect(conceded[.tangibles] == .negative)
        #expect(conceded[.assurance] == .positive)
        // A clause with an opinion of its own keeps it.
        #expect(try dimensions("The lobby was spotless, but the staff were wonderful")[.tangibles] == .positive)
    }
}
