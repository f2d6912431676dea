import Foundation
import RaterCore
import Testing
@testable import RaterReview

/// Correction forms name their comment with an opaque reference (`CommentReference`), not with the id escaped into
/// an HTML attribute: the escaping folds tab, CR and LF to spaces and drops controls, so `A<TAB>B`'s form used to
/// post `A B` and correct another comment, and an id with U+202E, a line break or ESC could never be corrected.
@Suite(.serialized) struct CommentReferenceTests {
    /// Ids that HTML attribute escaping cannot carry back unchanged.
    static let hostileIDs = ["A\u{202E}B", "A\r\nB", "A\u{1B}[2KB", "A\u{0}B", "A\u{FFFF}B", "A%41B", "A/B", "A+B"]

    /// The `ref` value of every correction form on the page, in page order (two forms per comment).
    static func references(_ html: String) -> [String] {
        html.components(separatedBy: "name=\"ref\" value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func referencesRoundTripExactlyAndRefuseAnythingElse() {
        for key in Self.hostileIDs + ["r6", "", "评论 1", "A B", "A\tB", "e\u{301}", "\u{E9}"] {
            let reference = CommentReference.encode(source: "exports/a b.csv", key: key)
            #expect(reference.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0 != "\"" && $0 != "&" })
            let decoded = CommentReference.decode(reference)
            #expect(decoded?.source == "exports/a b.csv")
            // Scalars, not String ==, which would take "e\u{301}" and "\u{E9}" as equal.
            #expect(decoded.map { Array($0.key.unicodeScalars) } == Array(key.unicodeScalars), "\(reference)")
        }
        #expect(CommentReference.encode(source: "a", key: "A B") != CommentReference.encode(source: "a", key: "A\tB"))
        for malformed in ["ids.csv", "a/b/c", "a/A B", "a/A+B", "a/%4", "a/%zz", "a/%FF", "a/%C3", "a/%ED%A0%80", "a/\u{1B}"] {
            #expect(CommentReference.decode(malformed) == nil, "\(malformed)")
        }
    }

    @Test func theFormCorrectsItsOwnCommentNotOneWhoseIdEscapesAlike() async throws {
        let fixture = try ReviewFixture([
            SourceRecord(source: "ids.csv", recordNumber: 1, line: 2, id: "A B",
                         text: "The room was dirty and the staff were rude."),
            SourceRecord(source: "ids.csv", recordNumber: 2, line: 3, id: "A\tB",
                         text: "The room was spotless and the staff were lovely."),
        ])
        try await withServer(fixture) { port, configuration in
            let page = try LoopbackHTTP.send(port: port, "GET", "/")
            let references = Self.references(page.body)
            // Three forms a comment: the label, the dimensions, the signals.
            #expect(references.count == 6)
            #expect(Set(references[0..<3]).count == 1 && Set(references[3..<6]).count == 1 && references[0] != references[3])
            let posted = try LoopbackHTTP.send(port: port, "POST", "/corrections",
                                               form: [("csrf", configuration.csrfToken), ("ref", references[3]),
                                                      ("op", "label:neutral"), ("return", "/")])
            #expect(posted.status == 303)
            let stored = try fixture.store.corrections()
            #expect(stored.count == 1)
            #expect(stored.first.map { Array($0.commentKey.unicodeScalars) } == Array("A\tB".unicodeScalars))
            #expect(try fixture.store.comment(source: "ids.csv", key: "A B")?.isReviewed == false)
            #expect(try fixture.store.comment(source: "ids.csv", key: "A\tB")?.label == .neutral)

            // A reference that does not decode is refused, not guessed at; with no reference, a script's raw
            // source and key still work.
            let malformed = try LoopbackHTTP.send(port: port, "POST", "/corrections",
                                                  form: [("csrf", configuration.csrfToken), ("ref", "ids.csv/A B"),
                                                         ("source", "ids.csv"), ("key", "A B"), ("op", "label:neutral")])
            #expect(malformed.status == 400 && malformed.body.contains("malformed comment reference"))
            let raw = try LoopbackHTTP.send(port: port, "POST", "/corrections",
                                            form: [("csrf", configuration.csrfToken), ("source", "ids.csv"),
                                                   ("key", "A B"), ("op", "label:positive")])
            #expect(raw.status == 303)
            #expect(try fixture.store.comment(source: "ids.csv", key: "A B")?.label == .positive)
            #expect(try fixture.store.corrections().count == 2)
        }
    }

    @Test func everyIdCanBeCorrectedFromItsForm() async throws {
        var hostile = Self.hostileIDs.enumerated().map { index, id in
            SourceRecord(source: "ids\u{1B}[31m.csv", recordNumber: index + 1, line: index + 2, id: id,
                         text: "Checked in at noon, comment \(index).")
        }
        // Each hostile id beside the id its escaped form would have posted before.
        hostile += ["A", "AB", "A  B", "A B", "A[2KB"].enumerated().map { index, id in
            SourceRecord(source: "ids\u{1B}[31m.csv", recordNumber: 100 + index, line: 100 + index, id: id,
                         text: "Decoy \(index).")
        }
        let records = hostile
        let fixture = try ReviewFixture(records)
        try await withServer(fixture) { port, configuration in
            let page = try LoopbackHTTP.send(port: port, "GET", "/")
            let references = Self.references(page.body)
            // Three forms a comment (label, dimensions, signals).
            #expect(references.count == 3 * records.count)
            for (index, id) in Self.hostileIDs.enumerated() {
                let posted = try LoopbackHTTP.send(port: port, "POST", "/corrections",
                                                   form: [("csrf", configuration.csrfToken),
                                                          ("ref", references[3 * index]), ("op", "label:negative")])
                #expect(posted.status == 303, "\(id.unicodeScalars.map { $0.value })")
                let latest = try fixture.store.corrections().first
                #expect(latest.map { Array($0.commentKey.unicodeScalars) } == Array(id.unicodeScalars),
                        "\(id.unicodeScalars.map { $0.value })")
                #expect(latest?.source == "ids\u{1B}[31m.csv")
            }
            #expect(try fixture.store.corrections().count == Self.hostileIDs.count)
            #expect(try fixture.store.page(ReviewFilter(query: [("review", "reviewed")])).total == Self.hostileIDs.count)
        }
    }
}
