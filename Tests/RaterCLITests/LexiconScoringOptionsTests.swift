import Foundation
import Testing

/// `rater lexicon learn` and `rater lexicon list` load lexicons and score nothing, yet took every scoring option of
/// `analyze` (`--confidence-model`, `--lang`, the thresholds) and did nothing with them: `--confidence-model fit.json`
/// was accepted, and the help offered it. They offer the lexicon options alone now, and a scoring option is a usage
/// error (64) before anything is read or written; `rater lexicon import` never took them, and says so the same way.
@Suite struct LexiconScoringOptionsTests {
    @Test(arguments: [["--confidence-model", "fit.json"], ["--lang", "zh"], ["--positive-threshold", "0.2"],
                      ["--negative-threshold", "-0.2"]])
    func scoringOptionsAreRefused(_ option: [String]) throws {
        let scratch = try ScratchFolder()
        let gold = try scratch.write("gold.csv", "id,text,label\n1,the clerk was brisk,1\n2,drab lobby,0\n")
        let list = try scratch.write("list.txt", "brisk\t1.0\n")
        for arguments in [["lexicon", "learn", "--gold", gold, "-o", scratch.path + "out.tsv"],
                          ["lexicon", "import", list, "--provenance", "tests", "-o", scratch.path + "out.tsv"],
                          ["lexicon", "list"]] {
            let outcome = try CLIProcess.run(arguments + option)
            #expect(outcome.status == 64, "\(arguments + option): \(outcome.standardError)")
            #expect(outcome.standardError.contains(option[0]), "\(outcome.standardError)")
            #expect(!scratch.exists("out.tsv"))
        }
    }

    @Test func theHelpOffersTheLexiconOptionsAlone() throws {
        for command in [["lexicon", "learn"], ["lexicon", "import"], ["lexicon", "list"]] {
            let help = try CLIProcess.run(command + ["--help"])
            #expect(help.status == 0, "\(help.standardError)")
            for option in ["--confidence-model", "--lang ", "--positive-threshold", "--negative-threshold"] {
                #expect(!help.standardOutput.contains(option), "\(command) offers \(option)")
            }
        }
        for command in [["lexicon", "learn"], ["lexicon", "list"]] {
            let help = try CLIProcess.run(command + ["--help"]).standardOutput
            #expect(help.contains("--lexicons") && help.contains("--lexicon ") && help.contains("--profile"), "\(help)")
        }
        // The commands that score keep them all.
        for command in [["analyze"], ["explain"], ["eval"], ["calibrate"]] {
            let help = try CLIProcess.run(command + ["--help"]).standardOutput
            for option in ["--confidence-model", "--lang ", "--positive-threshold", "--profile", "--lexicons"] {
                #expect(help.contains(option), "\(command) lacks \(option)")
            }
        }
    }

    /// A nightly config written before 2026-11-28 may hold them in a lexicon section, and every section is checked
    /// whatever command runs: refusing them stopped every command, `analyze` too. In a file they are skipped with a
    /// warning naming each key; typed they are still refused, and any other unknown key is still a mistake.
    @Test func aConfigFileWithThemKeepsRunningWithAWarning() throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(3)
        let config = try scratch.write("nightly.json", """
            {"analyze": {"inputs": ["\(export)"], "output": "\(scratch.path)out.jsonl"},
             "lexicon": {"learn": {"lang": "zh", "confidence-model": "fit.json"}, "list": {"positive-threshold": 0.2}}}
            """)
        let warned = ["lexicon.learn.lang is ignored", "lexicon.learn.confidence-model is ignored",
                      "lexicon.list.positive-threshold is ignored"]
        let analyzed = try CLIProcess.run(["--config", config])
        #expect(analyzed.status == 0, "\(analyzed.standardError)")
        #expect(scratch.exists("out.jsonl"))
        for warning in warned { #expect(analyzed.standardError.contains(warning), "\(analyzed.standardError)") }
        let listed = try CLIProcess.run(["lexicon", "list", "--config", config])
        #expect(listed.status == 0, "\(listed.standardError)")
        #expect(listed.standardOutput.contains("sentiment"), "\(listed.standardOutput)")
        for warning in warned { #expect(listed.standardError.contains(warning), "\(listed.standardError)") }
        let typed = try CLIProcess.run(["lexicon", "list", "--config", config, "--lang", "zh"])
        #expect(typed.status == 64 && typed.standardError.contains("--lang"), "\(typed.standardError)")
        let misspelt = try scratch.write("misspelt.json", #"{"lexicon": {"list": {"langs": "zh"}}}"#)
        let refused = try CLIProcess.run(["lexicon", "list", "--config", misspelt])
        #expect(refused.status == 64 && refused.standardError.contains("lexicon.list.langs is not an option"),
                "\(refused.standardError)")
    }
}
