import Foundation
import RaterDatabase
import Testing

/// The README's exit-code table: what the command line alone shows to be wrong exits 64 before anything is read or
/// written, the previous manifest included; what is found later exits 1, and the failed manifest says 1. A time zone
/// that does not exist and a driver table without a rating column exited 64 from the run, after the manifest had
/// been replaced by one saying 1.
@Suite(.serialized) struct ExitCodeTests {
    @Test(arguments: [["--time-zone", "Mars/Base"], ["--drivers-csv", "DRIVERS"]])
    func analyzeRefusesOptionsThatContradictEachOtherBeforeWritingAnything(_ extra: [String]) throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(5)
        let manifest = scratch.path + "run.json"
        let first = try CLIProcess.run(["analyze", export, "-o", scratch.path + "out.jsonl", "--manifest", manifest])
        #expect(first.status == 0, "\(first.standardError)")
        let previous = try scratch.read("run.json")
        let arguments = extra.map { $0 == "DRIVERS" ? scratch.path + "drivers.csv" : $0 }
        let outcome = try CLIProcess.run(["analyze", export, "-o", scratch.path + "again.jsonl", "--manifest", manifest]
            + arguments)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(try scratch.read("run.json") == previous)
        #expect(!scratch.exists("again.jsonl") && !scratch.exists("drivers.csv"))
    }

    @Test(arguments: [["aggregate", "R", "--time-zone", "Mars/Base"], ["aggregate", "R", "--drivers-csv", "O"],
                      ["report", "R", "-o", "O", "--time-zone", "Mars/Base"]])
    func aggregateAndReportRefuseThemAsUsageErrorsToo(_ template: [String]) throws {
        let scratch = try ScratchFolder()
        let results = try scratch.results(5)
        let arguments = template.map { $0 == "R" ? results : $0 == "O" ? scratch.path + "out" : $0 }
        let outcome = try CLIProcess.run(arguments)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(!scratch.exists("out"))
    }

    /// Failures found once the run has started (a missing input, an output that cannot be written, an unknown
    /// profile) exit 1, and the failed manifest's `exit_code` is the process's exit status.
    @Test(arguments: [["MISSING"], ["-o", "NODIR"], ["--profile", "nope"]])
    func aFailureFoundDuringTheRunExits1AsItsManifestSays(_ extra: [String]) throws {
        let scratch = try ScratchFolder()
        let export = try scratch.export(5)
        let arguments = extra.map {
            $0 == "MISSING" ? scratch.path + "missing.csv" : $0 == "NODIR" ? scratch.path + "no/such/out.jsonl" : $0
        }
        // One -o: a second is a usage error (64) now, not the last one winning.
        let output = arguments.contains("-o") ? [] : ["-o", scratch.path + "out.jsonl"]
        let outcome = try CLIProcess.run(["analyze", export, "--manifest", scratch.path + "run.json"] + output
                                             + arguments)
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let manifest = try RunManifest.decode(scratch.read("run.json"))
        #expect(manifest.status == "failed" && manifest.exitCode == Int(outcome.status))
    }

    /// A database that is not there is found when the command runs, not on its command line: exit 1.
    @Test(arguments: [["report", "--db", "D", "-o", "O"], ["corrections", "list", "--db", "D"],
                      ["corrections", "export", "--db", "D", "-o", "O"]])
    func aMissingDatabaseIsAFailureNotAUsageError(_ template: [String]) throws {
        let scratch = try ScratchFolder()
        let arguments = template.map { $0 == "D" ? scratch.path + "none.sqlite" : $0 == "O" ? scratch.path + "out" : $0 }
        let outcome = try CLIProcess.run(arguments)
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("no database at"), "\(outcome.standardError)")
    }
}
