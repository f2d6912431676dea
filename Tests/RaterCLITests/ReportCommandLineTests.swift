import Foundation
import Testing

/// `rater report` end to end: real analysis of the hostile corpus (with text) and of a sample, from result files
/// and from the SQLite database.
@Suite struct ReportCommandLineTests {
    let directory = NSTemporaryDirectory() + "rater-report-\(UUID().uuidString)"

    @Test func hostileCommentsAreInert() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let analyzed = try CLIProcess.run(["analyze", "Corpora/malformed/hostile_html.csv", "--include-text",
                                           "-o", directory + "/results.jsonl"])
        #expect(analyzed.status == 0, "\(analyzed.standardError)")
        for locale in ["en", "zh"] {
            let report = try CLIProcess.run(["report", directory + "/results.jsonl", "--locale", locale,
                                             "-o", directory + "/report.html"])
            #expect(report.status == 0, "\(report.standardError)")
            let html = try String(contentsOfFile: directory + "/report.html", encoding: .utf8)
            #expect(!html.lowercased().contains("<script") && !html.lowercased().contains("<img"))
            #expect(!html.contains("onmouseover=\"") && !html.contains("onerror=\""))
            #expect(!html.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("<html lang=\"\(locale == "zh" ? "zh-CN" : "en")\">"))
        }
    }

    /// A team that moved its nightly runs to a shared PostgreSQL makes the morning report from it too (a user-side
    /// review: `report --postgres` was an unknown option), with the figures of the SQLite database of the same run.
    @Test(.enabled(if: PostgresTestSchema.serverURL != nil, "no test PostgreSQL server (RATER_TEST_POSTGRES_URL)"))
    func postgresGivesTheFiguresSQLiteGives() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let postgres = try #require(try PostgresTestSchema.create("report"))
        let analyzed = try CLIProcess.run(["analyze", "Corpora/samples/hotel_reviews_zh.csv", "-o", directory + "/r.jsonl",
                                           "--db", directory + "/rater.sqlite", "--postgres", postgres])
        #expect(analyzed.status == 0, "\(analyzed.standardError)")
        let grouping = ["--group-by", "branch", "--csat-column", "rating"]
        let fromSQLite = try CLIProcess.run(["report", "--db", directory + "/rater.sqlite", "-o", directory + "/s.html"]
                                            + grouping)
        let fromPostgres = try CLIProcess.run(["report", "--postgres", postgres, "-o", directory + "/p.html"] + grouping)
        #expect(fromSQLite.status == 0 && fromPostgres.status == 0, "\(fromPostgres.standardError)")
        let sqlite = try String(contentsOfFile: directory + "/s.html", encoding: .utf8)
        let html = try String(contentsOfFile: directory + "/p.html", encoding: .utf8)
        #expect(html.contains("<tr data-group") && html == sqlite)
        let both = try CLIProcess.run(["report", "--db", directory + "/rater.sqlite", "--postgres", postgres, "-o",
                                       directory + "/x.html"])
        #expect(both.status == 64 && both.standardError.contains("only one of them"), "\(both.standardError)")
    }

    @Test func filesAndDatabaseGiveTheSameFigures() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let analyzed = try CLIProcess.run(["analyze", "Corpora/samples/hotel_reviews_zh.csv", "-o", directory + "/results.jsonl",
                                           "--db", directory + "/rater.sqlite"])
        #expect(analyzed.status == 0, "\(analyzed.standardError)")
        let grouping = ["--group-by", "branch", "--date-column", "date", "--bucket", "month", "--csat-column", "rating"]
        let fromFiles = try CLIProcess.run(["report", directory + "/results.jsonl", "-o", directory + "/files.html"] + grouping)
        #expect(fromFiles.status == 0, "\(fromFiles.standardError)")
        let fromDatabase = try CLIProcess.run(["report", "--db", directory + "/rater.sqlite", "-o", directory + "/db.html"] + grouping)
        #expect(fromDatabase.status == 0, "\(fromDatabase.standardError)")
        func figureRows(_ path: String) throws -> [String] {
            let html = try String(contentsOfFile: path, encoding: .utf8)
            let pattern = try NSRegularExpression(pattern: "<tr data-(group|driver)=[^>]*>")
            return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
                String(html[Range($0.range, in: html)!])
            }
        }
        let files = try figureRows(directory + "/files.html")
        #expect(files.count > 20)
        #expect(try figureRows(directory + "/db.html") == files)

        // The all-time rows equal what `rater aggregate` writes for the same results and options.
        let aggregate = try CLIProcess.run(["aggregate", directory + "/results.jsonl", "--aggregate-csv",
                                            directory + "/aggregate.csv"] + grouping)
        #expect(aggregate.status == 0, "\(aggregate.standardError)")
        let csv = try String(contentsOfFile: directory + "/aggregate.csv", encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(csv.first)
        let column = { (name: String) in header.firstIndex(of: name)! }
        var compared = 0
        for cells in csv.dropFirst() where cells[column("period")].isEmpty {
            let group = cells[column("branch")].isEmpty ? "" : "branch=" + cells[column("branch")]
            let row = try #require(files.first {
                $0.contains("data-group=\"\(group)\"") && $0.contains("data-scope=\"\(cells[column("scope")])\"")
            })
            #expect(row.contains("data-mentions=\"\(cells[column("mentions")])\""), "\(row)")
            let net = try #require(row.firstMatch(of: /data-net="([-0-9.]+)"/).map { Double($0.1)! })
            #expect(abs(net - Double(cells[column("net_sentiment")])!) <= 0.00005, "\(row)")
            compared += 1
        }
        #expect(compared >= 6)

        let neither = try CLIProcess.run(["report", "-o", directory + "/x.html"])
        #expect(neither.status != 0 && neither.standardError.contains("no input"))
    }
    /// The database holds every signal (`signals`), and the report over it shows their rates: it said "None", so a
    /// manager reading the page saw no customer at risk and no unresolved recovery.
    @Test func signalRatesFromTheDatabaseEqualTheFiles() throws {
        let scratch = try ScratchFolder()
        let export = try scratch.write("sig.csv", "id,comment\n1,再也不来了，退款申请了三天还没处理\n2,I will never come again\n3,房间很干净\n")
        let analyzed = try CLIProcess.run(["analyze", export, "--db", scratch.path + "sig.sqlite",
                                           "-o", scratch.path + "sig.jsonl"])
        #expect(analyzed.status == 0, "\(analyzed.standardError)")
        for (arguments, name) in [([scratch.path + "sig.jsonl"], "file.html"), (["--db", scratch.path + "sig.sqlite"], "db.html")] {
            let report = try CLIProcess.run(["report"] + arguments + ["-o", scratch.path + name])
            #expect(report.status == 0, "\(report.standardError)")
        }
        func signalRows(_ name: String) throws -> [String] {
            let html = try scratch.read(name)
            return html.matches(of: /<tr data-signal="[^"]*" data-count="[^"]*" data-rate="[^"]*">/).map { String($0.0) }
        }
        let fromFile = try signalRows("file.html")
        #expect(fromFile.contains { $0.contains(#"data-signal="loyalty.at_risk" data-count="2""#) }, "\(fromFile)")
        #expect(fromFile.contains { $0.contains(#"data-signal="recovery.unresolved""#) }, "\(fromFile)")
        #expect(try signalRows("db.html") == fromFile)
    }
}
