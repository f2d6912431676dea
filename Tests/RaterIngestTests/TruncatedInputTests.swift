import Foundation
import RaterCore
import Testing

@testable import RaterIngest

/// An export cut short (a copy still being written, a full disk, a transfer that stopped) must say that the rest of
/// the input was not read (`Rejection.Reason.endsInput`): `--replace-source` otherwise takes the records after the
/// cut for records the export dropped and deletes them from the database (a code review: 3 of 6 comments deleted
/// for half the cut points of an XML export, 4 of 5 for a CSV cut inside a quoted comment). Sentences written for
/// these tests.
@Suite(.temporaryFolder) struct TruncatedInputTests {
    static let comments = ["The plumber came on time", "Billing fixed my invoice fast", "Rude front desk",
                           "Clean ward, kind nurses", "Slow refund, no reply", "Quick SIM swap"]

    static func xmlExport() -> String {
        "<reviews>\n" + comments.enumerated().map { "<review id=\"\($0.offset + 1)\" branch='north'><text>"
            + $0.element + "</text></review>" }.joined(separator: "\n") + "\n</reviews>\n"
    }

    /// Cut at every byte of the fourth record, inside its start tag, its text, its end tags: whatever libxml2 makes
    /// of the rest, some rejection says the input was not read to its end.
    @Test func anXMLExportCutAnywhereInARecordSaysItEndsEarly() throws {
        let whole = Array(Self.xmlExport().utf8)
        let text = Self.xmlExport()
        let start = text.utf8.distance(from: text.startIndex, to: text.range(of: "<review id=\"4\"")!.lowerBound)
        let end = text.utf8.distance(from: text.startIndex, to: text.range(of: "<review id=\"5\"")!.lowerBound)
        var missed = [Int]()
        for cut in start..<end {
            let events = try readAll(try temporaryFile(Array(whole[..<cut]), suffix: ".xml"))
            if !events.contains(where: { $0.rejection?.reason.endsInput == true }) { missed.append(cut - start) }
            #expect(events.compactMap(\.record).map(\.id).prefix(3) == ["1", "2", "3"])
        }
        #expect(missed.isEmpty, "cut points (bytes into record 4) not said to end the input: \(missed)")
    }

    @Test func aWholeXMLExportEndsNothingEarly() throws {
        let events = try readAll(try temporaryFile(Self.xmlExport(), suffix: ".xml"))
        #expect(events.compactMap(\.record).count == Self.comments.count)
        #expect(events.allSatisfy { $0.rejection == nil })
    }

    @Test func aCSVCutInsideAQuotedCommentEndsTheInput() throws {
        let csv = "id,comment\n" + Self.comments.enumerated().map { "\($0.offset + 1),\"\($0.element)\"" }
            .joined(separator: "\n") + "\n"
        let cut = String(csv[..<csv.range(of: "Rude front")!.upperBound])
        let events = try readAll(try temporaryFile(cut, suffix: ".csv"))
        #expect(events.compactMap(\.record).map(\.id) == ["1", "2"])
        let rejection = try #require(events.compactMap(\.rejection).last)
        #expect(rejection.reason == .unterminatedQuote)
        #expect(rejection.reason.endsInput)
    }

    @Test func aJSONLinesFileCutMidLineEndsTheInputAndABrokenLineInsideDoesNot() throws {
        let lines = Self.comments.enumerated().map { #"{"id":"\#($0.offset + 1)","text":"\#($0.element)"}"# }
        let whole = lines.joined(separator: "\n") + "\n"
        let cut = String(whole[..<whole.range(of: "Rude fr")!.upperBound])
        let events = try readAll(try temporaryFile(cut, suffix: ".jsonl"))
        #expect(events.compactMap(\.record).map(\.id) == ["1", "2"])
        let rejection = try #require(events.compactMap(\.rejection).last)
        #expect(rejection.reason.endsInput)
        #expect(rejection.reason.message.contains("truncated"), "\(rejection.reason.message)")

        var broken = lines
        broken[2] = #"{"id":"3","text":"Rude front desk"#
        let inside = try readAll(try temporaryFile(broken.joined(separator: "\n") + "\n", suffix: ".jsonl"))
        #expect(inside.compactMap(\.record).count == 5)
        #expect(inside.compactMap(\.rejection).map(\.reason.endsInput) == [false])
        // The last line broken and ended by a line break was written whole, broken: not a cut.
        let last = try readAll(try temporaryFile(lines.dropLast().joined(separator: "\n") + "\n{\"id\":\"6\",\n",
                                                 suffix: ".jsonl"))
        #expect(last.compactMap(\.rejection).map(\.reason.endsInput) == [false])
    }
}
