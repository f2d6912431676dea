import RaterCore
import Testing

@testable import RaterIngest

/// Markup written unescaped in a comment (`Nice room<br>noisy`, an unclosed `<b>`) leaves an element open that
/// libxml2 never closes where the writer meant: it stays a level deeper for the rest of the document, so every later
/// record was read inside the broken one. One such comment turned the rest of a file into one rejection that
/// blamed truncation; two lost the rest without a word (a user-side review: 49,300 of 50,000 records, 345 MB).
/// And after any error libxml2 2.9 drops the predefined entities from text: `AT&amp;T` read "ATT" in every later
/// record. Sentences written for these tests.
@Suite(.temporaryFolder) struct XMLUnclosedTagTests {
    static func export(_ texts: [String]) -> String {
        "<reviews>\n" + texts.enumerated().map { "<review id=\"R\($0.offset + 1)\"><text>\($0.element)</text></review>" }
            .joined(separator: "\n") + "\n</reviews>\n"
    }

    @Test func aTagLeftOpenInOneCommentRejectsThatRecordOnly() throws {
        var texts = (1...7).map { "Room \($0) was clean" }
        texts[1] = "Nice room<br>noisy at night"
        let events = try readAll(try temporaryFile(Self.export(texts), suffix: ".xml"))
        #expect(events.compactMap(\.record).map(\.id) == ["R1", "R3", "R4", "R5", "R6", "R7"])
        #expect(events.compactMap(\.record).map(\.text) == texts.enumerated().filter { $0.offset != 1 }.map(\.element))
        let rejections = events.compactMap(\.rejection)
        #expect(rejections.count == 1)
        #expect(rejections.first?.recordNumber == 2)
        #expect(rejections.first?.raw.contains("R3") == false, "\(rejections.first?.raw ?? "")")
        #expect(rejections.first?.reason.message.contains("markup in a comment must be escaped") == true,
                "\(rejections.first?.reason.message ?? "")")
        #expect(rejections.first?.reason.endsInput == false)
    }

    @Test func twoSuchCommentsLoseNothingElse() throws {
        var texts = (1...8).map { "Teller \($0) was helpful" }
        texts[1] = "The queue <b>never moved"
        texts[4] = "Loan approved <i>quickly <b>and clearly"
        let events = try readAll(try temporaryFile(Self.export(texts), suffix: ".xml"))
        #expect(events.compactMap(\.record).map(\.id) == ["R1", "R3", "R4", "R6", "R7", "R8"])
        #expect(events.compactMap(\.rejection).map(\.recordNumber) == [2, 5])
        #expect(events.count == 8)
    }

    /// Cut after the broken record: the truncation is still said, with what it cost.
    @Test func aFileCutAfterABrokenRecordStillSaysItEndsEarly() throws {
        var texts = (1...4).map { "Nurse \($0) was kind" }
        texts[0] = "Doctor was late<br>again"
        let whole = Self.export(texts)
        let cut = String(whole[..<whole.range(of: "Nurse 3")!.upperBound])
        let events = try readAll(try temporaryFile(cut, suffix: ".xml"))
        #expect(events.compactMap(\.record).map(\.id) == ["R2"])
        #expect(events.compactMap(\.rejection).last?.reason.endsInput == true)
    }

    @Test func predefinedEntitiesSurviveAnEarlierError() throws {
        let xml = "<reviews>\n<review id=\"1\"><text>Nice&nbsp;room</text></review>\n"
            + "<review id=\"2\"><text>AT&amp;T signal &lt; promised</text></review>\n"
            + "<review id=\"3\"><text>Wi-Fi &quot;free&quot; &amp; fast</text></review>\n</reviews>\n"
        let events = try readAll(try temporaryFile(xml, suffix: ".xml"))
        #expect(events.compactMap(\.record).map(\.text) == ["AT&T signal < promised", "Wi-Fi \"free\" & fast"])
        #expect(events.compactMap(\.rejection).count == 1)
    }
}
