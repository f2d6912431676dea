import Foundation
import RaterDatabase
import Testing

/// An export without ids keys a comment by its text's digest. A last record analysed while it had no line break
/// (held back) and finished by the next night used to leave the half text's row beside the whole one: the database
/// counted the comment twice, half of it negative or positive on words never written.
@Suite struct HeldBackRecordRowTests {
    func query(_ database: String, _ sql: String) throws -> [[SQLValue]] {
        try SQLiteConnection(path: database).read { try $0.query(sql, []) }
    }

    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// Plain text and a CSV without an id column, each through the row-by-row writer and (`--jobs 2`, which makes no
    /// difference to the rows) again.
    @Test(arguments: [("t.txt", "great room\nthe wifi was", " terrible and the staff rude\nquiet place\n"),
                      ("t.csv", "comment\ngreat room\nthe wifi was", " terrible and the staff rude\nquiet place\n")])
    func theHalfRowIsReplacedByTheWholeOne(_ name: String, _ content: String, _ rest: String) throws {
        let folder = try ScratchFolder()
        let export = try folder.write(name, content)
        let database = folder.path + "r.sqlite"
        let arguments = ["analyze", export, "--incremental", folder.path + "st.json", "--db", database,
                         "--no-explanation", "--include-text"]
        let first = try CLIProcess.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try query(database, "SELECT text FROM comments ORDER BY record")
                == [[.text("great room")], [.text("the wifi was")]])
        try append(rest, to: export)
        let second = try CLIProcess.run(arguments)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardError.contains("read 2, analysed 2, rejected 0"), "\(second.standardError)")
        // The half text's row is gone with its mentions; the whole text holds record 2.
        #expect(try query(database, "SELECT record, text FROM comments ORDER BY record")
                == [[.integer(1), .text("great room")], [.integer(2), .text("the wifi was terrible and the staff rude")],
                    [.integer(3), .text("quiet place")]])
        let keys = try query(database, "SELECT comment_key FROM comments").compactMap(\.first)
        for table in ["dimension_mentions", "aspect_mentions", "signals"] {
            for row in try query(database, "SELECT comment_key FROM \(table)") {
                #expect(keys.contains(row[0]), "\(table) keeps a row of a comment no longer stored: \(row[0])")
            }
        }
        #expect(try query(database, "SELECT comments FROM aggregates WHERE group_key = '' AND scope = 'overall'")
                == [[.integer(3)]])
        // Read = analysed + rejected, night by night, and the database holds each record once.
        #expect(try query(database, "SELECT read, analysed FROM runs ORDER BY rowid")
                == [[.integer(2), .integer(2)], [.integer(2), .integer(2)]])
    }

    /// The whole record is rejected (it spells the header again): the half text's row goes all the same, and the
    /// database holds no comment for that record, only its rejection.
    @Test func theHalfRowGoesWhenTheWholeRecordIsRejected() throws {
        let folder = try ScratchFolder()
        let export = try folder.write("t.csv", "comment\ngreat room\ncomm")
        let database = folder.path + "r.sqlite"
        let arguments = ["analyze", export, "--incremental", folder.path + "st.json", "--db", database,
                         "--no-explanation", "--include-text"]
        let first = try CLIProcess.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try query(database, "SELECT text FROM comments ORDER BY record") == [[.text("great room")], [.text("comm")]])
        try append("ent\nquiet place\n", to: export)
        let second = try CLIProcess.run(arguments)
        #expect(second.status == 3, "\(second.standardError)")
        #expect(second.standardError.contains("read 2, analysed 1, rejected 1"), "\(second.standardError)")
        #expect(try query(database, "SELECT record, text FROM comments ORDER BY record")
                == [[.integer(1), .text("great room")], [.integer(3), .text("quiet place")]])
        #expect(try query(database, "SELECT record, reason FROM rejects") == [[.integer(2), .text("repeated_header")]])
        for table in ["dimension_mentions", "aspect_mentions", "signals"] {
            #expect(try query(database, "SELECT count(*) FROM \(table) WHERE comment_key NOT IN "
                              + "(SELECT comment_key FROM comments)") == [[.integer(0)]], "\(table)")
        }
        #expect(try query(database, "SELECT comments FROM aggregates WHERE group_key = '' AND scope = 'overall'")
                == [[.integer(2)]])
    }

    /// An export with ids after the text, cut inside the id field: the half id's row (`10` of `102`) goes when the
    /// record is read whole, under its whole id.
    @Test func aHalfWrittenIDLeavesNoRow() throws {
        let folder = try ScratchFolder()
        let export = try folder.write("t.csv", "comment,id\ngreat room,101\nthe wifi was terrible,10")
        let database = folder.path + "r.sqlite"
        let arguments = ["analyze", export, "--incremental", folder.path + "st.json", "--db", database,
                         "--id-column", "id", "--no-explanation", "--include-text"]
        let first = try CLIProcess.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try query(database, "SELECT comment_key FROM comments ORDER BY record") == [[.text("101")], [.text("10")]])
        try append("2\nquiet place,103\n", to: export)
        let second = try CLIProcess.run(arguments)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(try query(database, "SELECT record, comment_key FROM comments ORDER BY record")
                == [[.integer(1), .text("101")], [.integer(2), .text("102")], [.integer(3), .text("103")]])
        #expect(try query(database, "SELECT count(*) FROM dimension_mentions WHERE comment_key = '10'") == [[.integer(0)]])
        #expect(try query(database, "SELECT comments FROM aggregates WHERE group_key = '' AND scope = 'overall'")
                == [[.integer(3)]])
    }

    /// A half record that was rejected (ids first, cut inside the id: no text column yet) and is whole now: its
    /// rejection goes, as the comment is stored; the rejection of a record rejected for good stays.
    @Test func aHalfRecordsRejectionGoesWhenItIsReadWhole() throws {
        let folder = try ScratchFolder()
        let export = try folder.write("t.csv", "id,comment\n101,great room\n102,\n10")
        let database = folder.path + "r.sqlite"
        let arguments = ["analyze", export, "--incremental", folder.path + "st.json", "--db", database,
                         "--id-column", "id", "--no-explanation"]
        let first = try CLIProcess.run(arguments)
        #expect(first.status == 3, "\(first.standardError)")
        #expect(try query(database, "SELECT record, reason FROM rejects ORDER BY record")
                == [[.integer(2), .text("empty_text")], [.integer(3), .text("missing_column")]])
        try append("3,quiet place\n", to: export)
        let second = try CLIProcess.run(arguments)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(try query(database, "SELECT record, reason FROM rejects ORDER BY record")
                == [[.integer(2), .text("empty_text")]])
        #expect(try query(database, "SELECT record, comment_key FROM comments ORDER BY record")
                == [[.integer(1), .text("101")], [.integer(3), .text("103")]])
    }

    /// A run without `--db` between the night that held the record back and the next with `--db` reads the record
    /// again: the half row used to stay for good, as the state forgot it. It is kept in the state until a run with
    /// `--db` deletes it; that run wrote it no whole row, as the database lacks every record a run without it read.
    @Test func aRunWithoutDatabasesKeepsTheHalfRowForTheNextRunWithThem() throws {
        let folder = try ScratchFolder()
        let export = try folder.write("t.txt", "great room\nthe wifi was")
        let database = folder.path + "r.sqlite"
        let state = folder.path + "st.json"
        let withDatabase = ["analyze", export, "--incremental", state, "--db", database, "--no-explanation",
                            "--include-text", "-o", folder.path + "a.jsonl"]
        let first = try CLIProcess.run(withDatabase)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(try query(database, "SELECT text FROM comments ORDER BY record") == [[.text("great room")], [.text("the wifi was")]])
        try append(" terrible and the staff rude\nquiet place\n", to: export)
        let second = try CLIProcess.run(["analyze", export, "--incremental", state, "--no-explanation",
                                         "-o", folder.path + "b.jsonl"])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardError.contains("read 2, analysed 2"), "\(second.standardError)")
        let saved = try String(contentsOfFile: state, encoding: .utf8)
        #expect(saved.contains("heldBackDigest") && saved.replacingOccurrences(of: " ", with: "").contains("\"heldBackRecord\":2"), "\(saved)")
        try append("lovely bar\n", to: export)
        let third = try CLIProcess.run(withDatabase)
        #expect(third.status == 0, "\(third.standardError)")
        #expect(third.standardError.contains("read 1, analysed 1"), "\(third.standardError)")
        #expect(try query(database, "SELECT record, text FROM comments ORDER BY record")
                == [[.integer(1), .text("great room")], [.integer(4), .text("lovely bar")]])
        for table in ["dimension_mentions", "aspect_mentions", "signals"] {
            #expect(try query(database, "SELECT count(*) FROM \(table) WHERE comment_key NOT IN "
                              + "(SELECT comment_key FROM comments)") == [[.integer(0)]], "\(table)")
        }
        // Used up: the state no longer names it.
        #expect(try !String(contentsOfFile: state, encoding: .utf8).contains("heldBackDigest"))
    }

    /// A run with `--db` that finds the file not grown reads nothing of it and keeps the row in the state too.
    @Test func aRunThatReadsNothingNewKeepsTheHalfRowInTheState() throws {
        let folder = try ScratchFolder()
        let export = try folder.write("t.txt", "great room\nthe wifi was")
        let database = folder.path + "r.sqlite"
        let state = folder.path + "st.json"
        let withDatabase = ["analyze", export, "--incremental", state, "--db", database, "--no-explanation",
                            "--include-text", "-o", folder.path + "a.jsonl"]
        #expect(try CLIProcess.run(withDatabase).status == 0)
        try append(" terrible\n", to: export)
        #expect(try CLIProcess.run(["analyze", export, "--incremental", state, "--no-explanation",
                                    "-o", folder.path + "b.jsonl"]).status == 0)
        let idle = try CLIProcess.run(withDatabase)
        #expect(idle.status == 0, "\(idle.standardError)")
        #expect(try String(contentsOfFile: state, encoding: .utf8).contains("heldBackDigest"))
        try append("quiet place\n", to: export)
        #expect(try CLIProcess.run(withDatabase).status == 0)
        #expect(try query(database, "SELECT record, text FROM comments ORDER BY record")
                == [[.integer(1), .text("great room")], [.integer(3), .text("quiet place")]])
    }
}
