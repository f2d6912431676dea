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
}
