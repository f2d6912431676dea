import Foundation
import RaterDatabase
import Testing

/// Standard error that cannot be written (closed by a cron wrapper's `2>&-`, or a pipe whose reader has gone:
/// `2>&1 | head`, a dead log collector) must never end a run: a diagnostic that cannot be written is dropped, and
/// the process exits with the status its manifest and `runs` row record. Foundation's `FileHandle.write` traps on
/// such a write (`Illegal instruction`, exit 132), which it did at the summary, after the databases had committed
/// and the outputs had been moved into place.
@Suite struct BrokenStandardErrorTests {
    /// How standard error is left for the child.
    enum Broken: CaseIterable, CustomStringConvertible {
        /// A pipe whose reading end is closed before the child starts: every write fails with `EPIPE`.
        case pipeWithoutReader
        /// No descriptor 2 at all (`2>&-`), through `/bin/sh`.
        case closed

        var description: String { self == .pipeWithoutReader ? "pipe without reader" : "closed" }
    }

    /// Runs `rater arguments…` in `directory` with standard error broken as `broken`; standard output goes to a
    /// file, whose contents are returned.
    static func run(_ arguments: [String], broken: Broken, directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        let rater = CLIProcess.executable("rater").path
        switch broken {
        case .pipeWithoutReader:
            process.executableURL = URL(fileURLWithPath: rater)
            process.arguments = arguments
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            process.standardError = pipe
        case .closed:
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec 2>&-; exec \"$0\" \"$@\"", rater] + arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["RATER_LEXICONS": CLIProcess.repository.appendingPathComponent("Lexicons").path]) { $1 }
        process.standardInput = FileHandle.nullDevice
        let outputPath = directory + "stdout-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        try process.run()
        process.waitUntilExit()
        // A trap would show as a signal, which `terminationStatus` gives as the signal's number: 128 + it, as a shell says.
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus
            : process.terminationStatus
        return (status, try String(contentsOfFile: outputPath, encoding: .utf8))
    }

    /// An export with one record that is rejected (no text), so the run ends with exit 3 and has a summary, a
    /// warning per rejection and a database note to print.
    static func messyExport(_ scratch: ScratchFolder) throws -> String {
        try scratch.write("messy.csv", "id,branch,text\n1,b1,The staff were friendly\n2,b2,\n3,b1,The room was dirty\n")
    }

    @Test(arguments: Broken.allCases)
    func analyzeExitsWithTheStatusItsManifestAndRunsRowRecord(_ broken: Broken) throws {
        let scratch = try ScratchFolder()
        _ = try Self.messyExport(scratch)
        let outcome = try Self.run(["analyze", "messy.csv", "--db", "crash.sqlite", "--manifest", "crash.json",
                                    "-o", "c.jsonl", "--log-level", "info"], broken: broken, directory: scratch.path)
        #expect(outcome.status == 3)
        let manifest = try RunManifest.decode(scratch.read("crash.json"))
        #expect(manifest.status == "complete_with_rejects" && manifest.exitCode == 3)
        #expect(try scratch.read("c.jsonl").split(separator: "\n").count == 2)
    }

    @Test(arguments: Broken.allCases)
    func aRunWithoutDatabasesExits0(_ broken: Broken) throws {
        let scratch = try ScratchFolder()
        _ = try scratch.export(5, name: "base.csv")
        let outcome = try Self.run(["analyze", "base.csv", "-o", "x.jsonl"], broken: broken, directory: scratch.path)
        #expect(outcome.status == 0)
        #expect(try scratch.read("x.jsonl").split(separator: "\n").count == 5)
    }

    /// The other commands that print to standard error as they finish.
    @Test(arguments: Broken.allCases)
    func aggregateRecordsAndReportExit0(_ broken: Broken) throws {
        let scratch = try ScratchFolder()
        _ = try scratch.results(5, name: "r.jsonl")
        _ = try scratch.export(5, name: "base.csv")
        let aggregate = try Self.run(["aggregate", "r.jsonl", "--aggregate-csv", "a.csv"], broken: broken,
                                     directory: scratch.path)
        #expect(aggregate.status == 0)
        #expect(scratch.exists("a.csv"))
        let records = try Self.run(["records", "base.csv"], broken: broken, directory: scratch.path)
        #expect(records.status == 0)
        #expect(records.output.split(separator: "\n").count == 5)
        let report = try Self.run(["report", "r.jsonl", "-o", "report.html"], broken: broken, directory: scratch.path)
        #expect(report.status == 0)
        #expect(scratch.exists("report.html"))
    }

    /// Results on standard output when standard output is closed (`>&-`): a failure to write them, exit 1 as for any
    /// output that cannot be written, not a trap; and nothing meant for standard error lands in a file the run
    /// opened on descriptor 2 instead.
    @Test func aClosedStandardOutputIsAWriteFailure() throws {
        let scratch = try ScratchFolder()
        _ = try scratch.export(5, name: "base.csv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec >&- 2>&-; exec \"$0\" \"$@\"", CLIProcess.executable("rater").path,
                             "analyze", "base.csv", "--manifest", "run.json"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["RATER_LEXICONS": CLIProcess.repository.appendingPathComponent("Lexicons").path]) { $1 }
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1)
        let manifest = try RunManifest.decode(scratch.read("run.json"))
        #expect(manifest.status == "failed" && manifest.exitCode == 1)
    }
}
