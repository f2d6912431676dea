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
