import Foundation
import RaterDatabase
import Testing

/// A survey export where some respondents gave a score and no comment. Those rows were rejected as `empty_text`, so
/// five answers 10, 9, 0, 0, 2 gave "NPS 100 over 2 responses" and the nightly job exited 3 every night. With a
/// rating column such a row is a rating-only answer: its score counts in the figures everywhere they are made, it
/// counts in no sentiment figure, and the counts reconcile as read = analysed + rating-only + rejected.
@Suite struct RatingOnlyAnswerTests {
    let survey = """
        id,comment,nps,branch
        S1,Friendly staff and a quick check-in,10,A
        S2,The room was spotless,9,A
        S3,,0,A
        S4,  ,0,B
        S5,,2,B

        """

    /// The all-groups, all-time overall row of an aggregate CSV, by header name.
    func overallRow(_ csv: String) throws -> [String: String] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let row = try #require(lines.dropFirst().first { Dictionary(uniqueKeysWithValues: zip(header, $0))["all_groups"] == "true" })
        return Dictionary(uniqueKeysWithValues: zip(header, row))
    }

    @Test func theFiveRowSurveyGivesNPSMinus20OverFiveAndExitsZero() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("survey.csv", survey)
        let outcome = try CLIProcess.run(["analyze", input, "-o", scratch.path + "out.jsonl", "--nps-column", "nps",
                                          "--aggregate-csv", scratch.path + "agg.csv",
                                          "--aggregate-json", scratch.path + "agg.json",
                                          "--rejects", scratch.path + "rejects.jsonl",
                                          "--manifest", scratch.path + "manifest.json"])
        let log = outcome.standardError
        #expect(outcome.status == 0, "\(log)")
        #expect(log.contains("read 5, analysed 2, rating-only 3, rejected 0"), "\(log)")
        #expect(log.contains("rater: --nps-column nps: NPS over 5 responses of 2 comments and 3 rating-only answers "
            + "(no comment)"), "\(log)")
        #expect(!log.contains("empty_text"), "\(log)")
        // The results hold the comments, the rejects nothing.
        #expect(try scratch.read("out.jsonl").split(separator: "\n").count == 2)
        #expect(try scratch.read("rejects.jsonl").isEmpty)
        // The aggregate files: the figure over five answers, the comments two.
        let overall = try overallRow(try scratch.read("agg.csv"))
        #expect(overall["nps"] == "-20.00" || overall["nps"] == "-20", "\(overall)")
        #expect(overall["nps_responses"] == "5" && overall["comments"] == "2", "\(overall)")
        #expect(overall["neutral"] == "0", "\(overall)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try scratch.read("agg.json").utf8)) as? [String: Any])
        let row = try #require((json["rows"] as? [[String: Any]])?.first { $0["scope"] as? String == "overall" })
        let ratings = try #require(row["ratings"] as? [String: Any])
        #expect((ratings["nps"] as? NSNumber)?.doubleValue == -20 && ratings["nps_responses"] as? Int == 5)
        let column = try #require((json["columns"] as? [[String: Any]])?.first)
        #expect(column["rating_only"] as? Int == 3 && column["comments"] as? Int == 2)
        // The manifest's counts reconcile with the new class.
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(try scratch.read("manifest.json").utf8)) as? [String: Any])
        let counts = try #require(manifest["counts"] as? [String: Any])
        #expect(counts["read"] as? Int == 5 && counts["analysed"] as? Int == 2 && counts["rating_only"] as? Int == 3
                && counts["rejected"] as? Int == 0, "\(counts)")
        #expect(manifest["exit_code"] as? Int == 0 && manifest["status"] as? String == "complete")
    }

    /// A row with neither a comment nor a valid rating is still rejected as `empty_text` (exit 3), and so is every
    /// empty comment without a rating column. A value off its scale beside a valid one is what it was on a comment:
    /// no answer, counted in the column's warning.
    @Test func aRowWithNoCommentAndNoValidRatingIsStillRejected() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("survey.csv", """
            id,comment,nps,csat
            S1,Friendly staff,10,5
            S2,,,
            S3,,11,
            S4,,12,4

            """)
        let outcome = try CLIProcess.run(["analyze", input, "-o", scratch.path + "out.jsonl", "--nps-column", "nps",
                                          "--csat-column", "csat", "--aggregate-csv", scratch.path + "agg.csv",
                                          "--rejects", scratch.path + "rejects.jsonl"])
        let log = outcome.standardError
        #expect(outcome.status == 3, "\(log)")
        #expect(log.contains("read 4, analysed 1, rating-only 1, rejected 2"), "\(log)")
        #expect(log.contains("rejected by reason empty_text 2"), "\(log)")
        #expect(log.contains("2 records were rejected as empty_text: no comment and no valid rating"), "\(log)")
        // S4's 12 is no NPS answer: counted as unreadable, as on a comment; its CSAT 4 counts.
        #expect(log.contains("--nps-column nps: 1 of 2 values are not NPS (0–10, whole numbers) answers, e.g. '12'"),
                "\(log)")
        let overall = try overallRow(try scratch.read("agg.csv"))
        #expect(overall["nps_responses"] == "1" && overall["csat_responses"] == "2" && overall["comments"] == "1",
                "\(overall)")
        let rejected = try scratch.read("rejects.jsonl").split(separator: "\n")
        #expect(rejected.count == 2 && rejected.allSatisfy { $0.contains("\"reason\":\"empty_text\"") })

        let plain = try CLIProcess.run(["analyze", input, "-o", scratch.path + "plain.jsonl"])
        #expect(plain.status == 3)
        #expect(plain.standardError.contains("read 4, analysed 1, rejected 3"), "\(plain.standardError)")
    }

    /// `--strict` stops at the first rejection; an answer without a comment is none.
    @Test func strictRunsThroughAnswersWithoutAComment() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("survey.csv", survey)
        let outcome = try CLIProcess.run(["analyze", input, "-o", scratch.path + "out.jsonl", "--nps-column", "nps",
                                          "--strict"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("read 5, analysed 2, rating-only 3, rejected 0"))
    }

    /// Partials of two halves merge into the aggregates of one run over the whole survey.
    @Test func mergedPartialsCountTheAnswers() throws {
        let scratch = try ScratchFolder()
        let lines = survey.split(separator: "\n").map(String.init)
        let whole = try scratch.write("survey.csv", survey)
        let first = try scratch.write("first.csv", lines.prefix(3).joined(separator: "\n") + "\n")
        let second = try scratch.write("second.csv", ([lines[0]] + lines.dropFirst(3)).joined(separator: "\n") + "\n")
        let grouping = ["--nps-column", "nps", "--group-by", "branch"]
        for (name, input) in [("whole", whole), ("first", first), ("second", second)] {
            let outcome = try CLIProcess.run(["analyze", input, "-o", scratch.path + name + ".jsonl",
                                              "--aggregate-csv", scratch.path + name + ".agg.csv",
                                              "--aggregate-partial", scratch.path + name + ".partial.json"] + grouping)
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        let merged = try CLIProcess.run(["aggregate", scratch.path + "first.partial.json",
                                         scratch.path + "second.partial.json",
                                         "--aggregate-csv", scratch.path + "merged.csv"] + grouping)
        #expect(merged.status == 0, "\(merged.standardError)")
        #expect(merged.standardError.contains("NPS over 5 responses of 2 comments and 3 rating-only answers"),
                "\(merged.standardError)")
        #expect(try scratch.read("merged.csv") == scratch.read("whole.agg.csv"))
        #expect(try overallRow(try scratch.read("merged.csv"))["nps_responses"] == "5")
    }

    /// The databases store the answers (`rating_answers`), count them in `runs`, and make the `aggregates` table
    /// from them with the comments: the stored figures are the run's. A re-run replaces them, an earlier run's
    /// `empty_text` rejections of the same records give way to them, and an incremental run adds to them. SQLite,
    /// and PostgreSQL when a test server runs.
    @Test func theDatabasesStoreTheAnswersAndTheirAggregatesAgreeWithTheRun() throws {
        let scratch = try ScratchFolder()
        let input = try scratch.write("survey.csv", survey)
        var targets = [["--db", scratch.path + "survey.sqlite"]]
        if let postgres = try PostgresTestSchema.create("answers") { targets.append(["--postgres", postgres]) }
        let target = targets.flatMap { $0 }
        // A night before: no rating column, the three rows rejected.
        let before = try CLIProcess.run(["analyze", input, "-o", scratch.path + "before.jsonl"] + target)
        #expect(before.status == 3, "\(before.standardError)")
        for _ in 0..<2 {
            let outcome = try CLIProcess.run(["analyze", input, "-o", scratch.path + "out.jsonl", "--nps-column", "nps",
                                              "--group-by", "branch", "--aggregate-csv", scratch.path + "agg.csv"]
                                             + target)
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        var databases: [any DatabaseConnection] = [try SQLiteConnection(path: scratch.path + "survey.sqlite")]
        if targets.count > 1 { databases.append(try PostgresConnection(url: targets[1][1])) }
        let inRun = try overallRow(try scratch.read("agg.csv"))
        for database in databases {
            let name = database.displayName
            #expect(try database.count(Schema.ratingAnswers) == 3, "\(name)")
            #expect(try database.count(Schema.rejects) == 0, "\(name)")
            let overall = try database.read {
                try $0.query("SELECT comments, nps, nps_responses, neutral FROM aggregates WHERE group_key = '' "
                             + "AND period = '' AND scope = 'overall'", [])
            }
            #expect(overall.first?[0].int == 2 && overall.first?[1].double == -20 && overall.first?[2].int == 5
                    && overall.first?[3].int == 0, "\(name): \(overall)")
            #expect(overall.first?[2].string == inRun["nps_responses"], "\(name)")
            let branchB = try database.read {
                try $0.query("SELECT comments, nps, nps_responses FROM aggregates WHERE group_key = 'branch=B' "
                             + "AND period = '' AND scope = 'overall'", [])
            }
            #expect(branchB.first?[0].int == 0 && branchB.first?[1].double == -100 && branchB.first?[2].int == 2,
                    "\(name): \(branchB)")
            // Its sentiment figures say nothing: NULL, not a neutral 0.
            let figures = try database.read {
                try $0.query("SELECT share_positive, net_sentiment, mean_score, positive_low FROM aggregates WHERE "
                             + "group_key = 'branch=B' AND period = '' AND scope = 'overall'", [])
            }
            #expect(figures.first == [.null, .null, .null, .null], "\(name): \(figures)")
            let runs = try database.read {
                try $0.query("SELECT read, analysed, rating_only, rejected, exit_code FROM runs ORDER BY started_at DESC "
                             + "LIMIT 1", [])
            }
            #expect(runs.first?.map(\.int) == [5, 2, 3, 0, 0], "\(name): \(runs)")
        }

        // An incremental night appends one more answer without a comment.
        let state = scratch.path + "state.json"
        let nightly = ["--nps-column", "nps", "--group-by", "branch", "--incremental", state] + target
        let first = try CLIProcess.run(["analyze", input, "-o", scratch.path + "n1.jsonl"] + nightly)
        #expect(first.status == 0, "\(first.standardError)")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: input))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("S6,,10,B\n".utf8))
        try handle.close()
        let second = try CLIProcess.run(["analyze", input, "-o", scratch.path + "n2.jsonl"] + nightly)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardError.contains("read 1, analysed 0, rating-only 1, rejected 0"), "\(second.standardError)")
        for database in databases {
            let overall = try database.read {
                try $0.query("SELECT comments, nps, nps_responses FROM aggregates WHERE group_key = '' "
                             + "AND period = '' AND scope = 'overall'", [])
            }
            // 10, 9, 0, 0, 2, 10: three promoters, three detractors.
            #expect(overall.first?[0].int == 2 && overall.first?[1].double == 0 && overall.first?[2].int == 6,
                    "\(database.displayName): \(overall)")
            #expect(try database.count(Schema.ratingAnswers) == 4, "\(database.displayName)")
        }
        // The report made from the database shows the figure over the same answers.
        let report = try CLIProcess.run(["report", "--db", scratch.path + "survey.sqlite", "--nps-column", "nps",
                                         "-o", scratch.path + "report.html"])
        #expect(report.status == 0, "\(report.standardError)")
        #expect(try scratch.read("report.html").contains("n=6"))
    }

    /// A record is one thing at a time. Rows keyed by record (answers, rejections) used to stay when a later export
    /// made that record a comment: a respondent whose comment was filled in, or a row that moved up when another
    /// was removed, was counted twice by the `aggregates` rebuild (NPS 0 over 4 below, instead of 33.3 over 3).
    @Test func aRecordThatBecameACommentIsNoLongerAnAnswerOrARejection() throws {
        let scratch = try ScratchFolder()
        var targets = [["--db", scratch.path + "moved.sqlite"]]
        if let postgres = try PostgresTestSchema.create("answers") { targets.append(["--postgres", postgres]) }
        let target = targets.flatMap { $0 } + ["--source-name", "survey.csv", "--nps-column", "nps"]
        // Night one: respondents 1 and 2 answered without a comment; record 4 has a rating off the scale.
        let first = try scratch.write("night1.csv", "id,comment,nps\n1,,9\n2,,0\n3,Great service,10\n4,,11\n")
        let one = try CLIProcess.run(["analyze", first, "-o", scratch.path + "n1.jsonl"] + target)
        #expect(one.status == 3, "\(one.standardError)")
        // Night two: respondent 2's row moved up, respondent 1 wrote a comment, record 4 was repaired.
        let second = try scratch.write("night2.csv",
                                       "id,comment,nps\n2,,0\n1,Now with a comment: great,9\n3,Great service,10\n"
                                       + "4,Fine,7\n")
        let two = try CLIProcess.run(["analyze", second, "-o", scratch.path + "n2.jsonl"] + target)
        #expect(two.status == 0, "\(two.standardError)")
        var databases: [any DatabaseConnection] = [try SQLiteConnection(path: scratch.path + "moved.sqlite")]
        if targets.count > 1 { databases.append(try PostgresConnection(url: targets[1][1])) }
        for database in databases {
            let name = database.displayName
            #expect(try database.count(Schema.ratingAnswers) == 1, "\(name)")
            #expect(try database.count(Schema.rejects) == 0, "\(name)")
            let overall = try database.read {
                try $0.query("SELECT comments, nps_responses, nps FROM aggregates WHERE group_key = '' "
                             + "AND period = '' AND scope = 'overall'", [])
            }
            // Comments 1 (9), 3 (10), 4 (7) and respondent 2's answer (0): two promoters, one detractor of four.
            #expect(overall.first?[0].int == 3 && overall.first?[1].int == 4 && overall.first?[2].double == 25,
                    "\(name): \(overall)")
        }
    }

    /// JSON and XML exporters leave an empty answer's member or element out (or write null): with a valid rating it
    /// is a rating-only answer, as the same answer in a CSV is (these were `missing_member`/`missing_element`, exit 3).
    /// Without a rating it is still rejected with the hint.
    @Test func jsonAndXMLAnswersWithoutTheCommentsPlaceCount() throws {
        let scratch = try ScratchFolder()
        let jsonl = try scratch.write("survey.jsonl", """
            {"id":"J1","text":"Friendly staff and a quick check-in","nps":10}
            {"id":"J2","nps":0}
            {"id":"J3","text":null,"nps":9}
            {"id":"J4","branch":"A"}

            """)
        let json = try CLIProcess.run(["analyze", jsonl, "-o", scratch.path + "j.jsonl", "--nps-column", "nps",
                                       "--aggregate-csv", scratch.path + "j.csv"])
        #expect(json.status == 3, "\(json.standardError)")
        #expect(json.standardError.contains("read 4, analysed 1, rating-only 2, rejected 1"), "\(json.standardError)")
        #expect(json.standardError.contains("rejected by reason missing_member 1"), "\(json.standardError)")
        #expect(!json.standardError.contains("has a place for the comment"), "\(json.standardError)")
        let overall = try overallRow(try scratch.read("j.csv"))
        #expect(overall["nps_responses"] == "3" && overall["comments"] == "1", "\(overall)")

        let xml = try scratch.write("survey.xml", """
            <answers><answer id="X1"><text>Quick and polite</text><nps>9</nps></answer>
            <answer id="X2"><nps>3</nps></answer></answers>
            """)
        let fromXML = try CLIProcess.run(["analyze", xml, "-o", scratch.path + "x.jsonl", "--nps-column", "nps"])
        #expect(fromXML.status == 0, "\(fromXML.standardError)")
        #expect(fromXML.standardError.contains("read 2, analysed 1, rating-only 1, rejected 0"),
                "\(fromXML.standardError)")
    }

    /// A wrong text option leaves the comment's place out of every record, and on a survey export every record would
    /// pass as an answer: an input that never had the place is named at the end of the summary.
    @Test func anInputThatNeverHadTheCommentsPlaceIsNamed() throws {
        let scratch = try ScratchFolder()
        let jsonl = try scratch.write("survey.jsonl", """
            {"id":"J1","verbatim":"Friendly staff","nps":"10"}
            {"id":"J2","verbatim":"Slow checkout","nps":"4"}

            """)
        let outcome = try CLIProcess.run(["analyze", jsonl, "-o", scratch.path + "out.jsonl", "--nps-column", "nps"])
        let log = outcome.standardError
        #expect(log.contains("read 2, analysed 0, rating-only 2, rejected 0"), "\(log)")
        #expect(log.contains("rater: warning: no record of \(jsonl) has a place for the comment, and its 2 records "
            + "with a rating were counted as rating-only answers (no comment); is the text option right?"), "\(log)")
        // The rating, a quoted number, is no likely comment.
        #expect(log.contains("pass --text-column verbatim"), "\(log)")
    }

    /// A record whose comment sits under a name exports give comments (`comment`, 评论 …) is no answer without one,
    /// even with a rating: an export whose member changed name half-way had those comments counted as rating-only
    /// answers, with no word (the check above speaks only when no record had the place). They stay rejections that
    /// name the member to pass.
    @Test func aCommentUnderAnotherKnownNameIsNoRatingOnlyAnswer() throws {
        let scratch = try ScratchFolder()
        let jsonl = try scratch.write("renamed.jsonl", """
            {"id":"J1","text":"Friendly staff","nps":10}
            {"id":"J2","text":"Quick check-in","nps":9}
            {"id":"J3","comment":"The staff ignored us for an hour","nps":"1"}
            {"id":"J4","comment":"Room was never cleaned","nps":"2"}
            {"id":"J5","nps":8}

            """)
        let outcome = try CLIProcess.run(["analyze", jsonl, "-o", scratch.path + "out.jsonl", "--nps-column", "nps",
                                          "--rejects", scratch.path + "rejects.jsonl"])
        #expect(outcome.status == 3, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("read 5, analysed 2, rating-only 1, rejected 2"),
                "\(outcome.standardError)")
        let rejects = try scratch.read("rejects.jsonl")
        #expect(rejects.contains("missing_member") && rejects.contains("The staff ignored us"), "\(rejects)")

        let csv = try scratch.write("two-columns.csv", "id,text,comment,nps\nC1,,Never called back,2\nC2,,,9\n")
        let fromCSV = try CLIProcess.run(["analyze", csv, "-o", scratch.path + "c.jsonl", "--nps-column", "nps",
                                          "--text-column", "text"])
        #expect(fromCSV.standardError.contains("read 2, analysed 0, rating-only 1, rejected 1"),
                "\(fromCSV.standardError)")
    }

    /// A rating column whose name exports also give comments (`--csat-column review`) holds the rating, not a
    /// comment, and a bare number under such a name is no comment either: those answers were all rejected
    /// (a code review).
    @Test func aRatingUnderACommentLikeNameIsStillAnAnswer() throws {
        let scratch = try ScratchFolder()
        let jsonl = try scratch.write("survey.jsonl", """
            {"id":"R1","text":"Helpful agent","review":"5"}
            {"id":"R2","text":null,"review":"4"}
            {"id":"R3","text":null,"review":"2","feedback":"7"}
            {"id":"R4","text":null,"review":"3","feedback":"Never answered my emails"}

            """)
        let outcome = try CLIProcess.run(["analyze", jsonl, "-o", scratch.path + "out.jsonl", "--csat-column",
                                          "review"])
        #expect(outcome.status == 3, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("read 4, analysed 1, rating-only 2, rejected 1"),
                "\(outcome.standardError)")
    }

    /// A comment member written as null is the comment's place, named: a survey whose empty answers say
    /// `"text":null` is no input without the place.
    @Test func aNullCommentIsThePlaceNamed() throws {
        let scratch = try ScratchFolder()
        let jsonl = try scratch.write("nulls.jsonl", """
            {"id":"N1","text":null,"nps":"9"}
            {"id":"N2","text":null,"nps":"3"}

            """)
        let outcome = try CLIProcess.run(["analyze", jsonl, "-o", scratch.path + "out.jsonl", "--nps-column", "nps"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("read 2, analysed 0, rating-only 2, rejected 0"),
                "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("has a place for the comment"), "\(outcome.standardError)")
    }

    /// An `--incremental` run reads again, and skips, the records earlier runs analysed: they had the comment's
    /// place, so a night whose new records are all answers without it is no input that never had it.
    @Test func anIncrementalRunCountsTheSkippedRecordsPlace() throws {
        let scratch = try ScratchFolder()
        let path = scratch.path + "survey.jsonl"
        try #"{"id":"J1","text":"Friendly staff","nps":"10"}"#.appending("\n").write(toFile: path, atomically: true,
                                                                                    encoding: .utf8)
        let arguments = ["analyze", path, "-o", scratch.path + "out.jsonl", "--nps-column", "nps",
                         "--incremental", scratch.path + "state.json"]
        #expect(try CLIProcess.run(arguments).status == 0)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"id":"J2","nps":"3"}"#.appending("\n").utf8))
        handle.write(Data(#"{"id":"J3","nps":"9"}"#.appending("\n").utf8))
        try handle.close()
        let second = try CLIProcess.run(arguments)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardError.contains("rating-only 2"), "\(second.standardError)")
        #expect(!second.standardError.contains("has a place for the comment"), "\(second.standardError)")
    }
}
