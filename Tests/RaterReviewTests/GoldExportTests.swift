import Foundation
import Rater
import RaterCore
import Testing
@testable import RaterReview

/// Splits RFC 4180 CSV into rows of cells on Unicode scalars (CR, LF and quotes are single bytes, as spreadsheets
/// read them), for checking what a spreadsheet would see independently of Rater's own reader.
func rfc4180Rows(_ csv: String) -> [[String]] {
    var rows = [[String]](), row = [String](), cell = String.UnicodeScalarView()
    var quoted = false, afterQuote = false
    var scalars = csv.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    while let scalar = pending ?? scalars.next() {
        pending = nil
        if quoted {
            if scalar == "\"" {
                let next = scalars.next()
                if next == "\"" { cell.append("\"") } else { quoted = false; afterQuote = true; pending = next }
            } else {
                cell.append(scalar)
            }
            continue
        }
        switch scalar {
        case "\"" where cell.isEmpty && !afterQuote: quoted = true
        case ",": row.append(String(cell)); cell = .init(); afterQuote = false
        case "\r", "\n":
            if scalar == "\r" { let next = scalars.next(); if next != "\n" { pending = next } }
            row.append(String(cell)); rows.append(row); row = []; cell = .init(); afterQuote = false
        default: cell.append(scalar)
        }
    }
    if !cell.isEmpty || !row.isEmpty { row.append(String(cell)); rows.append(row) }
    return rows
}

