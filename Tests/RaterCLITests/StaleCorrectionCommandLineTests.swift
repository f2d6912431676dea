import Foundation
import RaterDatabase
import RaterReview
import Testing

/// The review report's case: a correction of `cr.csv`/`1`, then a re-export gives key 1 another text. The gold file
/// must not carry the judgement to the new text, and a correction of a comment that is not in the database must be
/// reported, not silently left out.
@Suite struct StaleCorrectionCommandLineTests {
    @Test func exportLeavesOutStaleAndOrphanedCorrectionsAndSaysSo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rater-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let export = directory.appendingPathComponent("cr.csv").path
        let database = directory.appendingPathComponent("cr.sqlite").path
        let output = directory.appendingPathComponent("x.jsonl").path
        func analyse(_ rows: String) throws {
            try Data(("id,comment\n" + rows).utf8).write(to: URL(fileURLWithPath: export))
            let analysed = try CLIProcess.run(["analyze", export, "--text-column", "comment", "--id-column", "id",
                                               "-o", output, "--db", database])
            #expect(analysed.status == 0, "\(analysed.standardError)")
        }
        try analyse("1,the staff were great\n2,rude staff\n")

        let store = try ReviewStore(connection: SQLiteConnection(path: database))
        for key in ["1", "2"] {
            try store.record(CorrectionRequest(source: export, commentKey: key, action: .label, value: .negative,
                                               analyst: "ann"))
        }
        // A correction of a comment the database does not hold (inserted as the reviewer did: the table is append-only,
        // and `record` refuses unknown comments).
        try SQLiteConnection(path: database).transaction { executor in
            try executor.execute("INSERT INTO corrections (seq, source, comment_key, action, value, machine_label, "
                + "machine_run_id, analyst, created_at) VALUES (3, 'gone.csv', '9', 'label', 'positive', 'negative', "
                + "'r', 'ann', '2026-11-28T00:00:00Z')", [])
        }

        try analyse("1,the staff were rude and slow\n2,rude staff\n")
        let gold = directory.appendingPathComponent("gold.csv").path
        let exported = try CLIProcess.run(["corrections", "export", "--db", database, "-o", gold])
        #expect(exported.status == 0, "the file holds every judgement that still applies: \(exported.standardError)")
        let rows = try String(contentsOfFile: gold, encoding: .utf8).split(separator: "\r\n")
        #expect(rows.count == 2, "the header and comment 2: \(rows)")
        #expect(rows.last?.hasPrefix("2,en,rude staff,negative,") == true)
        #expect(!rows.contains { $0.contains("rude and slow") }, "ann never saw this text")
        #expect(exported.standardError.contains("1 reviewed comments written"))
        #expect(exported.standardError.contains("left out 1 stale correction(s) on 1 comment(s)"))
        #expect(exported.standardError.contains("rater corrections list --status stale"))
        #expect(exported.standardError.contains("left out 1 orphaned correction(s) of 1 comment(s)"))
        #expect(exported.standardError.contains("rater corrections list --status orphaned"))

        // Standard output carries only the file; the warnings still reach standard error.
        let piped = try CLIProcess.run(["corrections", "export", "--db", database, "-o", "-"])
        #expect(piped.status == 0 && piped.standardOutput.hasPrefix("id,lang,text,label,"))
        #expect(piped.standardError.contains("left out 1 stale") && !piped.standardOutput.contains("left out"))

        let listed = try CLIProcess.run(["corrections", "list", "--db", database])
        #expect(listed.status == 0, "\(listed.standardError)")
        let lines = listed.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasSuffix("\tmachine_label\tstatus") == true)
        #expect(lines.dropFirst().map { $0.split(separator: "\t").last.map(String.init) ?? "" }
                == ["orphaned", "current", "stale"])
        let stale = try CLIProcess.run(["corrections", "list", "--db", database, "--status", "stale"])
        #expect(stale.standardOutput.split(separator: "\n").count == 2)
        #expect(stale.standardOutput.contains("\t1\tlabel\t\tnegative\tpositive\tstale"))
        #expect(try CLIProcess.run(["corrections", "list", "--db", database, "--status", "gone"]).status == 64)
    }

    @Test func exportWithNothingLeftOutPrintsNoWarning() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rater-fresh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let export = directory.appendingPathComponent("cr.csv").path
        let database = directory.appendingPathComponent("cr.sqlite").path
        try Data("id,comment\n1,the staff were great\n".utf8).write(to: URL(fileURLWithPath: export))
        for _ in 0..<2 {
            let analysed = try CLIProcess.run(["analyze", export, "--text-column", "comment", "--id-column", "id",
                                               "--db", database, "-o", directory.appendingPathComponent("x.jsonl").path])
            #expect(analysed.status == 0, "\(analysed.standardError)")
            if try ReviewStore(connection: SQLiteConnection(path: database)).corrections().isEmpty {
                try ReviewStore(connection: SQLiteConnection(path: database))
                    .record(CorrectionRequest(source: export, commentKey: "1", action: .label, value: .neutral,
                                              analyst: "ann"))
            }
        }
        let gold = directory.appendingPathComponent("gold.csv").path
        let exported = try CLIProcess.run(["corrections", "export", "--db", database, "-o", gold])
        #expect(exported.status == 0)
        #expect(!exported.standardError.contains("left out"))
        #expect(try String(contentsOfFile: gold, encoding: .utf8).contains("\r\n1,en,the staff were great,neutral,"))
    }
}
