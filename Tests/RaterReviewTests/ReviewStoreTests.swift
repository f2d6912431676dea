import Foundation
import RaterCore
import RaterDatabase
import Testing
@testable import RaterReview

@Suite struct ReviewStoreTests {
    func ids(_ store: ReviewStore, _ query: [(String, String)]) throws -> [String] {
        try store.page(ReviewFilter(query: query)).comments.map(\.id)
    }

    @Test func listsEveryCommentInSourceOrderWithItsDetails() throws {
        let fixture = try ReviewFixture.sample()
        let page = try fixture.store.page(ReviewFilter())
        #expect(page.total == 6)
        #expect(page.comments.map(\.id) == ["r1", "r2", "r3", "r4", "r5", "r6"])
        let first = page.comments[0]
        #expect(first.text == "环境不错,但是服务员态度很差", "stored as normalised (NFKC)")
        #expect(first.fields.contains(Field("branch", "西湖店")))
        #expect(Set(first.dimensions.map(\.dimension)).isSuperset(of: [.tangibles, .assurance]))
        #expect(first.dimensions.first { $0.dimension == .tangibles }?.label == .positive)
        #expect(first.dimensions.first { $0.dimension == .assurance }?.label == .negative)
        #expect(!first.terms.isEmpty)
        #expect(fixture.store.groupColumns == ["branch", "date"])
        #expect(fixture.store.dateColumn == "date")
    }

    @Test func filtersByLabelDimensionSignalColumnDateAndText() throws {
        let fixture = try ReviewFixture.sample()
        let store = fixture.store
        #expect(try ids(store, [("dimension", "tangibles")]).contains("r1"))
        #expect(try ids(store, [("dimension", "responsiveness")]).contains("r5"))
        #expect(!(try ids(store, [("dimension", "responsiveness")]).contains("r6")))
        #expect(try ids(store, [("label", "negative")]).contains("r5"))
        #expect(!(try ids(store, [("label", "negative")]).contains("r2")))
        #expect(try ids(store, [("signal", "loyalty")]).sorted() == ["r2", "r4"])
        #expect(try ids(store, [("signal", "loyalty=at_risk")]) == ["r4"])
        #expect(try ids(store, [("signal", "loyalty=loyal")]) == ["r2"])
        #expect(try ids(store, [("column", "branch"), ("value", "滨江店")]) == ["r3", "r4", "r6"])
        #expect(try ids(store, [("from", "2026-11-02"), ("to", "2026-11-02")]) == ["r2", "r3"])
        // A slash-written date is read as the same day.
        #expect(try ids(store, [("from", "2026-11-03")]) == ["r4", "r5", "r6"])
        #expect(try ids(store, [("q", "服务员")]) == ["r1"])
        #expect(try ids(store, [("q", "STAFF")]) == ["r3"])
        #expect(try ids(store, [("q", "%")]).isEmpty, "search text is matched literally, not as a pattern")
        #expect(try ids(store, [("column", "branch"), ("value", "西湖店"), ("label", "negative")]).sorted() == ["r1", "r5"])
    }

    /// One source's comments, or what one run wrote: a database of many nights and sources could not be narrowed
    /// to either (`?source=` and `?run=` were ignored, and listed everything).
    @Test func filtersBySourceAndRun() throws {
        let store = try ReviewFixture.sample().store
        #expect(store.sources == ["branches.csv"])
        #expect(try ids(store, [("source", "branches.csv")]).count == 6)
        #expect(try ids(store, [("source", "other.csv")]).isEmpty)
        let run = try #require(try store.recentRuns().first)
        #expect(run.label.contains("complete"), "\(run.label)")
        #expect(try ids(store, [("run", run.id)]).count == 6)
        #expect(try ids(store, [("run", "no-such-run"), ("source", "branches.csv")]).isEmpty)
        #expect(try ReviewFilter(query: [("source", "a.csv"), ("run", "r1")]).queryItems().map(\.0) == ["source", "run"])
    }