/// The gold CSV: no value can start a row or a cell of its own, none reaches a spreadsheet as a formula, and
/// `rater eval` / `rater lexicon learn` (Rater's CSV reader) still read every comment back exactly.
@Suite struct GoldExportTests {
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    @Test func cellsAreQuotedOnScalarsAndDefusedReversibly() {
        func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
        // "\r\n" is one Character equal to neither "\r" nor "\n": the cell used to go out unquoted.
        #expect(scalars(GoldExport.cell("X2\r\n=2+3")) == scalars("\"X2\r\n=2+3\""))
        #expect(scalars(GoldExport.cell("a\r\nb")) == scalars("\"a\r\nb\""))
        // A quote with a combining mark is one Character unequal to "\"": it must still be doubled.
        #expect(scalars(GoldExport.cell("a\"\u{301},=1+2")) == scalars("\"a\"\"\u{301},=1+2\""))
        // This used to stay `=SUM(A1)` ("gold keeps the text exactly"); the text is still given back exactly, by
        // the reader dropping the apostrophe again (see the round trip below), but no cell is a live formula.
        #expect(GoldExport.cell("=SUM(A1)") == "'=SUM(A1)")
        #expect(GoldExport.cell("=HYPERLINK(\"http://evil.example/\",\"click\")")
                == "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\"")
        #expect(GoldExport.cell("+1") == "'+1" && GoldExport.cell("-1") == "'-1" && GoldExport.cell("@a") == "'@a")
        #expect(GoldExport.cell("\tx") == "'\tx")
        #expect(scalars(GoldExport.cell("\r\n=1")) == scalars("\"'\r\n=1\""))
        #expect(GoldExport.cell("'tis") == "''tis", "an apostrophe of its own is kept by doubling")
        #expect(GoldExport.cell("a = b") == "a = b" && GoldExport.cell("环境不错") == "环境不错")
        #expect(GoldExport.cell("a \"quoted\", text") == "\"a \"\"quoted\"\", text\"")
    }

    static let hostile: [(id: String, text: String)] = [
        ("X2\r\n=2+3", "The room was dirty and the staff were rude."),
        ("=HYPERLINK(\"http://evil.example/\",\"click\")", "=HYPERLINK(\"http://evil.example/\",\"click\")"),
        ("-1", "-5 stars, awful service\r\n=2+3"),
        ("'q", "'Twas a lovely stay, friendly staff"),
        ("@a", "+1 great staff, spotless room"),
        ("c\"\u{301}", "a\"\u{301},=1+2 the staff were rude"),
        ("tab", "\t=1+2 waited an hour for the room"),
        ("plain", "''double apostrophe, lovely staff"),
    ]

    @Test func theGoldFileRoundTripsThroughRatersReaderAndHoldsNoFormula() throws {
        let fixture = try ReviewFixture(Self.hostile.enumerated().map { index, row in
            SourceRecord(source: "=exports.csv", recordNumber: index + 1, line: index + 2, id: row.id, text: row.text)
        })
        let analysts = ["=cmd|' /C calc'!A0", "+bob", "-x", "@y", "'z", "ana", "bo", "李雷"]
        for (index, row) in Self.hostile.enumerated() {
            try fixture.store.record(CorrectionRequest(source: "=exports.csv", commentKey: row.id, action: .label,
                                                       value: .neutral, analyst: analysts[index]))
        }
        let comments = try fixture.store.reviewedComments()
        #expect(comments.count == Self.hostile.count)
        let csv = GoldExport.csv(comments)

        // What a spreadsheet sees: one header and one row per comment, ten cells each, no cell a formula.
        let rows = rfc4180Rows(csv)
        #expect(rows.count == comments.count + 1)
        for row in rows {
            #expect(row.count == GoldExport.header.count, "\(row)")
            for cell in row {
                #expect(cell.unicodeScalars.first.map { !Self.formulaStarts.contains($0) } ?? true, "\(cell)")
            }
        }

        // What `rater eval` and `rater lexicon learn` see: every comment as it was analysed.
        let path = NSTemporaryDirectory() + "rater-gold-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        var reader = try InputOpener.open(path: path, options: IngestOptions()).reader
        var records = [SourceRecord]()
        while let event = try reader.next() {
            guard case let .record(record) = event else { Issue.record("rejected: \(event)"); continue }
            records.append(record)
        }
        #expect(records.count == comments.count)
        for (record, comment) in zip(records, comments) {
            func field(_ name: String) -> [Unicode.Scalar]? {
                record.fields.first { $0.name == name }.map { Array($0.value.unicodeScalars) }
            }
            #expect(Array(record.text.unicodeScalars) == Array(comment.text.unicodeScalars), "\(comment.text)")
            #expect(record.id.map { Array($0.unicodeScalars) } == Array(comment.id.unicodeScalars), "\(comment.id)")
            #expect(field("label") == Array("neutral".unicodeScalars))
            #expect(field("reviewed_by") == comment.lastCorrection.map { Array($0.analyst.unicodeScalars) })
            #expect(field("source") == Array("=exports.csv".unicodeScalars))
            #expect(field("comment_key") == Array(comment.key.unicodeScalars))
        }
        #expect(Set(records.compactMap { $0.fields.first { $0.name == "reviewed_by" }?.value }) == Set(analysts))
    }

    /// Correcting one dimension judges that dimension only: the machine's label and its other dimensions are not
    /// exported as if an analyst had confirmed them (eval and learn on such a file graded the machine against itself).
    @Test func onlyWhatAnAnalystJudgedIsExported() throws {
        let fixture = try ReviewFixture.sample()
        let store = fixture.store
        // r1 (环境不错，但是服务员态度很差): the machine reads tangibles and assurance; the analyst flips assurance only.
        let r1 = try #require(try store.comment(source: "branches.csv", key: "r1"))
        #expect(Set(r1.dimensions.map(\.dimension)) == [.tangibles, .assurance])
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r1", action: .addDimension,
                                           dimension: .empathy, value: .negative, analyst: "ana"))
        // r5 (上菜太慢了): the analyst removes a dimension the comment has; nothing else.
        let r5 = try #require(try store.comment(source: "branches.csv", key: "r5")?.dimensions.first?.dimension)
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r5", action: .removeDimension,
                                           dimension: r5, analyst: "ana"))
        let rows = rfc4180Rows(GoldExport.csv(try store.reviewedComments()))
        let header = try #require(rows.first)
        func cell(_ row: [String], _ name: String) throws -> String {
            row[try #require(header.firstIndex(of: name))]
        }
        let exported = Dictionary(uniqueKeysWithValues: try rows.dropFirst().map { (try cell($0, "id"), $0) })
        let one = try #require(exported["r1"])
        #expect(try cell(one, "label") == "", "the label was not judged")
        #expect(try cell(one, "dimensions") == "empathy:negative", "tangibles and assurance are the machine's")
        #expect(try cell(one, "judged") == "empathy")
        #expect(try cell(one, "machine_label") == r1.machineLabel.rawValue)
        let five = try #require(exported["r5"])
        #expect(try cell(five, "label") == "" && cell(five, "dimensions") == "")
        #expect(try cell(five, "judged") == r5.rawValue, "judged absent")

        // Then accepting r1 judges everything as shown.
        try store.record(CorrectionRequest(source: "branches.csv", commentKey: "r1", action: .accept,
                                           value: r1.label, analyst: "bo"))
        let accepted = try #require(try store.comment(source: "branches.csv", key: "r1"))
        #expect(accepted.judgedFields == "label;reliability;assurance;tangibles;empathy;responsiveness")
        #expect(accepted.judgedDimensionPairs == accepted.dimensionPairs)
        #expect(accepted.dimensionPairs.contains("empathy:negative"))
    }

    /// Files exported before the signal columns, and before `judged`, are still gold files: their apostrophes are
    /// dropped again on reading.
    @Test(arguments: [GoldFileLayout.headerWithoutSignals, GoldFileLayout.headerWithoutJudged])
    func olderGoldLayoutsAreStillRestored(_ header: [String]) throws {
        #expect(GoldFileLayout.matches(header) && GoldFileLayout.matches(GoldFileLayout.header))
        let path = NSTemporaryDirectory() + "rater-oldgold-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let row = header.map { $0 == "text" ? "'=a formula once" : $0 == "id" ? "'1" : "" }
        try Data((header.joined(separator: ",") + "\r\n" + row.joined(separator: ",") + "\r\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        var reader = try InputOpener.open(path: path, options: IngestOptions()).reader
        guard case let .record(record)? = try reader.next() else { Issue.record("no record"); return }
        #expect(record.text == "=a formula once" && record.id == "1")
    }

    @Test func anotherFileWithALeadingApostropheIsReadAsItIs() throws {
        // Only the gold header turns the apostrophe back: other files' text is theirs.
        let path = NSTemporaryDirectory() + "rater-notgold-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("id,text,label\r\n'1,'=not a formula here,positive\r\n".utf8).write(to: URL(fileURLWithPath: path))
        var reader = try InputOpener.open(path: path, options: IngestOptions()).reader
        guard case let .record(record)? = try reader.next() else { Issue.record("no record"); return }
        #expect(record.text == "'=not a formula here" && record.id == "'1")
    }
}
