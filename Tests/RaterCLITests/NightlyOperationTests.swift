import Foundation
import RaterDatabase
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
        #expect(!third.standardError.contains("warning"), "\(third.standardError)")
        #expect(!second.standardError.contains("rotated"))
        // A rewritten export (different first bytes) is read whole again, and the run says so: its records all come
        // again.
        try "id,text\n7,new file\n".write(toFile: export, atomically: true, encoding: .utf8)
        let fourth = try CLIProcess.run(["analyze", export, "--incremental", state, "--no-explanation"])
        #expect(ids(fourth.standardOutput) == ["7"])
        #expect(fourth.standardError.contains(export + ": no longer begins with what the last run read (rotated or "
                                                + "rewritten); read whole"), "\(fourth.standardError)")
    }

    /// An export that failed upstream (empty, or its header alone) must not pass for a quiet night without a word.
    @Test(arguments: ["", "id,text\n", "<export></export>\n"])
    func anInputWithoutRecordsIsReported(_ content: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + (content.hasPrefix("<") ? "/export.xml" : "/export.csv")
        try content.write(toFile: export, atomically: true, encoding: .utf8)
        let full = directory + "/full.csv"
        try "id,text\n1,great service\n".write(toFile: full, atomically: true, encoding: .utf8)
        let outcome = try CLIProcess.run(["analyze", export, full, "-o", directory + "/out.jsonl"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(export + ": no records (an empty file, or a header line alone)"),
                "\(outcome.standardError)")
        #expect(!outcome.standardError.contains(full + ": no records"))
    }

    func append(_ text: String, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// Every comment's key, record and text, in record order.
    func comments(_ database: any DatabaseConnection) throws -> [[SQLValue]] {
        try database.read { try $0.query("SELECT comment_key, record, text FROM comments ORDER BY record", []) }
    }

    /// A new, empty PostgreSQL schema on the test server, reached through `search_path`.
    func postgresScratch(_ base: String) throws -> String {
        try PostgresTestSchema.create("nightly", on: base).url
    }

    /// Plain text has no ids: a comment is keyed by its text's digest, `#2`, `#3` … for its repeats in the file.
    /// Incremental runs over a growing export must store the keys one run over the whole file stores: a repeat of
    /// an earlier night's text numbered from 1 again replaced that night's comment. So must a database that joins
    /// later (here from the third night on) and holds none of the earlier nights' rows; and PostgreSQL, when a test
    /// server is running.
    @Test func incrementalRunsKeyRepeatedTextsAsOneRunOverTheWholeFile() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + "/export.txt"
        let (state, joinedState) = (directory + "/state.json", directory + "/joined-state.json")
        let (nightly, joined, whole) = (directory + "/nightly.sqlite", directory + "/joined.sqlite",
                                        directory + "/whole.sqlite")
        let postgres = try ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"].map(postgresScratch)
        let clean = "The room was clean and the staff were friendly."
        let nights = [
            "\(clean)\nTerrible service, nobody answered.\n好评\n",
            "\(clean)\n好评\n",
            "好评\ngood\nTerrible service, nobody answered.\n好评\n",
            "",
            "good\n\(clean)\n好评\n" + (1...40).map { "good\n评论 \($0 % 7)\n" }.joined(),
        ]
        for (night, lines) in nights.enumerated() {
            try append(lines, to: export)
            if night >= 2 {
                // The database that joins on the third night skips what the nightly one skips: a copy of its state.
                try? FileManager.default.removeItem(atPath: joinedState)
                try FileManager.default.copyItem(atPath: state, toPath: joinedState)
                let outcome = try CLIProcess.run(["analyze", export, "--incremental", joinedState, "--db", joined,
                                                  "-o", directory + "/joined.jsonl"])
                #expect(outcome.status == 0, "\(outcome.standardError)")
            }
            let outcome = try CLIProcess.run(["analyze", export, "--incremental", state, "--db", nightly,
                                              "-o", directory + "/nightly.jsonl"]
                                             + (postgres.map { ["--postgres", $0] } ?? []))
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        let full = try CLIProcess.run(["analyze", export, "--db", whole, "-o", directory + "/whole.jsonl"])
        #expect(full.status == 0, "\(full.standardError)")
        let expected = try comments(SQLiteConnection(path: whole))
        #expect(expected.count == 92)
        let key = "sha256:" + SHA256Digest.hex(of: "好评")
        #expect(expected.filter { $0[0].string?.hasPrefix(key) == true }.map { $0[0] }
                == [.text(key)] + (2...5).map { .text(key + "#\($0)") })
        #expect(try comments(SQLiteConnection(path: nightly)) == expected)
        #expect(try comments(SQLiteConnection(path: joined)) == expected.filter { $0[1].int! > 5 })
        if let postgres { #expect(try comments(PostgresConnection(url: postgres)) == expected) }
    }

    /// An export with an id column is keyed by its ids, which incremental runs never renumber: repeated texts do
    /// not matter, and the skipped records are not digested.
    @Test func exportIDsAreKeysWhateverIsSkipped() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + "/export.csv"
        let state = directory + "/state.json"
        try append("id,text\nA1,好评\nA2,good\n", to: export)
        for lines in ["A3,好评\nA4,good\n", "A5,好评\n"] {
            let first = try CLIProcess.run(["analyze", export, "--incremental", state, "--db", directory + "/n.sqlite",
                                            "-o", directory + "/n.jsonl"])
            #expect(first.status == 0, "\(first.standardError)")
            try append(lines, to: export)
        }
        let last = try CLIProcess.run(["analyze", export, "--incremental", state, "--db", directory + "/n.sqlite",
                                       "-o", directory + "/n.jsonl"])
        #expect(last.status == 0, "\(last.standardError)")
        let full = try CLIProcess.run(["analyze", export, "--db", directory + "/w.sqlite", "-o", directory + "/w.jsonl"])
        #expect(full.status == 0, "\(full.standardError)")
        let expected = try comments(SQLiteConnection(path: directory + "/w.sqlite"))
        #expect(expected.map { $0[0] } == (1...5).map { .text("A\($0)") })
        #expect(try comments(SQLiteConnection(path: directory + "/n.sqlite")) == expected)
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
        #expect(broken.standardError.contains("nope.json: no such file"), "\(broken.standardError)")
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
