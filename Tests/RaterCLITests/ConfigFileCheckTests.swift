import Foundation
import Testing

/// A config file is checked against the options the command really has: a misspelt command or section was ignored
/// (the run read standard input and exited 0), and `false` was dropped, so a config could not turn a flag off.
@Suite(.serialized) struct ConfigFileCheckTests {
    @Test(arguments: [
        (#"{"analyse": {"inputs": ["E"], "text-column": "text", "output": "O"}}"#, "'analyse' is not a command"),
        (#"{"analyze": ["E"]}"#, "analyze must be an object"),
        (#"{"analyze": {"inputs": ["E"], "text-colum": "text", "output": "O"}}"#,
         "analyze.text-colum is not an option"),
        (#"{"analyze": {"inputs": ["E"], "strict": "false", "output": "O"}}"#, "analyze.strict must be true or false"),
        (#"{"analyze": {"inputs": ["E"], "output": ["O", "O"]}}"#, "analyze.output must be a string or a number"),
        (#"{"analyze": {"inputs": ["E"], "output": "O", "text-column": true}}"#, "analyze.text-column must be"),
        (#"{"analyze": {"inputs": ["E"], "output": "O", "jobs": null}}"#, "analyze.jobs must be"),
        (#"{"analyze": {"inputs": ["E"], "output": "O"}, "aggregate": "yes"}"#, "aggregate must be an object"),
        (#"{"analyze": {"inputs": ["E"], "output": "O"}, "analyze": {"text-column": "text"}}"#,
         "the section 'analyze' is given twice"),
        (#"{"analyze": {"inputs": ["E"], "output": "O", "text-column": "x", "text-column": "text"}}"#,
         "analyze.text-column is given twice"),
        (#"{"corrections": {"export": {"output": "O", "db": "d", "db": "e"}}}"#,
         "corrections.export.db is given twice"),
        (#"{"analyze": {"inputs": ["E"], "output": "O""#, "not JSON"),
    ])
    func aMistakeInTheFileIsNamedAndNothingRuns(_ json: String, _ message: String) throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(3)
        let config = try scratch.write("config.json", json.replacingOccurrences(of: "\"E\"", with: "\"\(export)\"")
            .replacingOccurrences(of: "\"O\"", with: "\"\(scratch.path)out.jsonl\""))
        let outcome = try CLIProcess.run(["--config", config])
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(outcome.standardError.contains(config), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("read 0"))
        #expect(!scratch.exists("out.jsonl"))
    }

    /// A file that is not there is named as such, not as "not a Rater config file".
    @Test func aMissingFileIsNamed() throws {
        let scratch = try ScratchFolder()
        let outcome = try CLIProcess.run(["--config", scratch.path + "nightly.json"])
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--config \(scratch.path)nightly.json: no such file"),
                "\(outcome.standardError)")
    }

    /// Keys may repeat in different sections, and a key written with an escape is the same key.
    @Test func aRepeatIsAKeyTwiceInOneObject() throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(3)
        let fine = try scratch.write("fine.json", """
            {"analyze": {"inputs": ["\(export)"], "output": "\(scratch.path)out.jsonl",
                         "aggregate-csv": "\(scratch.path)a.csv", "group-by": ["branch"]},
             "aggregate": {"aggregate-csv": "\(scratch.path)b.csv", "group-by": ["branch"]}}
            """)
        let ran = try CLIProcess.run(["--config", fine])
        #expect(ran.status == 0 && scratch.exists("a.csv"), "\(ran.standardError)")
        let escaped = try scratch.write("escaped.json", #"{"analyze": {"text-colum\u006e": "x", "text-column": "text"}}"#)
        let refused = try CLIProcess.run(["--config", escaped])
        #expect(refused.status == 64 && refused.standardError.contains("analyze.text-column is given twice"),
                "\(refused.standardError)")
    }

    /// A nested command (`rater corrections export`, `rater lexicon import`) reads its section nested in its group's:
    /// `{"corrections": {"export": {…}}}`. The group's own section could only be empty, so its options never arrived.
    @Test func nestedCommandsReadTheirSectionInTheirGroups() throws {
        let scratch = try ScratchFolder()
        let database = scratch.path + "results.sqlite"
        let analysed = try CLIProcess.run(["analyze", try scratch.export(3), "--db", database, "-o", "/dev/null"])
        #expect(analysed.status == 0, "\(analysed.standardError)")
        let words = try scratch.write("words.txt", "good\t2\nbad\t-2\n")
        let config = try scratch.write("config.json", """
            {"corrections": {"export": {"db": "\(database)", "output": "\(scratch.path)gold.csv"}},
             "lexicon": {"import": {"input": "\(words)", "provenance": "tests", "output": "\(scratch.path)imported.tsv"}}}
            """)
        let export = try CLIProcess.run(["--config", config, "corrections", "export"])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(try scratch.read("gold.csv").hasPrefix("id,"))
        // The command line still adds to and wins over the file: here --config comes last.
        let imported = try CLIProcess.run(["lexicon", "import", "--language", "en", "--config", config])
        #expect(imported.status == 0, "\(imported.standardError)")
        let lexicon = try scratch.read("imported.tsv")
        #expect(lexicon.contains("# provenance: tests") && lexicon.contains("# language: en"))
        #expect(lexicon.contains("good\t2.0\nbad\t-2.0\n"))
    }

    /// Mistakes in a nested section are named by their path in the file, whichever command runs: a nightly config
    /// holds every command's section, and a typo in one is found by the first run, not the night that command runs.
    @Test(arguments: [
        (#"{"corrections": {"export": {"db": "D", "outptu": "O"}}}"#,
         "corrections.export.outptu is not an option of `rater corrections export`; did you mean output?"),
        (#"{"analyze": {"text-colum": "comment"}}"#,
         "analyze.text-colum is not an option of `rater analyze`; did you mean text-column?"),
        (#"{"corrections": {"exprot": {"db": "D"}}}"#, "'exprot' is not a command of `rater corrections`"),
        (#"{"corrections": {"export": {"db": "D", "output": true}}}"#, "corrections.export.output must be"),
        (#"{"corrections": {"export": ["D"]}}"#, "corrections.export must be an object"),
        (#"{"corrections": "export"}"#, "corrections must be an object"),
        (#"{"lexicon": {"import": {"input": ["a", "b"]}}}"#, "lexicon.import.input must be"),
    ])
    func aMistakeInANestedSectionIsNamed(_ json: String, _ message: String) throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(3)
        let config = try scratch.write("config.json", json.replacingOccurrences(of: "\"D\"", with: "\"x.sqlite\"")
            .replacingOccurrences(of: "\"O\"", with: "\"\(scratch.path)gold.csv\""))
        for arguments in [["corrections", "export"], ["analyze", export, "-o", scratch.path + "out.jsonl"]] {
            let outcome = try CLIProcess.run(["--config", config] + arguments)
            #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)")
            #expect(outcome.standardError.contains(message), "\(arguments): \(outcome.standardError)")
            #expect(outcome.standardError.contains(config), "\(outcome.standardError)")
            #expect(!scratch.exists("out.jsonl") && !scratch.exists("gold.csv"))
        }
    }

    /// `"progress": false` is `--no-progress`: the progress line (drawn only on a terminal, so the run is given one
    /// with `script`) is gone; `true` keeps it.
    @Test func falseTurnsAFlagWithAnInversionOff() throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(3)
        var shown = [Bool]()
        for progress in [true, false] {
            let config = try scratch.write("config.json", #"{"analyze": {"inputs": ["\#(export)"], "output": "/dev/null", "progress": \#(progress)}}"#)
            // script's last argument is where it keeps a copy of the session: nowhere.
            let command = "'\(CLIProcess.executable("rater").path)' --config '\(config)'"
            let outcome = try CLIProcess.run(["-qec", command, "/dev/null"], program: "/usr/bin/script")
            #expect(outcome.status == 0, "\(outcome.standardOutput)")
            shown.append(outcome.standardOutput.contains("records/s"))
        }
        #expect(shown == [true, false])
    }
}
