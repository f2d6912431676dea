import Foundation
import RaterDatabase
import Testing

/// Two hosts feeding one database, each exporting `export.csv` in a folder of its own: their runs stored both files
/// under the one name `export.csv`, each replacing the other's rows, with both runs exiting 0 and nothing said at the
/// default log level. The second run now warns, naming both paths; `--source-name` keeps them apart.
@Suite struct SourceNameCommandLineTests {
    let scratch: ScratchFolder

    init() throws {
        scratch = try ScratchFolder()
        for (host, count) in [("hostA", 2), ("hostB", 3)] {
            try FileManager.default.createDirectory(atPath: scratch.path + host, withIntermediateDirectories: true)
            var csv = "id,text\n"
            for id in 1...count { csv += "\(id),\(host) comment \(id): the staff were friendly\n" }
            try scratch.write(host + "/export.csv", csv)
        }
    }

    func sources(_ database: String) throws -> [[SQLValue]] {
        try SQLiteConnection(path: database).read {
            try $0.query("SELECT source, count(*) FROM comments GROUP BY source ORDER BY source", [])
        }
    }

    @Test func anotherFolderReplacingASourceIsAWarningNamingBothPaths() throws {
        let database = scratch.path + "shared.sqlite"
        let first = try CLIProcess.run(["analyze", "export.csv", "--db", database, "-o", "/dev/null"],
                                       directory: scratch.path + "hostA")
        #expect(first.status == 0, "\(first.standardError)")
        #expect(!first.standardError.contains("warning"), "\(first.standardError)")
        let second = try CLIProcess.run(["analyze", "export.csv", "--db", database, "-o", "/dev/null"],
                                        directory: scratch.path + "hostB")
        #expect(second.status == 0, "\(second.standardError)")
        let hostA = resolved(scratch.path + "hostA/export.csv"), hostB = resolved(scratch.path + "hostB/export.csv")
        #expect(second.standardError.contains("warning"), "\(second.standardError)")
        #expect(second.standardError.contains(hostA) && second.standardError.contains(hostB)
                    && second.standardError.contains("--source-name"), "\(second.standardError)")
        // Documented behaviour: the name keys the rows, the path recorded follows.
        #expect(try sources(database) == [[.text("export.csv"), .integer(3)]])
    }

    @Test func sourceNameKeepsTwoFilesOfTheSameNameApart() throws {
        let database = scratch.path + "shared.sqlite"
        for host in ["hostA", "hostB"] {
            let outcome = try CLIProcess.run(["analyze", "export.csv", "--source-name", host, "--db", database,
                                              "-o", "r.jsonl"], directory: scratch.path + host)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(!outcome.standardError.contains("warning"), "\(outcome.standardError)")
        }
        #expect(try sources(database) == [[.text("hostA"), .integer(2)], [.text("hostB"), .integer(3)]])
        // Rerunning hostA under its name replaces its own rows only.
        let again = try CLIProcess.run(["analyze", "export.csv", "--source-name", "hostA", "--db", database,
                                        "-o", "r.jsonl"], directory: scratch.path + "hostA")
        #expect(again.status == 0, "\(again.standardError)")
        #expect(try sources(database) == [[.text("hostA"), .integer(2)], [.text("hostB"), .integer(3)]])
        // The results file keeps the input's path, as for any stored name.
        #expect(try scratch.read("hostA/r.jsonl").contains(#""source":"export.csv""#))
    }

    /// A nightly export under a dated name repeating last night's comments is another source: `aggregates` counts
    /// them twice. The run says so at the default level; stored under one name, the second night replaces the first.
    @Test func aDatedExportRepeatingStoredCommentsIsAWarning() throws {
        let database = scratch.path + "nightly.sqlite"
        let first = try scratch.write("shop-2026-11-26.csv", "id,comment\na1,great staff\na2,rude staff\n")
        try scratch.write("shop-2026-11-27.csv", try scratch.read("shop-2026-11-26.csv"))
        let tonight = scratch.path + "shop-2026-11-27.csv"
        let stored = try CLIProcess.run(["analyze", first, "--db", database, "-o", "/dev/null"])
        #expect(stored.status == 0 && !stored.standardError.contains("already stored"), "\(stored.standardError)")
        let repeated = try CLIProcess.run(["analyze", tonight, "--db", database, "-o", "/dev/null"])
        #expect(repeated.status == 0, "\(repeated.standardError)")
        #expect(repeated.standardError.contains("warning"), "\(repeated.standardError)")
        #expect(repeated.standardError.contains("2 of the 2 comments stored under source \(tonight)"), "\(repeated.standardError)")
        #expect(repeated.standardError.contains("--source-name \(first)"), "\(repeated.standardError)")
        let other = scratch.path + "named.sqlite"
        #expect(try CLIProcess.run(["analyze", first, "--db", other, "-o", "/dev/null"]).status == 0)
        let named = try CLIProcess.run(["analyze", tonight, "--source-name", first, "--db", other, "-o", "/dev/null"])
        #expect(named.status == 0 && !named.standardError.contains("already stored"), "\(named.standardError)")
        #expect(try sources(other) == [[.text(first), .integer(2)]])
    }

    @Test func sourceNameNamesOneInput() throws {
        let outcome = try CLIProcess.run(["analyze", "hostA/export.csv", "hostB/export.csv", "--source-name", "x",
                                          "--db", scratch.path + "x.sqlite", "-o", "/dev/null"],
                                         directory: scratch.path)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("--source-name"), "\(outcome.standardError)")
        #expect(!scratch.exists("x.sqlite"))
    }

    /// Standard input, which is stored as `-` otherwise, can be named too.
    @Test func standardInputCanBeNamed() throws {
        let database = scratch.path + "in.sqlite"
        let outcome = try CLIProcess.run(["analyze", "-", "--source-name", "nightly-feed", "--db", database,
                                          "-o", "/dev/null", "--format", "csv"], directory: scratch.path) { input in
            input.write(Data("id,text\n1,the staff were friendly\n".utf8))
        }
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try sources(database) == [[.text("nightly-feed"), .integer(1)]])
    }

    private func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
