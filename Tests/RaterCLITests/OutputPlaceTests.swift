import Foundation
import RaterDatabase
import Testing

/// Two outputs at one place, or an output at an input's place, are refused before anything is read: `-o same.jsonl
/// --rejects same.jsonl` left only the rejects, `-o x --aggregate-csv x` exited 0 with the results replaced by the
/// CSV, and `--aggregate-csv -` mixed CSV into the JSON Lines on standard output.
@Suite(.serialized) struct OutputPlaceTests {
    /// Spelled alike: the command line alone shows it, so it is a usage error and nothing is written.
    @Test(arguments: [["-o", "P/same", "--rejects", "P/same"], ["--aggregate-csv", "-"],
                      ["-o", "P/same", "--aggregate-json", "P/same"], ["-o", "P/same", "--db", "P/same"],
                      ["-o", "P/out", "--manifest", "-", "--aggregate-partial", "-"],
                      ["-o", "P/out", "--incremental", "P/same", "--drivers-csv", "P/same", "--csat-column", "csat"]])
    func outputsSpelledAlikeAreAUsageError(_ template: [String]) throws {
        let scratch = try ScratchFolder()
        try scratch.write("same", "previous\n")
        let arguments = template.map { $0.replacingOccurrences(of: "P/", with: scratch.path) }
        let outcome = try CLIProcess.run(["analyze", try scratch.export(5)] + arguments)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("both write to"), "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        #expect(try scratch.read("same") == "previous\n")
        #expect(!scratch.exists("out"))
    }

    /// Spelled differently (`./x` and `x`, a link to the folder): found once the paths are resolved, still before
    /// anything is read; the run fails (exit 1), its manifest says so, and no file is replaced.
    @Test func differentSpellingsOfOnePlaceFailTheRunBeforeItReads() throws {
        let scratch = try ScratchFolder()
        try scratch.write("x", "previous\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "link", withDestinationPath: scratch.path)
        let manifest = scratch.path + "run.json"
        for second in [scratch.path + "./x", scratch.path + "link/x"] {
            let outcome = try CLIProcess.run(["analyze", try scratch.export(5), "-o", scratch.path + "x",
                                              "--aggregate-csv", second, "--manifest", manifest])
            #expect(outcome.status == 1, "\(outcome.standardError)")
            #expect(outcome.standardError.contains("--output and --aggregate-csv both write to \(scratch.path)x"),
                    "\(outcome.standardError)")
            #expect(try scratch.read("x") == "previous\n")
            let written = try RunManifest.decode(scratch.read("run.json"))
            #expect(written.status == "failed" && written.exitCode == 1)
        }
    }

    /// The manifest at another output's place is not written either: the failed manifest would replace that output.
    @Test func aManifestAtAnOutputsPlaceReplacesNothing() throws {
        let scratch = try ScratchFolder()
        try scratch.write("x", "previous\n")
        let outcome = try CLIProcess.run(["analyze", try scratch.export(5), "-o", scratch.path + "x",
                                          "--manifest", scratch.path + "./x"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(try scratch.read("x") == "previous\n")
    }

    /// An output at an input's place (named, through a pattern, or through a link) would replace the export.
    @Test func anOutputAtAnInputsPlaceIsRefused() throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(5)
        let contents = try scratch.read("export.csv")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "link.csv", withDestinationPath: export)
        for (inputs, option) in [([export], "--rejects"), ([scratch.path + "*.csv"], "-o"),
                                 ([scratch.path + "link.csv"], "--manifest")] {
            // One -o: a second is a usage error (64) now, not the last one winning.
            let output = option == "-o" ? [] : ["-o", scratch.path + "out.jsonl"]
            let outcome = try CLIProcess.run(["analyze"] + inputs + output + [option, export])
            #expect(outcome.status == 1, "\(inputs) \(option): \(outcome.standardError)")
            #expect(outcome.standardError.contains("would replace the input"), "\(outcome.standardError)")
            #expect(try scratch.read("export.csv") == contents)
        }
    }

    /// `rater` under bash, whose standard output the script chooses: `script` gets the executable as `$R`.
    private func bash(_ script: String) throws -> CLIProcess.Outcome {
        try CLIProcess.run(["-c", "R=\"$0\"; " + script, CLIProcess.executable("rater").path], program: "/bin/bash")
    }

