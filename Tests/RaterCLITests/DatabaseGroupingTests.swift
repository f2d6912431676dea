import Foundation
import RaterDatabase
import Testing

/// `--db` without aggregate files: a `--group-by` naming no column (a typo in a config) rebuilt the `aggregates`
/// table under the empty group, and an ad-hoc run without the nightly options rebuilt it ungrouped, both with exit 0
/// and no word. The database now remembers the grouping its table was made with, and both are warnings.
@Suite struct DatabaseGroupingTests {
    let export = """
        id,branch,text
        1,West,Great staff and a lovely view
        2,East,The room was dirty
        3,West,Slow service at breakfast

        """

    func run(_ folder: ScratchFolder, _ input: String, _ options: [String]) throws -> CLIProcess.Outcome {
        try CLIProcess.run(["analyze", input, "--db", folder.path + "r.sqlite", "-o", "/dev/null"] + options)
    }

    @Test func aRunUnderOtherGroupingOptionsOrANamedColumnNoCommentHasIsWarned() throws {
        let folder = try ScratchFolder()
        let input = try folder.write("export.csv", export)
        let database = folder.path + "r.sqlite"
        let nightly = try run(folder, input, ["--group-by", "branch"])
        #expect(nightly.status == 0 && !nightly.standardError.contains("warning"), "\(nightly.standardError)")
        let recorded = try SQLiteConnection(path: database).read { try $0.query("SELECT aggregation FROM runs", []) }
        guard case let .text(json)? = recorded.first?.first else {
            Issue.record("runs.aggregation holds no text: \(recorded)")
            return
        }
        #expect(json.contains("\"groupBy\":[\"branch\"]"), "\(json)")

        // An ad-hoc rerun without the nightly options.
        let adHoc = try run(folder, input, [])
        #expect(adHoc.status == 0)
        #expect(adHoc.standardError.contains("\(database): the aggregates table was made with other grouping options "
            + "(by run "), "\(adHoc.standardError)")
        #expect(adHoc.standardError.contains("--group-by branch (now: none); it is made again under this run's"),
                "\(adHoc.standardError)")

        // A typo in the config: the column is named, and the change of grouping too.
        let typo = try run(folder, input, ["--group-by", "brnach"])
        #expect(typo.standardError.contains("\(database): aggregates table: --group-by brnach: no record has this "
            + "column; known columns: branch"), "\(typo.standardError)")
        #expect(typo.standardError.contains("--group-by none (now: brnach)"), "\(typo.standardError)")

        // The same options as the table's: only the absent column is said again.
        let again = try run(folder, input, ["--group-by", "brnach"])
        #expect(!again.standardError.contains("other grouping options"), "\(again.standardError)")
        #expect(again.standardError.contains("--group-by brnach: no record has this column"))
    }
}