    /// Stored texts are normalised (NFKC, Traditional → Simplified), so the search text is too: a Chinese IME's
    /// full-width comma, a phrase copied from the Traditional original or full-width letters found nothing.
    @Test func searchTextIsNormalisedAsCommentsAre() throws {
        let store = try ReviewFixture.sample().store
        #expect(try ids(store, [("q", "不错，但是")]) == ["r1"])
        #expect(try ids(store, [("q", "環境不錯")]) == ["r1"])
        #expect(try ids(store, [("q", "服務員態度")]) == ["r1"])
        #expect(try ids(store, [("q", "ＳＴＡＦＦ")]) == ["r3"])
        #expect(try ids(store, [("q", "四十分鐘")]) == ["r5"])
        // What the box shows is what was typed.
        #expect(try ReviewFilter(query: [("q", "環境不錯")]).search == "環境不錯")
    }

    @Test func lowConfidenceFirstAndPages() throws {
        let fixture = try ReviewFixture.sample()
        let ordered = try fixture.store.page(ReviewFilter(query: [("order", "low-confidence")])).comments
        #expect(ordered.map(\.confidence) == ordered.map(\.confidence).sorted())
        let first = try fixture.store.page(ReviewFilter(), pageSize: 4)
        var second = ReviewFilter()
        second.page = 2
        let next = try fixture.store.page(second, pageSize: 4)
        #expect(first.pageCount == 2 && first.comments.count == 4 && next.comments.map(\.id) == ["r5", "r6"])
    }

    @Test func correctionsChangeTheReviewedReadingButNeverTheMachineRows() throws {
        let fixture = try ReviewFixture.sample()
        let store = fixture.store
        let r6 = try #require(try store.page(ReviewFilter(query: [("q", "noon")])).comments.first)
        #expect(r6.machineLabel == .neutral && !r6.isReviewed)

        try store.record(CorrectionRequest(source: r6.source, commentKey: r6.key, action: .label, value: .positive,
                                           analyst: "王芳"))
        try store.record(CorrectionRequest(source: r6.source, commentKey: r6.key, action: .addDimension,
                                           dimension: .reliability, value: .positive, analyst: "王芳"))
        let reviewed = try #require(try store.comment(source: r6.source, key: r6.key))
        #expect(reviewed.label == .positive && reviewed.machineLabel == .neutral)
        #expect(reviewed.dimensionPairs.contains("reliability:positive"))
        #expect(reviewed.corrections.map(\.seq) == [1, 2])
        #expect(reviewed.corrections.allSatisfy { $0.analyst == "王芳" && $0.machineLabel == .neutral })

        // Filters see the reviewed reading.
        #expect(try ids(store, [("label", "positive")]).contains("r6"))
        #expect(try ids(store, [("dimension", "reliability")]).contains("r6"))
        #expect(try ids(store, [("review", "reviewed")]) == ["r6"])
        #expect(try ids(store, [("review", "unreviewed")]).count == 5)

        // Removing a machine dimension, then the comments table is as the run wrote it.
        let r1 = try #require(try store.comment(source: "branches.csv", key: "r1"))
        try store.record(CorrectionRequest(source: r1.source, commentKey: r1.key, action: .removeDimension,
                                           dimension: .tangibles, analyst: "ana"))
        #expect(!(try ids(store, [("dimension", "tangibles")]).contains("r1")))
        let database = try SQLiteConnection(path: fixture.path)
        let stored = try database.read { try $0.query("SELECT label FROM comments WHERE id = 'r6'", []) }
        #expect(stored.first?.first?.string == "neutral")
        #expect(try database.count(Schema.dimensionMentions) > 0)
        let progress = try store.progress()
        #expect(progress.comments == 6 && progress.reviewed == 2)
    }

