import Foundation
import Testing

/// A single-value option typed twice used to keep the last value silently: `rater eval --gold A --gold B` evaluated
/// only B, `report --db a --db b` reported only b, `analyze -o a -o b` wrote only b. `eval --gold` now takes several
/// files (as `calibrate --gold` does); every other single-value option given twice is a usage error (64) naming it.
@Suite(.serialized) struct RepeatedOptionTests {
    @Test func evalReadsEveryGoldFile() throws {
        let scratch = try ScratchFolder()
        let first = try scratch.write("ga.csv", "id,label,text\n1,negative,The staff were rude\n2,positive,Lovely staff\n")
        let second = try scratch.write("gb.csv", "id,label,text\n3,negative,服务太差\n")
        let outcome = try CLIProcess.run(["eval", "--gold", first, "--gold", second, "--worst", "0"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("records:        3 labelled"), "\(outcome.standardOutput)")
        // Each file's own share, as calibrate reports each file's ECE.
        #expect(outcome.standardOutput.contains("\(first): 2 labelled"), "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("\(second): 1 labelled"), "\(outcome.standardOutput)")
    }

    @Test func evalSignalModeReadsEveryGoldFile() throws {
        let scratch = try ScratchFolder()
        let first = try scratch.write("sa.csv", "id,loyalty,text\n1,at_risk,I will never come again\n")
        let second = try scratch.write("sb.csv", "id,loyalty,text\n2,loyal,我们还会再来\n3,,房间干净\n")
        let outcome = try CLIProcess.run(["eval", "--gold", first, "--gold", second, "--loyalty-column", "loyalty"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("records:   3 analysed"), "\(outcome.standardOutput)")
    }

    @Test(arguments: [
        (["report", "--db", "A.sqlite", "--db", "B.sqlite", "-o", "OUT"], "--db"),
        (["analyze", "EXPORT", "-o", "OUT", "-o", "OUT2"], "--output"),
        (["analyze", "EXPORT", "--output=OUT", "-o", "OUT2"], "--output"),
        (["EXPORT", "-o=OUT", "--output", "OUT2"], "--output"),
        (["analyze", "EXPORT", "-o", "OUT", "--text-column", "text", "--text-column=comment"], "--text-column"),
        (["eval", "--gold", "EXPORT", "--label-column", "a", "--label-column", "b"], "--label-column"),
        (["corrections", "export", "--db", "A.sqlite", "--db", "B.sqlite", "-o", "OUT"], "--db"),
        (["aggregate", "EXPORT", "--aggregate-csv", "OUT", "--aggregate-csv", "OUT2"], "--aggregate-csv"),
    ])
    func aSingleValueOptionGivenTwiceIsRefused(_ arguments: [String], _ option: String) throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(3)
        let outcome = try CLIProcess.run(arguments.map {
            $0.replacingOccurrences(of: "EXPORT", with: export).replacingOccurrences(of: "OUT", with: scratch.path + "out")
                .replacingOccurrences(of: "A.sqlite", with: scratch.path + "a.sqlite")
                .replacingOccurrences(of: "B.sqlite", with: scratch.path + "b.sqlite")
        })
        #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)")
        #expect(outcome.standardError.contains("\(option) is given twice"), "\(outcome.standardError)")
        #expect(!scratch.exists("out") && !scratch.exists("out2"))
    }

    /// The rule is by kind, not by value: an option that takes one value is refused typed twice even with the same
    /// value (`-o a -o a`; spellings of one path are not compared), while a flag typed twice is accepted: it has no
    /// value a second one could replace, so it means what it means once.
    @Test func theSameValueTwiceIsRefusedAndARepeatedFlagIsNot() throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(2)
        let same = try CLIProcess.run(["analyze", export, "-o", scratch.path + "out", "-o", scratch.path + "out"])
        #expect(same.status == 64, "\(same.standardError)")
        #expect(same.standardError.contains("--output is given twice"), "\(same.standardError)")
        #expect(!scratch.exists("out"))
        let flags = try CLIProcess.run(["analyze", export, "-o", scratch.path + "out", "--no-explanation",
                                        "--no-explanation", "--include-text", "--include-text"])
        #expect(flags.status == 0, "\(flags.standardError)")
        let once = try CLIProcess.run(["analyze", export, "--no-explanation", "--include-text"])
        #expect(try scratch.read("out") == once.standardOutput)
    }

    /// After `--` every argument is an input, even one spelt like an option; repeatable options stay repeatable,
    /// and a config file's value is still overridden by the command line's.
    @Test func onlyTypedSingleValueOptionsCount() throws {
        let scratch = try ScratchFolder()
        _ = try scratch.write("-o", "id,branch,channel,text\n1,b1,web,The staff were rude\n")
        let typed = try CLIProcess.run(["analyze", "-o", "out.jsonl", "--group-by", "branch", "--group-by", "channel",
                                        "--", "-o"], directory: scratch.path)
        #expect(typed.status == 0, "\(typed.standardError)")
        #expect(try scratch.read("out.jsonl").split(separator: "\n").count == 1)
        let config = try scratch.write("config.json", "{\"analyze\": {\"output\": \"\(scratch.path)config.jsonl\"}}")
        let overridden = try CLIProcess.run(["--config", config, try scratch.export(2), "-o", scratch.path + "typed.jsonl"])
        #expect(overridden.status == 0, "\(overridden.standardError)")
        #expect(scratch.exists("typed.jsonl") && !scratch.exists("config.jsonl"))
    }
}
