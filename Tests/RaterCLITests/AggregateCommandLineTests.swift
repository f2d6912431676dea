import Foundation
import Testing

/// `rater analyze` aggregating as it goes, and `rater aggregate` over results and partials, give the same figures.
@Suite struct AggregateCommandLineTests {
    let directory = NSTemporaryDirectory() + "rater-aggregate-\(UUID().uuidString)"
    let grouping = ["--group-by", "branch", "--date-column", "date", "--bucket", "week", "--time-zone", "Asia/Shanghai",
                    "--csat-column", "rating"]

    /// With one group column, and with two (whose rollup rows, a row per branch over all its channels, are made
    /// from the merged cells when rows are made).
    @Test(arguments: [[String](), ["--group-by", "channel"]])
    func inRunRereadAndMergedPartialsAgree(_ secondColumn: [String]) throws {
        let grouping = grouping + secondColumn
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sample = "Corpora/samples/hotel_reviews_zh.csv"
        let analyzed = try CLIProcess.run(["analyze", sample, "--no-explanation", "-o", directory + "/results.jsonl",
                                           "--aggregate-csv", directory + "/in-run.csv",
                                           "--drivers-csv", directory + "/drivers.csv"] + grouping)
        #expect(analyzed.status == 0, "\(analyzed.standardError)")
        let reread = try CLIProcess.run(["aggregate", directory + "/results.jsonl", "--aggregate-csv",
                                         directory + "/reread.csv"] + grouping)
        #expect(reread.status == 0, "\(reread.standardError)")
        // Two halves of the results as partials, merged.
        let lines = try String(contentsOfFile: directory + "/results.jsonl", encoding: .utf8).split(separator: "\n")
        try (lines.prefix(17).joined(separator: "\n") + "\n").write(toFile: directory + "/a.jsonl", atomically: true, encoding: .utf8)
        try (lines.dropFirst(17).joined(separator: "\n") + "\n").write(toFile: directory + "/b.jsonl", atomically: true, encoding: .utf8)
        for half in ["a", "b"] {
            let partial = try CLIProcess.run(["aggregate", directory + "/\(half).jsonl", "--aggregate-partial",
                                              directory + "/\(half).partial.json"] + grouping)
            #expect(partial.status == 0, "\(partial.standardError)")
        }
        let merged = try CLIProcess.run(["aggregate", directory + "/a.partial.json", directory + "/b.partial.json",
                                         "--aggregate-csv", directory + "/merged.csv"] + grouping)
        #expect(merged.status == 0, "\(merged.standardError)")
        let inRun = try String(contentsOfFile: directory + "/in-run.csv", encoding: .utf8)
        #expect(try String(contentsOfFile: directory + "/reread.csv", encoding: .utf8) == inRun)
        #expect(try String(contentsOfFile: directory + "/merged.csv", encoding: .utf8) == inRun)
        #expect(inRun.split(separator: "\n").count > 40)
        if !secondColumn.isEmpty { try expectRollupsAreTheFirstColumnsRows(inRun) }
        let drivers = try String(contentsOfFile: directory + "/drivers.csv", encoding: .utf8)
        #expect(drivers.hasPrefix("dimension,mentions,correlation,importance,importance_share,performance,quadrant\n"))
        #expect(drivers.split(separator: "\n").count == 6)
    }