    /// Standard output under another name is the place `-` names, whether standard output is a file (as in
    /// `CLIProcess`), a pipe or a terminal (`script` runs the command on one): `-o - --aggregate-csv /dev/stdout`
    /// mixed the CSV into the JSON Lines.
    @Test(arguments: ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
    func standardOutputUnderAnotherNameIsAUsageError(_ name: String) throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(5)
        let message = "--output and --aggregate-csv both write to standard output"
        let file = try CLIProcess.run(["analyze", export, "-o", "-", "--aggregate-csv", name])
        #expect(file.status == 64 && file.standardOutput.isEmpty, "\(file.standardError)")
        #expect(file.standardError.contains(message), "\(file.standardError)")
        let pipe = try bash("set -o pipefail; \"$R\" analyze '\(export)' -o - --aggregate-csv \(name) | cat")
        #expect(pipe.status == 64 && pipe.standardOutput.isEmpty, "\(pipe.standardError)")
        #expect(pipe.standardError.contains(message), "\(pipe.standardError)")
        // The terminal shows standard error too: what `script` copies out is the message alone.
        let terminal = try bash("script -qec \"'$R' analyze '\(export)' -o - --aggregate-csv \(name)\" /dev/null")
        #expect(terminal.status == 64, "\(terminal.standardOutput)")
        #expect(terminal.standardOutput.contains(message) && !terminal.standardOutput.contains("{"),
                "\(terminal.standardOutput)")
    }

    /// Standard output redirected to a file is that file under its own name too.
    @Test func theFileStandardOutputGoesToIsStandardOutput() throws {
        let scratch = try ScratchFolder()
        let out = scratch.path + "out.jsonl"
        let outcome = try bash("\"$R\" analyze '\(try scratch.export(5))' -o - --rejects '\(out)' > '\(out)'")
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--output and --rejects both write to standard output"),
                "\(outcome.standardError)")
    }

    /// On a terminal or a pipe standard error is often the same open file as standard output, but it is another
    /// descriptor that a user asks for by name: rejects shown on the terminal beside the results are not refused.
    @Test func standardErrorBesideStandardOutputIsNotRefused() throws {
        let scratch = try ScratchFolder()
        let export = try scratch.write("export.csv", "id,text\nA,The staff were friendly\nB,\n")
        let pipe = try bash("set -o pipefail; \"$R\" analyze '\(export)' -o - --rejects /dev/stderr 2>&1 | cat")
        // Exit 3: the run finished with B's empty text rejected.
        #expect(pipe.status == 3, "\(pipe.standardOutput)")
        #expect(pipe.standardOutput.contains("\"id\":\"A\"")
            && pipe.standardOutput.contains("\"reason\":\"empty_text\""), "\(pipe.standardOutput)")
        let terminal = try bash("script -qec \"'$R' analyze '\(export)' -o - --rejects /dev/stderr\" /dev/null")
        #expect(terminal.status == 3, "\(terminal.standardOutput)")
        #expect(terminal.standardOutput.contains("\"id\":\"A\"")
            && terminal.standardOutput.contains("\"reason\":\"empty_text\""), "\(terminal.standardOutput)")
    }

    /// A name of an open descriptor is written through that descriptor, whatever it is open on. With standard output
    /// redirected to a file, `-o /dev/fd/1` failed ("cannot open for writing": the temporary file was made beside
    /// the name, in /proc/self/fd), and `-o /dev/stdout` renamed the results over the link `/dev/stdout` itself (as
    /// root), leaving the redirect empty. Only the names that failed are run here: a regression with `/dev/stdout`
    /// would replace the test machine's link.
    @Test(arguments: ["/dev/fd/1", "/proc/self/fd/1"])
    func aDescriptorsNameIsWrittenThroughIt(_ name: String) throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(5)
        let out = scratch.path + "out.jsonl"
        let written = try bash("\"$R\" analyze '\(export)' -o \(name) > '\(out)'")
        #expect(written.status == 0, "\(written.standardError)")
        #expect(try scratch.read("out.jsonl").split(separator: "\n").count == 5)
        // Appended to, as the shell opened it, not truncated by a second open.
        try scratch.write("out.jsonl", "previous\n")
        let appended = try bash("\"$R\" analyze '\(export)' -o \(name) --rejects /dev/fd/2 >> '\(out)'")
        #expect(appended.status == 0, "\(appended.standardError)")
        let lines = try scratch.read("out.jsonl").split(separator: "\n")
        #expect(lines.count == 6 && lines.first == "previous", "\(lines)")
    }

    /// Devices are written in place and never replaced: any number of outputs may go to /dev/null.
    @Test func outputsMayAllGoToDevNull() throws {
        let scratch = try ScratchFolder()
        let outcome = try CLIProcess.run(["analyze", try scratch.export(5), "-o", "/dev/null", "--rejects", "/dev/null",
                                          "--aggregate-csv", "/dev/null"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }

    @Test func aggregateAndReportRefuseThemToo() throws {
        let scratch = try ScratchFolder()
        let results = try scratch.results(5)
        let contents = try scratch.read("results.jsonl")
        let spelled = try CLIProcess.run(["aggregate", results, "--aggregate-csv", "-", "--aggregate-json", "-"])
        #expect(spelled.status == 64 && spelled.standardOutput.isEmpty, "\(spelled.standardError)")
        let twice = try CLIProcess.run(["aggregate", results, "--aggregate-csv", scratch.path + "a",
                                        "--aggregate-partial", scratch.path + "./a"])
        #expect(twice.status == 1 && !scratch.exists("a"), "\(twice.standardError)")
        let input = try CLIProcess.run(["aggregate", results, "--aggregate-json", results])
        #expect(input.status == 1, "\(input.standardError)")
        let report = try CLIProcess.run(["report", results, "-o", scratch.path + "./results.jsonl"])
        #expect(report.status == 1 && report.standardError.contains("would replace the input"), "\(report.standardError)")
        #expect(try scratch.read("results.jsonl") == contents)
    }
}
