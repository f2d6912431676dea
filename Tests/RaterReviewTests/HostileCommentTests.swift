import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RaterCore
import Testing
@testable import RaterReview

/// The hostile corpus (script tags, attribute injection, javascript: URLs, RTL overrides, SQL) as comments, in
/// every place the workspace shows text: the comment, a field name and value, and the analyst's name.
@Suite struct HostileCommentTests {
    static func hostileRecords() throws -> [SourceRecord] {
        let csv = try String(contentsOf: repositoryRoot.appendingPathComponent("Corpora/malformed/hostile_html.csv"),
                             encoding: .utf8)
        // The file is the team's own: a header, then `id,text` with RFC 4180 quoting on line 2 only.
        var records = [SourceRecord]()
        for (index, line) in csv.split(separator: "\n").dropFirst().enumerated() {
            let comma = line.firstIndex(of: ",")!
            var text = String(line[line.index(after: comma)...])
            if text.hasPrefix("\"") {
                text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            records.append(SourceRecord(source: "hostile.csv", recordNumber: index + 1, id: "h\(index + 1)", text: text,
                                        fields: [Field("<b onmouseover=alert(1)>branch", "\"><script>alert(2)</script>")]))
        }
        return records
    }

    @Test func noHostileTextBecomesMarkup() throws {
        let fixture = try ReviewFixture(try Self.hostileRecords())
        let renderer = ReviewPageRenderer(csrfToken: "t", analyst: "\"><img src=x onerror=alert(3)>")
        let data = try fixture.store.page(ReviewFilter())
        #expect(data.comments.count >= 7)
        let html = renderer.list(data, filter: ReviewFilter(), store: ReviewStoreInfo(groupColumns: fixture.store.groupColumns,
                                                                                         dateColumn: nil),
                                 progress: (data.total, 0))
        let structure = try PageStructure(html)
        #expect(structure.elements.filter { $0.name == "script" }.map { $0.attributes["src"] } == ["/static/review.js"])
        #expect(!structure.elements.contains { $0.name == "img" })
        for element in structure.elements {
            for (name, value) in element.attributes {
                #expect(!name.lowercased().hasPrefix("on"), "\(element.name) has \(name)")
                if name == "href" || name == "src" || name == "action" {
                    #expect(value.hasPrefix("/") || value.hasPrefix("#"), "\(name)=\(value)")
                }
            }
        }
        #expect(!html.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x202C })
        #expect(structure.text.contains("<script>alert(1)</script>"), "shown as text (its words may be marked)")
        #expect(structure.text.contains("<img src=x onerror=alert(1)>"), "the hostile text is shown as text")
        #expect(structure.text.contains("'; DROP TABLE comments; --"))
    }

    /// `good ` 2,000 times froze the list page for minutes (cubic highlighting): now the page marks at most
    /// `TextHighlighter.markLimit` occurrences and lists at most `ReviewLimits.termRows` terms, then "and N more".
    @Test func aCommentRepeatingATermThousandsOfTimesIsRenderedWithinLimits() throws {
        let text = String(repeating: "good ", count: 2_000) + "Food 🔥 and dessert ❤️‍🔥"
        let fixture = try ReviewFixture([SourceRecord(source: "flood.csv", recordNumber: 1, id: "f1", text: text, fields: [])])
        let data = try fixture.store.page(ReviewFilter())
        let comment = try #require(data.comments.first)
        #expect(comment.terms.count > ReviewLimits.termRows)
        let html = ReviewPageRenderer(csrfToken: "t", analyst: "ana")
            .list(data, filter: ReviewFilter(), store: ReviewStoreInfo(groupColumns: [], dateColumn: nil), progress: (1, 0))
        let structure = try PageStructure(html)
        let marks = structure.elements.filter { $0.name == "mark" }.count
        #expect(marks == TextHighlighter.markLimit)
        #expect(structure.text.contains("Not every term is highlighted"))
        #expect(structure.text.contains("and \(comment.terms.count - ReviewLimits.termRows) more"))
        #expect(structure.elements.filter { $0.name == "tr" }.count == ReviewLimits.termRows + 2, "heading, rows, more")
        #expect(html.contains("❤️‍🔥") && !html.contains("❤️‍<mark"))
        // The text is one clause (no punctuation): each dimension's evidence shows the part around its cue, not
        // the whole text again.
        #expect(html.utf8.count < 3 * text.utf8.count + 100_000, "\(html.utf8.count) bytes for \(text.utf8.count)")
    }

    @Test func longClausesAreShownAroundTheirCue() {
        let clause = String(repeating: "x ", count: 500) + "the STAFF were kind" + String(repeating: " y", count: 500)
        let excerpt = ReviewPageRenderer.excerpt(clause, around: "staff")
        #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…") && excerpt.contains("the STAFF were kind"))
        #expect(excerpt.count == 1 + 100 + 5 + 100 + 1)
        #expect(ReviewPageRenderer.excerpt("short clause", around: "clause") == "short clause")
        let missing = ReviewPageRenderer.excerpt(clause, around: "absent")
        #expect(missing.count == 201 && missing.hasPrefix("x x") && missing.hasSuffix("…"))
        let emoji = String(repeating: "❤️‍🔥", count: 300)
        #expect(ReviewPageRenderer.excerpt(emoji, around: "🔥").allSatisfy { $0 == "❤️‍🔥" || $0 == "…" })
    }

    @Test func sqlInTheTextIsStoredAndSearchedAsData() throws {
        let fixture = try ReviewFixture(try Self.hostileRecords())
        let hits = try fixture.store.page(ReviewFilter(query: [("q", "'; DROP TABLE comments; --")]))
        #expect(hits.total == 1)
        #expect(try fixture.store.page(ReviewFilter()).total == 7)
    }
}

/// The page parsed as XML (the builder writes XHTML-compatible HTML): elements with attributes, and the text.
struct PageStructure {
    struct Element { var name: String; var attributes: [String: String] }
    var elements: [Element] = []
    var text = ""

    init(_ html: String) throws {
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        let delegate = Collector()
        parser.delegate = delegate
        guard parser.parse() else {
            throw LoopbackHTTP.Failure(description: "not well formed: \(parser.parserError.map { "\($0)" } ?? "?")")
        }
        elements = delegate.elements
        text = delegate.text
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }
}
