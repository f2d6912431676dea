import Foundation
import Testing

/// What a cron job relies on: incremental runs over a growing export, a config file, quiet logs.
@Suite struct NightlyOperationTests {
    let directory = NSTemporaryDirectory() + "rater-nightly-\(UUID().uuidString)"

    func ids(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            guard let start = line.range(of: "\"id\":\"")?.upperBound else { return nil }
            return String(line[start...].prefix { $0 != "\"" })
        }
    }

    @Test func incrementalRunsAnalyseOnlyAppendedRecords() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + "/export.csv"
        let state = directory + "/state.json"
        try "id,text\n1,great service\n2,slow delivery\n".write(toFile: export, atomically: true, encoding: .utf8)
        let first = try CLIProcess.run(["analyze", export, "--incremental", state, "--no-explanation"])
        #expect(ids(first.standardOutput) == ["1", "2"])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: export))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("3,rude staff\n4,clean rooms\n".utf8))
        try handle.close()
        let second = try CLIProcess.run(["analyze", export, "--incremental", state, "--no-explanation"])
        #expect(ids(second.standardOutput) == ["3", "4"])
        #expect(second.standardError.contains("read 2, analysed 2, rejected 0"))
        #expect(second.standardError.contains("skipped 2 records analysed by earlier runs"))
        // Nothing new: nothing analysed.
        let third = try CLIProcess.run(["analyze", export, "--incremental", state])
        #expect(ids(third.standardOutput).isEmpty)
        // A rewritten export (different first bytes) is read whole again.
        try "id,text\n7,new file\n".write(toFile: export, atomically: true, encoding: .utf8)
        let fourth = try CLIProcess.run(["analyze", export, "--incremental", state, "--no-explanation"])
        #expect(ids(fourth.standardOutput) == ["7"])
    }

    /// A truncated .gz ends in an `unreadable_input` rejection; the next run over the complete file must deliver
    /// every record the first did not, so together they hold every id.
    @Test func anInputCutShortDoesNotMoveItsCheckpoint() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plain = directory + "/export.csv"
        let export = directory + "/export.csv.gz"
        let state = directory + "/state.json"
        var csv = "id,text\n"
        for row in 1...3_000 { csv += "\(row),row \(row) had great service and a slow delivery\n" }
        try csv.write(toFile: plain, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-n", "-k", plain]
        try gzip.run()
        gzip.waitUntilExit()
        let whole = try Data(contentsOf: URL(fileURLWithPath: export))
        try whole.prefix(whole.count * 6 / 10).write(to: URL(fileURLWithPath: export))
        let first = try CLIProcess.run(["analyze", export, "--incremental", state, "--no-explanation"])
        #expect(first.status == 3, "\(first.standardError)")
        let firstIDs = ids(first.standardOutput)
        #expect(firstIDs.count > 100 && firstIDs.count < 3_000)
        try whole.write(to: URL(fileURLWithPath: export))
        let second = try CLIProcess.run(["analyze", export, "--incremental", state, "--no-explanation"])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(Set(firstIDs).union(ids(second.standardOutput)) == Set((1...3_000).map(String.init)))
    }

    /// A cron line names the command, not its path: `rater` found through PATH, run from another folder, with no
    /// RATER_LEXICONS, finds the lexicons beside its executable (argv[0] is then the bare name).
    @Test func aCommandFoundThroughPathFindsItsLexicons() throws {
        let folder = CLIProcess.executable("rater").deletingLastPathComponent().path
        let script = "cd \(NSTemporaryDirectory()) && unset RATER_LEXICONS && PATH='\(folder)':\"$PATH\" "
            + "rater explain 'The staff were friendly'"
        let outcome = try CLIProcess.run(["-c", script], program: "/bin/bash")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("positive"))
    }

    @Test func aFailedRunDoesNotMoveTheState() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + "/export.csv"
        let state = directory + "/state.json"
        try "id,text\n1,fine\n".write(toFile: export, atomically: true, encoding: .utf8)
        // The output folder does not exist, so the run fails before it starts.
        let failed = try CLIProcess.run(["analyze", export, "--incremental", state, "-o", directory + "/missing/out.jsonl"])
        #expect(failed.status != 0)
        #expect(!FileManager.default.fileExists(atPath: state))
    }

    @Test func configFileSuppliesOptionsAndTheCommandLineWins() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let config = directory + "/pipeline.json"
        let json = """
            {"analyze": {"inputs": ["Corpora/samples/retail_en.txt"], "no-explanation": true, "include-text": false,
                         "jobs": 1, "output": "\(directory)/from-config.jsonl"}}
            """
        try json.write(toFile: config, atomically: true, encoding: .utf8)
        let fromConfig = try CLIProcess.run(["--config", config])
        #expect(fromConfig.status == 0, "\(fromConfig.standardError)")
        let written = try String(contentsOfFile: directory + "/from-config.jsonl", encoding: .utf8)
        #expect(written.split(separator: "\n").count == 30)
        #expect(!written.contains("\"terms\""))
        let overridden = try CLIProcess.run(["analyze", "--config", config, "-o", directory + "/override.jsonl"])
        #expect(overridden.status == 0, "\(overridden.standardError)")
        #expect(FileManager.default.fileExists(atPath: directory + "/override.jsonl"))
        let broken = try CLIProcess.run(["--config", directory + "/nope.json"])
        #expect(broken.status != 0)
        #expect(broken.standardError.contains("not a Rater config file"))
    }

    @Test func quietUnderCronAndStructuredWhenAsked() throws {
        let quiet = try CLIProcess.run(["analyze", "Corpora/unusual/invalid_bytes_gbk.csv", "--log-level", "error"])
        #expect(quiet.status == 3)
        #expect(quiet.standardError.isEmpty)
        let verbose = try CLIProcess.run(["analyze", "Corpora/unusual/invalid_bytes_gbk.csv", "--log-level", "info"])
        #expect(verbose.standardError.contains("encoding=GB18030"))
        #expect(verbose.standardError.contains("reason=invalid_encoding"))
        // Standard error is a file here, not a terminal: no progress line.
        #expect(!verbose.standardError.contains("\r"))
    }
}
