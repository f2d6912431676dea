import Foundation
import RaterAggregate
import RaterReport
#if canImport(FoundationXML)
import FoundationXML
#endif

enum ReportSupport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func collect(_ files: [String], options: AggregationOptions) throws -> ReportCollector {
        var collector = ReportCollector(options: options)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: repository.appendingPathComponent(file)))
            var index = 0
            try collector.addLines(path: file) {
                guard index < bytes.count else { return nil }
                defer { index += 1 }
                return bytes[index]
            }
        }
        return collector
    }

    /// Every element with its attributes, in document order, from an XML parse of the page; nil and the parser's
    /// message when the page is not well-formed.
    final class Structure: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        var error: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            error = "line \(parser.lineNumber), column \(parser.columnNumber): \(parseError)"
        }
    }

    static func parse(_ html: String) -> Structure {
        // The doctype is HTML's, not XML's: a parser without DTD support reads `<!DOCTYPE html>` fine.
        let parser = XMLParser(data: Data(html.utf8))
        let structure = Structure()
        parser.delegate = structure
        parser.shouldResolveExternalEntities = false
        if !parser.parse() && structure.error == nil { structure.error = parser.parserError.map { "\($0)" } ?? "unknown" }
        return structure
    }

    /// The elements the report may contain; anything else (script, iframe, img, a …) fails the tests.
    static let allowedElements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3", "p", "div", "span",
        "strong", "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "ol", "li", "blockquote", "bdi",
        "svg", "g", "rect", "line", "polyline", "circle", "text",
    ]
}