    /// Column names are compared as keys, never written into a JSON path: SQLite's path parser ends a quoted label
    /// at the first `"`, so `a"b` used to match nothing.
    @Test func columnFilterTakesAnyColumnNameAsItIs() throws {
        // The JSONL record of the report.
        let jsonl = try ReviewFixture([SourceRecord(source: "t.jsonl", recordNumber: 1, id: "j1", text: "Friendly staff.",
                                                    fields: [Field("a\"b", "x")])])
        #expect(try ids(jsonl.store, [("column", "a\"b"), ("value", "x")]) == ["j1"])
        #expect(try ids(jsonl.store, [("column", "a\"b")]) == ["j1"])
        #expect(try ids(jsonl.store, [("column", "a\"b"), ("value", "y")]).isEmpty)

        // Names a JSON path would read as syntax; the date column with a quote in its name.
        let names = ["a\"b", "\"", "a\\b", "a\\\"b", "$.x", "a.b", "a[0]", "a'b", "*", "分店 \"名\""]
        let fixture = try ReviewFixture(names.enumerated().map { index, name in
            SourceRecord(source: "odd.jsonl", recordNumber: index + 1, id: "j\(index + 1)", text: "Friendly staff.",
                         fields: [Field(name, "x\(index + 1)"), Field("d\"ate", "2026-11-\(10 + index)")])
        }, dateColumn: "d\"ate")
        let store = fixture.store
        #expect(Set(store.groupColumns) == Set(names + ["d\"ate"]))
        for (index, name) in names.enumerated() {
            #expect(try ids(store, [("column", name), ("value", "x\(index + 1)")]) == ["j\(index + 1)"], "\(name)")
            #expect(try ids(store, [("column", name)]) == ["j\(index + 1)"], "\(name)")
            #expect(try ids(store, [("column", name), ("value", "x0")]).isEmpty, "\(name)")
        }
        #expect(try ids(store, [("from", "2026-11-18")]) == ["j9", "j10"])
        #expect(try ids(store, [("from", "2026-11-11"), ("to", "2026-11-11")]) == ["j2"])
    }

    @Test func correctionsAreAppendOnlyInTheDatabaseItself() throws {
        let fixture = try ReviewFixture.sample()
        try fixture.store.record(CorrectionRequest(source: "branches.csv", commentKey: "r2", action: .accept,
                                                   value: .positive, analyst: "ana"))
        let database = try SQLiteConnection(path: fixture.path)
        #expect(throws: DatabaseError.self) {
            try database.transaction { try $0.execute("UPDATE corrections SET analyst = 'mallory'", []) }
        }
        #expect(throws: DatabaseError.self) {
            try database.transaction { try $0.execute("DELETE FROM corrections", []) }
        }
        #expect(try fixture.store.corrections().map(\.analyst) == ["ana"])
    }

    @Test func refusesCorrectionsThatDoNotFit() throws {
        let fixture = try ReviewFixture.sample()
        let store = fixture.store
        #expect(throws: ReviewError.unknownComment(source: "branches.csv", key: "nope")) {
            try store.record(CorrectionRequest(source: "branches.csv", commentKey: "nope", action: .label,
                                               value: .positive, analyst: "ana"))
        }
        #expect(throws: ReviewError.self) {
            try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r1", action: .label, analyst: "ana"))
        }
        #expect(throws: ReviewError.self) {
            try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r1", action: .addDimension,
                                               value: .positive, analyst: "ana"))
        }
        #expect(throws: ReviewError.self) {
            try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r1", action: .label,
                                               value: .positive, analyst: "  "))
        }
        #expect(throws: ReviewError.self) {
            try store.page(ReviewFilter(query: [("column", "no_such_column"), ("value", "x")]))
        }
        #expect(try store.corrections().isEmpty)
    }

    @Test func goldExportHasTheReviewedReadingInTheTeamGoldLayout() throws {
        let fixture = try ReviewFixture.sample()
        let store = fixture.store
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r6", action: .label, value: .positive,
                                           analyst: "ana"))
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r1", action: .accept, value: .negative,
                                           analyst: "bo"))
        let csv = GoldExport.csv(try store.reviewedComments())
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines[0]
                    == "id,lang,text,label,dimensions,expectation,recovery,loyalty,judged,machine_label,reviewed_by,"
                    + "reviewed_at,source,comment_key")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("r1,zh,\"环境不错,但是服务员态度很差\",negative,"))
        #expect(lines[1].contains("tangibles:positive") && lines[1].contains("assurance:negative"))
        #expect(lines[1].contains(",label;reliability;assurance;tangibles;empathy;responsiveness,"), "accept judges all")
        // A label alone judges no dimension and no signal: none is exported as gold.
        #expect(lines[2].hasPrefix("r6,en,Checked in at noon.,positive,,,,,label,neutral,ana,"))
        #expect(GoldExport.cell("a \"quoted\", text") == "\"a \"\"quoted\"\", text\"")
        // Was `== "=SUM(A1)"` ("gold keeps the text exactly"): that let formulas out live. The reader gives the text
        // back exactly by dropping the apostrophe (GoldExportTests round-trips it).
        #expect(GoldExport.cell("=SUM(A1)") == "'=SUM(A1)", "defused for spreadsheets")
    }
}
