import Foundation
import Rater
import Testing

/// The words of two rules are lexicon data an analyst can extend (`exclamatives.tsv`, `zh/echo-links.tsv`), read by
/// the scorer through each match's lexicon entry rather than compared as text. Sentences written for these tests.
@Suite struct EditableRuleWordsTests {
    /// The built-in lexicons with one file of the test's own layered over them.
    private func engine(kind: String, lines: [String]) throws -> Engine {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("rater-rule-words-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The engine reads the file while it is built, so the folder can go as soon as this returns.
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(kind).tsv")
        let text = "# kind: \(kind)\n# language: zh\n# provenance: written for the tests\n"
            + lines.joined(separator: "\n") + "\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try Engine.standard(lexiconDirectory: repositoryRoot.appendingPathComponent("Lexicons").path,
                                   userLexicons: [file.path])
    }

    private func scored(_ text: String, _ engine: Engine) throws -> ScoredComment {
        try Analyzer(engine: engine).analysis(of: text).scored
    }

    /// 未曾 is a negator the shipped list of negators of experience leaves out: listed as one, 未曾这么失望过 is a
    /// complaint intensified, where it was read as a negated intensifier (mild praise).
    @Test func anAnalystCanAddANegatorOfExperience() throws {
        let text = "我未曾这么失望过"
        #expect(try label(text) != .negative)
        let scored = try scored(text, engine(kind: "exclamative", lines: ["未曾\texperiential"]))
        #expect(scored.sentiment.label == .negative)
        #expect(!scored.contributions.flatMap(\.rules).contains { $0.name == "soft_negated" || $0.name == "negated" })
    }

    /// 生气 is no relief in the shipped list, so after a negator of need it is the complaint it names (没必要生气 said
    /// of a clerk who got angry); an analyst whose customers write it of their own worry lists it as a relief.
    @Test func anAnalystCanAddARelief() throws {
        let text = "前台完全没必要生气"
        #expect(try analyse(text).scored.contributions.contains { $0.term == "生气" && $0.weight < 0 })
        let scored = try scored(text, engine(kind: "relief", lines: ["生气"]))
        #expect(scored.contributions.contains { $0.term == "生气" && $0.weight > 0 })
    }

    /// 倒也 between two 干净 is a link once listed: the echoed term counts once, conceded, and the complaint after it
    /// decides. The link holds no 是, so comments without 是 are looked at too.
    @Test func anAnalystCanAddAnEchoLinkWithoutShi() throws {
        let text = "房间干净倒也干净，就是隔音太差了"
        // The first 干净 is matched inside the phrase 房间干净.
        #expect(try analyse(text).scored.contributions.filter { $0.term.hasSuffix("干净") }.count == 2)
        let scored = try scored(text, engine(kind: "echo", lines: ["倒也"]))
        let granted = scored.contributions.filter { $0.term.hasSuffix("干净") }
        #expect(granted.count == 1)
        #expect(granted.first?.rules.contains { $0.name == "conceded" } == true)
        #expect(scored.sentiment.label == .negative)
    }

    /// An elongated exclamative degree word ("sooo", matched as "so") makes the exclamative as "so" does: the rule
    /// reads the match's entry, where it compared the written word with a list and read "never … sooo disappointed"
    /// as a negated intensifier, that is as praise.
    @Test(arguments: ["I have never been sooo disappointed", "Never been soooo disappointed in a hotel"])
    func anElongatedDegreeWordAfterNeverStillIntensifies(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try !rules(text).contains("soft_negated"), "\(text)")
        #expect(try rules(text).contains("intensified"), "\(text)")
    }

    /// The shipped words keep working from the files: a learned phrase that opens with 这么 counts as the degree
    /// word before the term, and capitals change nothing.
    @Test(arguments: ["从来没见过这么差的服务", "NEVER been SO rude to anyone"])
    func theShippedWordsComeFromTheFiles(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try !rules(text).contains("soft_negated") && !rules(text).contains("negated"), "\(text)")
    }
}