    /// A results file with no result lines (a failed night upstream) is named, as `rater analyze` names an empty input.
    @Test func anEmptyResultsFileIsNamed() throws {
        let scratch = try ScratchFolder()
        let empty = try scratch.write("empty.jsonl", "")
        let blank = try scratch.write("blank.jsonl", "\n \n")
        let full = try scratch.results(2)
        let outcome = try CLIProcess.run(["aggregate", empty, full, blank, "--aggregate-csv", scratch.path + "a.csv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\(empty): no results (an empty file?)"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("\(blank): no results"), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("\(full): no results"), "\(outcome.standardError)")
    }

    /// The rows `grouped_by` says are over `branch` alone are, cell for cell, the rows `--group-by branch` gives.
    func expectRollupsAreTheFirstColumnsRows(_ twoColumns: String) throws {
        let analyzed = try CLIProcess.run(["analyze", "Corpora/samples/hotel_reviews_zh.csv", "--no-explanation",
                                           "-o", directory + "/one.jsonl", "--aggregate-csv", directory + "/one.csv"]
                                          + grouping)
        #expect(analyzed.status == 0, "\(analyzed.standardError)")
        let one = try String(contentsOfFile: directory + "/one.csv", encoding: .utf8).split(separator: "\n")
        let two = twoColumns.split(separator: "\n")
        #expect(two[0] == "branch,channel,all_groups,grouped_by," + one[0].dropFirst("branch,all_groups,".count))
        // branch, channel, all_groups, grouped_by → branch, all_groups: the shape of the one-column file.
        func asOneColumn(_ line: Substring) -> (groupedBy: Substring, line: String) {
            let cells = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
            return (cells[3], [cells[0], cells[2], cells[4]].joined(separator: ","))
        }
        let rows = two.dropFirst().map(asOneColumn)
        let rollups = rows.filter { $0.groupedBy == "branch" }.map(\.line)
        #expect(rollups == one.dropFirst().filter { !$0.hasPrefix(",true,") }.map(String.init))
        #expect(rollups.count > 20)
        #expect(rows.filter { $0.groupedBy.isEmpty }.map(\.line) == one.dropFirst().filter { $0.hasPrefix(",true,") }.map(String.init))
        #expect(rows.allSatisfy { ["", "branch", "branch; channel"].contains($0.groupedBy) })
    }

    @Test func partialsWithOtherGroupingAreRefused() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let made = try CLIProcess.run(["analyze", "Corpora/samples/retail_en.txt", "-o", directory + "/r.jsonl",
                                       "--aggregate-partial", directory + "/p.json"])
        #expect(made.status == 0, "\(made.standardError)")
        let refused = try CLIProcess.run(["aggregate", directory + "/p.json", "--group-by", "branch"])
        #expect(refused.status == 1)
        // The message names the option as the command line spells it, not two dumped structures.
        #expect(refused.standardError.contains(directory + "/p.json: made with other options than this run: "
                                                 + "--group-by none (this run: branch)"), "\(refused.standardError)")
        #expect(!refused.standardError.contains("AggregationOptions("))
    }

    /// A partial written before aspects were counted merged with one written after gave aspect rows of the newer
    /// one's comments alone, without a word: refused (exit 1, nothing written), naming both. Partials without aspect
    /// counts still merge with each other, into a partial that says it has none.
    @Test func partialsWithAndWithoutAspectCountsAreNotMerged() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["new", "a", "b"] {
            let made = try CLIProcess.run(["analyze", "Corpora/samples/retail_en.txt", "-o", directory + "/\(name).jsonl",
                                           "--aggregate-partial", directory + "/\(name).json"])
            #expect(made.status == 0, "\(made.standardError)")
        }
        // a.json and b.json as partials written before aspects were counted: version 1, no `aspects` key.
        for name in ["a", "b"] {
            let path = directory + "/\(name).json"
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
                as? [String: Any])
            #expect(object["version"] as? Int == 2)
            object["version"] = 1
            object["entries"] = try #require(object["entries"] as? [[String: Any]]).map { entry in
                var entry = entry
                var aggregate = entry["aggregate"] as? [String: Any] ?? [:]
                aggregate["aspects"] = nil
                entry["aggregate"] = aggregate
                return entry
            }
            try JSONSerialization.data(withJSONObject: object, options: .sortedKeys).write(to: URL(fileURLWithPath: path))
        }
        let refused = try CLIProcess.run(["aggregate", directory + "/a.json", directory + "/new.json",
                                          "--aggregate-csv", directory + "/all.csv"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains(directory + "/a.json: a partial without aspect counts (written before "
                                                 + "aspects were counted), and " + directory + "/new.json has them"),
                "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/all.csv"))
        // Results have aspect counts as well.
        let beside = try CLIProcess.run(["aggregate", directory + "/new.jsonl", directory + "/b.json"])
        #expect(beside.status == 1 && beside.standardError.contains(directory + "/b.json: a partial without aspect counts"),
                "\(beside.standardError)")
        // The old ones together: merged, into a partial without aspect counts, which is refused beside new.json too.
        let old = try CLIProcess.run(["aggregate", directory + "/a.json", directory + "/b.json",
                                      "--aggregate-partial", directory + "/ab.json"])
        #expect(old.status == 0, "\(old.standardError)")
        #expect(try !String(contentsOfFile: directory + "/ab.json", encoding: .utf8).contains("\"aspects\""))
        let again = try CLIProcess.run(["aggregate", directory + "/new.json", directory + "/ab.json"])
        #expect(again.status == 1 && again.standardError.contains(directory + "/ab.json: a partial without aspect counts"),
                "\(again.standardError)")
    }

    /// A copy of a partial beside the partial counted every comment twice without a word.
    @Test func aCopiedPartialIsRefused() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let made = try CLIProcess.run(["analyze", "Corpora/samples/retail_en.txt", "-o", directory + "/r.jsonl",
                                       "--aggregate-partial", directory + "/p.json"])
        #expect(made.status == 0, "\(made.standardError)")
        try FileManager.default.copyItem(atPath: directory + "/p.json", toPath: directory + "/copy.json")
        let refused = try CLIProcess.run(["aggregate", directory + "/p.json", directory + "/copy.json",
                                          "--aggregate-csv", directory + "/all.csv"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains(directory + "/copy.json: the same partial as " + directory + "/p.json"),
                "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/all.csv"))
        // Two partials of the same comments made by two runs are two partials (shards may repeat by design).
        let again = try CLIProcess.run(["aggregate", directory + "/r.jsonl", "--aggregate-partial", directory + "/q.json"])
        #expect(again.status == 0, "\(again.standardError)")
        let merged = try CLIProcess.run(["aggregate", directory + "/p.json", directory + "/q.json"])
        #expect(merged.status == 0, "\(merged.standardError)")
    }

    /// The results file of a run beside the partial the same run wrote (`rater aggregate results/*.jsonl
    /// partials/*.json` on a night that wrote both) counted every comment twice: "aggregated 5 results and 1
    /// partials", comments 10 for 5. Refused, naming both files, however the results file was renamed, compressed or
    /// written (to standard output); and a partial that `rater aggregate` made from a results file covers it too.
    @Test func aPartialBesideTheResultsItWasWrittenWithIsRefused() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let r = directory + "/r.jsonl", p = directory + "/p.json", all = directory + "/all.csv"
        let made = try CLIProcess.run(["analyze", "Corpora/samples/retail_en.txt", "-o", r, "--aggregate-partial", p])
        #expect(made.status == 0, "\(made.standardError)")
        let refused = try CLIProcess.run(["aggregate", r, p, "--aggregate-csv", all])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("\(p): covers the results in \(r)"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: all))
        // The partial first, and the results renamed and compressed: still the same results.
        try FileManager.default.moveItem(atPath: r, toPath: directory + "/night.jsonl")
        let gzip = try CLIProcess.run(["-k", directory + "/night.jsonl"], program: "/bin/gzip")
        #expect(gzip.status == 0)
        let renamed = try CLIProcess.run(["aggregate", p, directory + "/night.jsonl.gz"])
        #expect(renamed.status == 1)
        #expect(renamed.standardError.contains("\(p): covers the results in \(directory)/night.jsonl.gz"),
                "\(renamed.standardError)")
        // Results written to standard output, redirected to a file by the caller.
        let piped = try CLIProcess.run(["-c", "\"$0\" analyze Corpora/samples/retail_en.txt --aggregate-partial "
                                        + "\(directory)/q.json > \(directory)/out.jsonl", CLIProcess.executable("rater").path],
                                       program: "/bin/sh")
        #expect(piped.status == 0, "\(piped.standardError)")
        let fromPipe = try CLIProcess.run(["aggregate", directory + "/out.jsonl", directory + "/q.json"])
        #expect(fromPipe.status == 1, "\(fromPipe.standardError)")
        // A partial `rater aggregate` made from the results covers them as well.
        let remade = try CLIProcess.run(["aggregate", directory + "/night.jsonl", "--aggregate-partial",
                                         directory + "/again.json"])
        #expect(remade.status == 0, "\(remade.standardError)")
        let twice = try CLIProcess.run(["aggregate", directory + "/night.jsonl", directory + "/again.json"])
        #expect(twice.status == 1, "\(twice.standardError)")
        // Either one alone, or the partials of two runs over the same export, are fine.
        #expect(try CLIProcess.run(["aggregate", directory + "/night.jsonl"]).status == 0)
        #expect(try CLIProcess.run(["aggregate", p, directory + "/q.json"]).status == 0)
    }

    /// Unreadable ratings and dates, blank group values and a mistyped column used to pass without a word, exit 0.
    @Test func columnsWithoutValuesAreReported() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = directory + "/ratings.csv"
        try """
            id,comment,csat,date,branch
            1,great staff,5,2026-02-30,A
            2,rude staff,nan,2026-11-24,
            3,slow check-in,99,,B

            """.write(toFile: input, atomically: true, encoding: .utf8)
        let analyzed = try CLIProcess.run(["analyze", input, "--text-column", "comment", "--id-column", "id",
                                           "-o", directory + "/r.jsonl", "--csat-column", "csat", "--date-column", "date",
                                           "--group-by", "branch,brnach", "--aggregate-json", directory + "/a.json",
                                           "--aggregate-partial", directory + "/p.json"])
        #expect(analyzed.status == 0, "\(analyzed.standardError)")
        let log = analyzed.standardError
        #expect(log.contains("--csat-column csat: 2 of 3 values are not CSAT (1–5) answers, e.g. '99'"), "\(log)")
        #expect(log.contains("--date-column date: 1 of 2 values are not readable dates, e.g. '2026-02-30'"), "\(log)")
        #expect(log.contains("--group-by brnach: no record has this column; known columns: branch, csat, date"), "\(log)")
        #expect(log.contains("rater: --group-by branch: 1 of 3 comments have no value"), "\(log)")
        #expect(log.contains("rater: --date-column date: 2 of 3 comments have no readable date"), "\(log)")
        let json = try String(contentsOfFile: directory + "/a.json", encoding: .utf8)
        #expect(json.contains("{\"option\":\"--csat-column\",\"column\":\"csat\",\"comments\":3,\"present\":3,"
                              + "\"missing\":0,\"unreadable\":2,\"unreadable_example\":\"99\"}"), "\(json)")
        // `rater aggregate` over the partial says the same.
        let merged = try CLIProcess.run(["aggregate", directory + "/p.json", "--csat-column", "csat", "--date-column",
                                         "date", "--group-by", "branch,brnach", "--aggregate-csv", directory + "/a.csv"])
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardError.contains("--csat-column csat: 2 of 3 values are not CSAT (1–5) answers, e.g. '99'"))
        #expect(merged.standardError.contains("--group-by brnach: no record has this column"))
    }
}
