import Foundation
import RaterDatabase
import Testing

/// What an unattended nightly run promises: it is atomic, its exit code, the databases' `runs` rows and its manifest
/// say the same thing, a failed run replaces no output file, and no password is written anywhere.
@Suite(.serialized) final class RunIntegrityTests {
    let folder: String
    static let postgresURL = ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"]
    static let postgresSkip: Comment =
        "RATER_TEST_POSTGRES_URL is not set: start a server with `eval \"$(scripts/postgres-test-server.sh start)\"`"

    init() throws {
        folder = NSTemporaryDirectory() + "rater-integrity-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// A CSV export of `count` comments with ids (and a CSAT rating on the first `rated`).
    func export(_ count: Int, rated: Int = 0, name: String? = nil) throws -> String {
        let texts = ["The room was clean and the staff were friendly", "送餐太慢了，等了一个小时",
                     "Great food but the delivery was slow", "房间很干净，前台很热情", "The staff were rude"]
        var csv = "id,branch,csat,text\n"
        for index in 0..<count {
            csv += "E\(index),b\(index % 3),\(index < rated ? String(index % 5 + 1) : ""),\(texts[index % texts.count]) \(index)\n"
        }
        let path = folder + (name ?? "export-\(count)-\(rated).csv")
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func runs(_ database: any DatabaseConnection) throws -> [[SQLValue]] {
        try database.read { try $0.query("SELECT id, status, exit_code, analysed FROM runs ORDER BY started_at", []) }
    }

    /// Complete runs in an SQLite database, 0 if there is no such file.
    func completeRuns(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        return try runs(SQLiteConnection(path: path)).filter { $0[1] == .text("complete") }.count
    }

    func count(_ table: String, _ database: any DatabaseConnection) throws -> Int {
        try database.read { try $0.query("SELECT count(*) FROM \(table)", []) }.first?.first?.int ?? -1
    }

    /// `rater` under bash, for process substitution and `ulimit`: `script` gets the executable as `$R`.
    func bash(_ script: String) throws -> CLIProcess.Outcome {
        try CLIProcess.run(["-c", "R=\"$0\"; " + script, CLIProcess.executable("rater").path],
                           program: "/bin/bash")
    }

    // MARK: Bug 1: a pipe is read once, by the analysis

    /// A process substitution (`<(zcat …)`, a pipe at `/dev/fd/N`) can be read once. The manifest's digest pass
    /// read it up before the analysis, which then found it empty: an empty "complete" run replaced the results.
    @Test func aProcessSubstitutionInputIsAnalysedNotDigested() throws {
        let input = try export(40)
        let database = folder + "pipe.sqlite", manifest = folder + "pipe.json", results = folder + "pipe.jsonl"
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: results))
        let outcome = try bash("exec \"$R\" analyze <(cat '\(input)') --db '\(database)' --manifest '\(manifest)' "
            + "-o '\(results)'")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try read(results).split(separator: "\n").count == 40)
        let rows = try runs(SQLiteConnection(path: database))
        #expect(rows.count == 1 && rows.first?[1] == .text("complete") && rows.first?[3] == .integer(40), "\(rows)")
        let written = try RunManifest.decode(read(manifest))
        #expect(written.counts.analysed == 40)
        #expect(written.inputs.count == 1 && written.inputs[0].sha256 == nil && written.inputs[0].bytes == nil)
        #expect(written.inputs[0].note == RunManifest.notDigestedNote)
    }

    /// `--incremental` over a process substitution: the pipe is a new one every night under the same name
    /// (`/dev/fd/63`), and checking last night's checkpoint read its first bytes away from the analysis, which then
    /// silently missed their records (1,189 of 20,000 analysed, exit 0).
    @Test func anIncrementalRunOverAPipeMissesNoRecord() throws {
        let input = try export(20_000)
        let state = folder + "pipe-state.json", results = folder + "pipe-incremental.jsonl"
        for night in 1...2 {
            let outcome = try bash("exec \"$R\" analyze <(cat '\(input)') --incremental '\(state)' -o '\(results)' "
                + "--no-explanation")
            #expect(outcome.status == 0, "night \(night): \(outcome.standardError)")
            #expect(try read(results).split(separator: "\n").count == 20_000, "night \(night)")
            // Nor is a checkpoint kept for it, which no later run could check.
            let kept = try read(state)
            #expect(!kept.contains("/dev/fd"), "\(kept)")
        }
    }

    // MARK: Bug 3: the manifest's and the state's files are made before anything is committed

    @Test func anUnwritableManifestFailsTheRunBeforeAnythingIsCommitted() throws {
        let database = folder + "manifest.sqlite", results = folder + "manifest.jsonl"
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: results))
        let outcome = try CLIProcess.run(["analyze", try export(20), "--db", database, "-o", results,
                                          "--manifest", folder + "no/such/folder/run.json"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("cannot write the manifest"), "\(outcome.standardError)")
        #expect(try read(results) == "previous\n", "a failed run replaced the results")
        // The database was not even opened: no run is in it, complete or otherwise.
        #expect(try completeRuns(database) == 0)
    }

    /// A run that fails because the disk is full, whose failed manifest cannot be written either (here `ulimit -f`
    /// keeps every file under 2 KiB: the results outgrow it, and so does the failed manifest with its lexicons'
    /// digests, while the `running` one put in place at the start fits), leaves no manifest rather than the previous
    /// run's `complete` one, and says so. The previous manifest used to stay, with nothing said.
    @Test func aFailedManifestThatCannotBeWrittenLeavesNoneAndSaysWhy() throws {
        let manifest = folder + "limited.json", results = folder + "limited.jsonl", input = try export(200)
        let first = try CLIProcess.run(["analyze", input, "--manifest", manifest, "-o", results])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try RunManifest.decode(read(manifest)).status == "complete")
        let outcome = try bash("trap '' XFSZ; ulimit -f 2; exec \"$R\" analyze '\(input)' --manifest '\(manifest)' "
            + "-o '\(results)'")
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("write failed (File too large)"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("cannot write the manifest"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("was removed"), "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: manifest), "\((try? read(manifest)) ?? "")")
    }

    @Test func anUnwritableStateFileFailsTheRunBeforeAnythingIsCommitted() throws {
        let database = folder + "state.sqlite", results = folder + "state.jsonl", manifest = folder + "state.json"
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: results))
        let outcome = try CLIProcess.run(["analyze", try export(20), "--db", database, "-o", results,
                                          "--manifest", manifest, "--incremental", folder + "no/such/folder/st.json"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(try read(results) == "previous\n", "a failed run replaced the results")
        #expect(try completeRuns(database) == 0)
        let written = try RunManifest.decode(read(manifest))
        #expect(written.status == "failed" && written.exitCode == 1)
        #expect(written.error?.contains("st.json") == true, "\(written.error ?? "")")
    }

    // MARK: Bug 4: every output is written before any is moved into place

    /// An aggregate output that cannot be written (here `/dev/full`, written in place) fails the run before the
    /// results file is moved into place: it used to be replaced first, by the run that then failed.
    @Test func anAggregateOutputThatFailsReplacesNoOtherOutput() throws {
        let database = folder + "aggregate.sqlite", results = folder + "aggregate.jsonl"
        let partial = folder + "partial.json"
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: results))
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: partial))
        let outcome = try CLIProcess.run(["analyze", try export(20), "--db", database, "-o", results,
                                          "--aggregate-partial", partial, "--aggregate-csv", "/dev/full"])
        #expect(outcome.status == 1, "\(outcome.standardError)")
        #expect(try read(results) == "previous\n", "a failed run replaced the results")
        #expect(try read(partial) == "previous\n", "a failed run replaced the partial")
        let rows = try runs(SQLiteConnection(path: database))
        #expect(rows.map { $0[1] } == [.text("failed")])
    }

    /// `--drivers-csv` without a rating column is a mistake in the options: it fails at once, before anything is
    /// read, written or committed (it failed after the results were moved into place).
    @Test func driversWithoutARatingColumnFailBeforeTheRun() throws {
        let database = folder + "drivers.sqlite", results = folder + "drivers.jsonl"
        try Data("previous\n".utf8).write(to: URL(fileURLWithPath: results))
        let outcome = try CLIProcess.run(["analyze", try export(20), "--db", database, "-o", results,
                                          "--aggregate-csv", folder + "agg.csv", "--drivers-csv", folder + "drivers.csv"])
        #expect(outcome.status != 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--drivers-csv needs a rating column"), "\(outcome.standardError)")
        #expect(try read(results) == "previous\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "agg.csv"))
        #expect(!FileManager.default.fileExists(atPath: database))
    }

    /// A quiet night with fewer than 3 rated comments is data, not a failure: the run completes, the drivers file
    /// holds the header only (not yesterday's table), and a warning says why.
    @Test func aNightWithTooFewRatingsWritesAnEmptyDriverTable() throws {
        let database = folder + "quiet.sqlite", results = folder + "quiet.jsonl", drivers = folder + "drivers.csv"
        try Data("yesterday's table\n".utf8).write(to: URL(fileURLWithPath: drivers))
        let outcome = try CLIProcess.run(["analyze", try export(20, rated: 2), "--db", database, "-o", results,
                                          "--csat-column", "csat", "--aggregate-csv", folder + "agg.csv",
                                          "--drivers-csv", drivers])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try read(drivers) == "dimension,mentions,correlation,importance,importance_share,performance,quadrant\n")
        #expect(outcome.standardError.contains("no driver table, only 2 rated comments"), "\(outcome.standardError)")
        #expect(try read(results).split(separator: "\n").count == 20)
        #expect(try runs(SQLiteConnection(path: database)).map { $0[1] } == [.text("complete")])
        // With enough ratings, the table is there.
        let rated = try CLIProcess.run(["analyze", try export(20, rated: 20), "--db", database, "-o", results,
                                        "--csat-column", "csat", "--drivers-csv", drivers])
        #expect(rated.status == 0, "\(rated.standardError)")
        #expect(try read(drivers).split(separator: "\n").count == 6)
    }

    // MARK: Bug 6: a run that fails before it starts still replaces the manifest

    @Test func aRunThatFailsBeforeItStartsReplacesThePreviousManifest() throws {
        let manifest = folder + "setup.json"
        let first = try CLIProcess.run(["analyze", try export(5), "--manifest", manifest, "-o", folder + "setup.jsonl"])
        #expect(first.status == 0, "\(first.standardError)")
        let previous = try RunManifest.decode(read(manifest))
        #expect(previous.status == "complete")
        // A database that cannot be opened (inside the recorder's setup).
        let unopenable = try CLIProcess.run(["analyze", try export(5), "--manifest", manifest, "-o", folder + "setup.jsonl",
                                             "--db", folder + "no/such/folder/x.sqlite"])
        #expect(unopenable.status == 1)
        var written = try RunManifest.decode(read(manifest))
        #expect(written.status == "failed" && written.exitCode == 1 && written.runID != previous.runID)
        #expect(written.error?.contains("cannot open the database") == true, "\(written.error ?? "")")
        // An input pattern that matches nothing (before the recorder exists).
        _ = try CLIProcess.run(["analyze", try export(5), "--manifest", manifest, "-o", folder + "setup.jsonl"])
        #expect(try RunManifest.decode(read(manifest)).status == "complete")
        let missing = try CLIProcess.run(["analyze", folder + "nothing-*.csv", "--manifest", manifest,
                                          "-o", folder + "setup.jsonl"])
        #expect(missing.status == 1)
        written = try RunManifest.decode(read(manifest))
        #expect(written.status == "failed" && written.exitCode == 1)
    }

    /// The README's exit-code table: a command line that cannot be parsed is 64 (`EX_USAGE`) and touches nothing; a
    /// parsed one that names something unknown is a fatal run, 1, with a failed manifest.
    @Test func aCommandLineThatCannotBeParsedExits64AndAnUnknownProfile1() throws {
        let manifest = folder + "usage.json"
        let first = try CLIProcess.run(["analyze", try export(5), "--manifest", manifest, "-o", folder + "usage.jsonl"])
        #expect(first.status == 0, "\(first.standardError)")
        let previous = try read(manifest)
        let unparsable = try CLIProcess.run(["analyze", try export(5), "--manifest", manifest, "-o",
                                             folder + "usage.jsonl", "--format", "bogus"])
        #expect(unparsable.status == 64)
        #expect(unparsable.standardError.contains("--format"), "\(unparsable.standardError)")
        #expect(try read(manifest) == previous)
        let unknown = try CLIProcess.run(["analyze", try export(5), "--manifest", manifest, "-o",
                                          folder + "usage.jsonl", "--profile", "nope"])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("unknown profile 'nope'"), "\(unknown.standardError)")
        let written = try RunManifest.decode(read(manifest))
        #expect(written.status == "failed" && written.exitCode == 1)
    }

    // MARK: Bug 5: no password anywhere

    /// A multi-host URI (which Foundation's URLComponents cannot parse) that cannot connect: neither the log nor the
    /// failed manifest may hold its password.
    @Test func aMultiHostURLsPasswordIsNotLoggedWhenItCannotConnect() throws {
        let manifest = folder + "secret.json"
        let outcome = try CLIProcess.run(["analyze", try export(5), "-o", folder + "secret.jsonl", "--manifest", manifest,
                                          "--postgres", "postgresql://rater:s3cret@127.0.0.1:1,127.0.0.1:2/db"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("cannot open the database"), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("s3cret"), "\(outcome.standardError)")
        let text = try read(manifest)
        #expect(!text.contains("s3cret") && text.contains("rater:***@127.0.0.1:1,127.0.0.1:2/db"), "\(text)")
    }

    @Test(.enabled(if: postgresURL != nil, postgresSkip))
    func aMultiHostURLsPasswordIsNeitherInTheManifestNorInTheRunsRow() throws {
        let (url, _) = try postgresScratch()
        // The test server trusts every connection, so any password is accepted: the same host twice, with one.
        let authority = try #require(url.range(of: "rater@")).upperBound
        let host = url[authority...].prefix { $0 != "/" }
        let secretURL = "postgresql://rater:s3cret@\(host),\(host)" + url[url.index(authority, offsetBy: host.count)...]
        let manifest = folder + "secret.json"
        let outcome = try CLIProcess.run(["analyze", try export(5), "-o", folder + "secret.jsonl", "--manifest", manifest,
                                          "--postgres", secretURL, "--log-level", "debug"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("s3cret"))
        let text = try read(manifest)
        #expect(!text.contains("s3cret") && text.contains("rater:***@"), "\(text)")
        let stored = try PostgresConnection(url: url).read { try $0.query("SELECT manifest FROM runs", []) }
        #expect(stored.count == 1)
        #expect(stored.allSatisfy { !($0.first?.string ?? "s3cret").contains("s3cret") }, "\(stored)")
    }

    // MARK: Bug 2: SQLite and PostgreSQL agree

    /// A new, empty PostgreSQL schema on the test server, reached through `search_path`.
    func postgresScratch() throws -> (url: String, schema: String) {
        try PostgresTestSchema.create("integrity", on: try #require(Self.postgresURL))
    }

    /// SQLite's pages cannot be written at the end of the run (the file size limit stops its WAL, as a full disk
    /// would). PostgreSQL committed first and kept all of the run's rows under a `runs` row that said `failed`;
    /// now SQLite writes its pages before either commits, and the run fails in both.
    @Test(.enabled(if: postgresURL != nil, postgresSkip))
    func whenSQLiteCannotWriteItsPagesPostgresKeepsNothingEither() throws {
        let (url, _) = try postgresScratch()
        let database = folder + "two.sqlite"
        // The tables first, in a run of their own, then a limit 64 KiB above the database's size.
        let setup = try CLIProcess.run(["analyze", try export(3, name: "tiny.csv"), "--db", database, "-o", "/dev/null"])
        #expect(setup.status == 0, "\(setup.standardError)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: database)[.size] as? Int)
        let big = try export(3_000)
        let outcome = try bash("trap '' XFSZ; ulimit -f \(size / 1024 + 64); exec \"$R\" analyze '\(big)' "
            + "--db '\(database)' --postgres '\(url)' -o /dev/null --manifest '\(folder)two.json'")
        #expect(outcome.status == 1, "\(outcome.standardError)")
        let postgres = try PostgresConnection(url: url)
        let manifest = try RunManifest.decode(read(folder + "two.json"))
        #expect(manifest.status == "failed")
        let postgresRuns = try runs(postgres)
        let postgresComments = try count("comments", postgres)
        // Either way, PostgreSQL's runs row and its rows must say the same; here nothing was committed anywhere.
        #expect(postgresRuns.map { $0[1] } == [.text("failed")], "\(postgresRuns)")
        #expect(postgresComments == 0, "PostgreSQL kept the rows of a run its runs row calls failed")
        #expect(manifest.databases == nil, "\(manifest)")
    }
}
