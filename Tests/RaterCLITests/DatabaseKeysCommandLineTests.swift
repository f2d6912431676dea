import Foundation
import RaterDatabase
import Testing

/// What a nightly engineer sees of the database's keys: an id that comes twice in one export is counted and named
/// (the database keeps one comment for it, the results file both), and the same file named another way on the next
/// night replaces the rows it stored instead of adding a second copy.
@Suite struct DatabaseKeysCommandLineTests {
    static let export = """
        id,branch,text
        1,West,Great staff
        5,East,The room was dirty
        6,West,Okay I guess
        5,West,duplicate id five — terrible
        7,East,Slow service

        """

    func query(_ database: String, _ sql: String) throws -> [[SQLValue]] {
        try SQLiteConnection(path: database).read { try $0.query(sql, []) }
    }

    @Test func aDuplicateIdIsCountedWarnedAndReconciled() throws {
        let folder = try ScratchFolder()
        let input = try folder.write("messy.csv", Self.export)
        let (database, manifest) = (folder.path + "r.sqlite", folder.path + "m.json")
        let outcome = try CLIProcess.run([
            "analyze", input, "--db", database, "--manifest", manifest, "-o", folder.path + "out.jsonl",
            "--group-by", "branch", "--aggregate-csv", folder.path + "agg.csv",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try folder.read("out.jsonl").split(separator: "\n").count == 5)
        #expect(try query(database, "SELECT count(*) FROM comments") == [[.integer(4)]])
        #expect(try query(database, "SELECT analysed, duplicate_keys, duplicates_replaced FROM runs")
                    == [[.integer(5), .integer(1), .integer(1)]])
        let counts = try RunManifest.decode(try folder.read("m.json")).counts
        #expect(counts.analysed == 5 && counts.duplicateKeys == 1 && counts.duplicatesReplaced == 1)
        // One warning, at the end, naming the key and both places.
        let warnings = outcome.standardError.split(separator: "\n").filter { $0.contains("came more than once in this run") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("5 (\(input):3, kept \(input):5)") == true, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("1 record replaced"), "\(outcome.standardError)")
    }

    @Test func plainTextRepeatsAreNotDuplicates() throws {
        let folder = try ScratchFolder()
        let input = try folder.write("notes.txt", "good\ngood\ngood\nbad\n")
        let database = folder.path + "r.sqlite"
        let outcome = try CLIProcess.run(["analyze", input, "--db", database, "-o", folder.path + "out.jsonl"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("came more than once"))
        #expect(try query(database, "SELECT count(*) FROM comments") == [[.integer(4)]])
        #expect(try query(database, "SELECT duplicate_keys, duplicates_replaced FROM runs")
                    == [[.integer(0), .integer(0)]])
    }

    @Test func theSameFileUnderThreeSpellingsIsStoredOnce() throws {
        let folder = try ScratchFolder()
        let input = try folder.write("tiny.csv", Self.export.replacingOccurrences(of: "5,West", with: "8,West"))
        let database = folder.path + "sp.sqlite"
        for spelling in ["tiny.csv", "./tiny.csv", input] {
            let outcome = try CLIProcess.run(["analyze", spelling, "--db", database, "-o", folder.path + "out.jsonl",
                                              "--log-level", "info"], directory: folder.path)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            if spelling != "tiny.csv" {
                #expect(outcome.standardError.contains("stored as source tiny.csv"), "\(outcome.standardError)")
            }
        }
        #expect(try query(database, "SELECT source, count(*) FROM comments GROUP BY source")
                    == [[.text("tiny.csv"), .integer(5)]])
        #expect(try query(database, "SELECT sum(comments) FROM aggregates WHERE scope = 'overall'")
                    == [[.integer(5)]])
    }

    @Test func standardInputKeepsItsName() throws {
        let folder = try ScratchFolder()
        let database = folder.path + "in.sqlite"
        for _ in 0..<2 {
            let outcome = try CLIProcess.run(["analyze", "-", "--db", database, "-o", folder.path + "out.jsonl",
                                              "--format", "csv"], directory: folder.path) { handle in
                handle.write(Data(Self.export.replacingOccurrences(of: "5,West", with: "8,West").utf8))
            }
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        #expect(try query(database, "SELECT source, count(*) FROM comments GROUP BY source")
                    == [[.text("-"), .integer(5)]])
    }
}
