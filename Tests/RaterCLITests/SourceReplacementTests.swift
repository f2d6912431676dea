import Foundation
import RaterDatabase
import Testing

/// A corrected re-export that dropped records left their rows in the databases: comments keyed by export id replace
/// the ones the export still holds, and nothing touched the others, so the source kept 502 comments after an export
/// of 499, with no word (a user-side review, 2026-11-29). A finished run that read its input whole now names them
/// (a warning for a source stored under its path), and `--replace-source` deletes them with everything keyed to
/// them, before the aggregates are made again.
@Suite struct SourceReplacementTests {
    @Test func aCorrectedReExportsDroppedRecordsAreNamedAndReplaced() throws {
        let scratch = try ScratchFolder()
        var targets = [["--db", scratch.path + "shop.sqlite"]]
        if let postgres = try PostgresTestSchema.create("replace") { targets.append(["--postgres", postgres]) }
        let target = targets.flatMap { $0 } + ["--nps-column", "nps"]
        let export = scratch.path + "shop.csv"
        // Night one: five comments, an answer without one and a rejected row.
        try "id,comment,nps\n1,Friendly staff,9\n2,Slow checkout,3\n3,Clean store,10\n4,Rude cashier,1\n5,Fine,7\n6,,8\n7,,\n"
            .write(toFile: export, atomically: true, encoding: .utf8)
        let one = try CLIProcess.run(["analyze", export, "-o", scratch.path + "n1.jsonl"] + target)
        #expect(one.status == 3, "\(one.standardError)")
        // The corrected export: records 2 and 4 removed (and the answer and the bad row), 3 changed, 8 added.
        try "id,comment,nps\n1,Friendly staff,9\n3,Clean store and quick,10\n5,Fine,7\n8,Helpful manager,9\n"
            .write(toFile: export, atomically: true, encoding: .utf8)
        let two = try CLIProcess.run(["analyze", export, "-o", scratch.path + "n2.jsonl", "--log-level", "error",
                                      "--manifest", scratch.path + "n2.json"] + target)
        #expect(two.status == 0, "\(two.standardError)")
        #expect(two.standardError.isEmpty, "\(two.standardError)")
        // At `--log-level error` the warning is in the manifest (and `runs.manifest`) only.
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path
            + "n2.json"))) as? [String: Any]
        let warnings = manifest?["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.contains("source \(export) holds 2 comments") }, "\(warnings)")
        let warned = try CLIProcess.run(["analyze", export, "-o", scratch.path + "n2b.jsonl"] + target)
        #expect(warned.standardError.contains("warning"), "\(warned.standardError)")
        #expect(warned.standardError.contains("source \(export) holds 2 comments that earlier runs stored and this "
            + "run did not write"), "\(warned.standardError)")
        var databases: [any DatabaseConnection] = [try SQLiteConnection(path: scratch.path + "shop.sqlite")]
        if targets.count > 1 { databases.append(try PostgresConnection(url: targets[1][1])) }
        for database in databases { #expect(try database.count(Schema.comments) == 6, "\(database.displayName)") }

        // At the default log level: a deletion is said in the summary, and counted in the manifest.
        let three = try CLIProcess.run(["analyze", export, "-o", scratch.path + "n3.jsonl", "--replace-source",
                                        "--manifest", scratch.path + "n3.json"] + target)
        #expect(three.status == 0, "\(three.standardError)")
        // With two databases each line names its database first.
        #expect(three.standardError.contains("source \(export): deleted 2 comments, 1 rating-only answer, "
            + "1 rejection (with their rows)"), "\(three.standardError)")
        let counts = (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.path
            + "n3.json"))) as? [String: Any])?["counts"] as? [String: Any]
        #expect(counts?["replaced_comments"] as? Int == 2, "\(String(describing: counts))")
        #expect(!three.standardError.contains("did not write"), "\(three.standardError)")
        for database in databases {
            let name = database.displayName
            #expect(try database.count(Schema.comments) == 4, "\(name)")
            #expect(try database.count(Schema.ratingAnswers) == 0 && database.count(Schema.rejects) == 0, "\(name)")
            let orphans = try database.read {
                try $0.query("SELECT count(*) FROM dimension_mentions d WHERE NOT EXISTS (SELECT 1 FROM comments c "
                             + "WHERE c.source = d.source AND c.comment_key = d.comment_key)", [])
            }
            #expect(orphans.first?.first?.int == 0, "\(name)")
            let overall = try database.read {
                try $0.query("SELECT comments, nps_responses FROM aggregates WHERE group_key = '' AND period = '' "
                             + "AND scope = 'overall'", [])
            }
            #expect(overall.first?[0].int == 4 && overall.first?[1].int == 4, "\(name): \(overall)")
        }
    }

    /// Another source in the same database is not touched, and a source gathered under `--source-name` is named
    /// in a note only: exports of one day each stored under one name keep the earlier days by design.
    @Test func otherSourcesStayAndANamedSourceGetsANote() throws {
        let scratch = try ScratchFolder()
        let database = scratch.path + "two.sqlite"
        let branch = try scratch.write("branch.csv", "id,comment\nB1,Great coffee\nB2,Cold food\n")
        #expect(try CLIProcess.run(["analyze", branch, "-o", scratch.path + "b.jsonl", "--db", database]).status == 0)
        let monday = try scratch.write("mon.csv", "id,comment\nM1,Nice staff\n")
        let tuesday = try scratch.write("tue.csv", "id,comment\nT1,Long queue\n")
        for day in [monday, tuesday] {
            let run = try CLIProcess.run(["analyze", day, "-o", scratch.path + "d.jsonl", "--db", database,
                                          "--source-name", "shop"])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(!run.standardError.contains("did not write"), "\(run.standardError)")
        }
        let replaced = try CLIProcess.run(["analyze", tuesday, "-o", scratch.path + "d.jsonl", "--db", database,
                                           "--source-name", "shop", "--replace-source"])
        #expect(replaced.status == 0, "\(replaced.standardError)")
        let connection = try SQLiteConnection(path: database)
        let sources = try connection.read {
            try $0.query("SELECT source, count(*) FROM comments GROUP BY source ORDER BY source", [])
                .map { [$0[0].string ?? "", $0[1].string ?? ""] }
        }
        #expect(sources == [[branch, "2"], ["shop", "1"]], "\(sources)")
    }

    /// Three cases where the rows a run did not write may be records the export still holds: the source stays
    /// whole, and the warning says why (a code review: a truncated `.gz` deleted half a source, a renamed member
    /// deleted all of it, another folder's file of the same name deleted the first one's rows).
    @Test func aSourceThatMayStillHoldTheRowsIsNotReplaced() throws {
        let scratch = try ScratchFolder()
        let database = scratch.path + "keep.sqlite"
        func comments() throws -> [[String]] {
            try SQLiteConnection(path: database).read {
                try $0.query("SELECT source, count(*) FROM comments GROUP BY source ORDER BY source", [])
                    .map { [$0[0].string ?? "", $0[1].string ?? ""] }
            }
        }
        func analyze(_ input: String, in folder: String? = nil) throws -> CLIProcess.Outcome {
            try CLIProcess.run(["analyze", input, "-o", scratch.path + "out.jsonl", "--db", database,
                                "--replace-source"], directory: folder)
        }
        // XML cut inside its second record: libxml2 reads no further.
        let records = (1...4).map { "<review><id>X\($0)</id><text>Room \($0) was clean</text></review>" }
        let xml = try scratch.write("feed.xml", "<reviews>" + records.joined() + "</reviews>\n")
        #expect(try analyze(xml).status == 0)
        let whole = "<reviews>" + records.joined()
        try String(whole[..<whole.range(of: "Room 2")!.upperBound]).write(toFile: xml, atomically: true, encoding: .utf8)
        let cut = try analyze(xml)
        #expect(cut.status == 3, "\(cut.standardError)")
        #expect(cut.standardError.contains("source \(xml) is not replaced (--replace-source): its input was not "
            + "read to the end"), "\(cut.standardError)")
        // A CSV cut inside a quoted comment: the quote runs to the end, the rows after the cut were never read.
        let csv = try scratch.write("feed.csv", "id,comment\nC1,\"Kind nurse\"\nC2,\"Long wait\"\nC3,\"Clean ward\"\n")
        #expect(try analyze(csv).status == 0)
        try "id,comment\nC1,\"Kind nurse\"\nC2,\"Long w".write(toFile: csv, atomically: true, encoding: .utf8)
        let quoted = try analyze(csv)
        #expect(quoted.standardError.contains("source \(csv) is not replaced (--replace-source): its input was not "
            + "read to the end"), "\(quoted.standardError)")
        // Every record rejected: the comment's member was renamed.
        let jsonl = try scratch.write("feed.jsonl", #"{"id":"J1","text":"Quick refund"}"# + "\n"
            + #"{"id":"J2","text":"Late again"}"# + "\n")
        #expect(try analyze(jsonl).status == 0)
        try (#"{"id":"J1","comment":"Quick refund"}"# + "\n" + #"{"id":"J2","comment":"Late again"}"# + "\n")
            .write(toFile: jsonl, atomically: true, encoding: .utf8)
        let renamed = try analyze(jsonl)
        #expect(renamed.standardError.contains("source \(jsonl) is not replaced (--replace-source): this run stored "
            + "no comment or rating-only answer of it"), "\(renamed.standardError)")
        // The same name from another folder.
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: scratch.path + folder, withIntermediateDirectories: true)
        }
        try "id,comment\nA1,Kind nurse\nA2,Long wait\n".write(toFile: scratch.path + "a/export.csv", atomically: true,
                                                           encoding: .utf8)
        try "id,comment\nB1,Fast service\n".write(toFile: scratch.path + "b/export.csv", atomically: true,
                                               encoding: .utf8)
        #expect(try analyze("export.csv", in: scratch.path + "a").status == 0)
        let moved = try analyze("export.csv", in: scratch.path + "b")
        #expect(moved.standardError.contains("source export.csv is not replaced (--replace-source): its recorded "
            + "path changed in this run"), "\(moved.standardError)")
        #expect(try comments() == [["export.csv", "3"], [xml, "4"], [jsonl, "2"], [csv, "3"]].sorted { $0[0] < $1[0] })
        // The whole file again: now it is replaced.
        try "<reviews>\(records[0])</reviews>\n".write(toFile: xml, atomically: true, encoding: .utf8)
        let again = try analyze(xml)
        #expect(again.standardError.contains("rater: source \(xml): deleted 3 comments"), "\(again.standardError)")
    }

    /// A source whose comments were stored by export id and are now keyed by text (the id column not found: a
    /// renamed column, or `ticket_id`, no default id since) holds each comment twice: the warning says so, not
    /// "records no longer in a corrected re-export" (a code review).
    @Test func commentsKeyedOtherwiseThanBeforeAreNamedAsSuch() throws {
        let scratch = try ScratchFolder()
        let database = scratch.path + "tickets.sqlite"
        let tickets = try scratch.write("tickets.csv", "ticket_id,comment\nT1,Engineer fixed the line\nT2,No reply\n")
        let first = try CLIProcess.run(["analyze", tickets, "-o", scratch.path + "a.jsonl", "--db", database,
                                        "--id-column", "ticket_id"])
        #expect(first.status == 0, "\(first.standardError)")
        let second = try CLIProcess.run(["analyze", tickets, "-o", scratch.path + "b.jsonl", "--db", database])
        #expect(second.standardError.contains("source \(tickets) holds 2 comments earlier runs stored by export id, "
            + "and this run stored its comments by their text"), "\(second.standardError)")
        #expect(!second.standardError.contains("corrected re-export"), "\(second.standardError)")

        // Keyed by id again, one row's id left blank (stored by its text) and one record dropped: a re-export that
        // dropped a record, not a change of keys.
        let cases = try scratch.write("cases.csv", "id,comment\nC1,Quick claim payout\nC2,Adjuster never called\n"
            + "C3,Clear policy letter\n")
        let third = try CLIProcess.run(["analyze", cases, "-o", scratch.path + "c.jsonl", "--db", database])
        #expect(third.status == 0, "\(third.standardError)")
        try "id,comment\nC1,Quick claim payout\n,Adjuster never called\n".write(toFile: cases, atomically: true,
                                                                               encoding: .utf8)
        let fourth = try CLIProcess.run(["analyze", cases, "-o", scratch.path + "d.jsonl", "--db", database])
        #expect(!fourth.standardError.contains("stored its comments by their text"), "\(fourth.standardError)")
        #expect(fourth.standardError.contains("source \(cases) holds 2 comments that earlier runs stored and this "
            + "run did not write"), "\(fourth.standardError)")
    }

    @Test func replaceSourceNeedsADatabaseAndAWholeRead() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("in.csv", "id,comment\n1,Fine\n")
        let incremental = try CLIProcess.run(["analyze", input, "--db", scratch.path + "x.sqlite", "--replace-source",
                                              "--incremental", scratch.path + "state.json"])
        #expect(incremental.status == 64, "\(incremental.standardError)")
        #expect(incremental.standardError.contains("--replace-source deletes what a run did not write"))
        let noDatabase = try CLIProcess.run(["analyze", input, "--replace-source"])
        #expect(noDatabase.status == 64, "\(noDatabase.standardError)")
    }
}
