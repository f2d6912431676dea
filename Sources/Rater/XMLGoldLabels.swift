import Foundation

/// Reads the aspect annotations of an XML gold file: for each record element, the attributes of its label
/// elements (SemEval/MAMS `<aspectCategory category="…" polarity="…"/>`, nested inside `<aspectCategories>`).
///
/// The ingest XML reader keeps only a record's direct children's text (that is what an export's passthrough
/// fields need), so labels nested two levels down never reach `fields`. Gold files are trusted development data
/// with a fixed, simple shape, so this reader scans the text for the record and label tags instead of building a
/// second streaming parser; `rater eval` checks that it finds as many records as ingest does.
public enum XMLGoldLabels {
    /// One entry per record element, in file order: the label elements' (key, polarity) attribute pairs.
    public static func read(path: String, record: String, element: String, keyAttribute: String,
                            polarityAttribute: String) throws -> [[(key: String, polarity: String)]] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw EvaluationError.unreadableGold(path: path, reason: error.localizedDescription)
        }
        return parse(text, record: record, element: element, keyAttribute: keyAttribute,
                     polarityAttribute: polarityAttribute)
    }

    public static func parse(_ text: String, record: String, element: String, keyAttribute: String,
                             polarityAttribute: String) -> [[(key: String, polarity: String)]] {
        var records = [[(key: String, polarity: String)]]()
        var searchFrom = text.startIndex
        while let open = nextTag(record, in: text, from: searchFrom) {
            let closeTag = "</\(record)>"
            let tagEnd = text[open.upperBound...].firstIndex(of: ">") ?? text.endIndex
            let selfClosing = tagEnd > open.upperBound && text[text.index(before: tagEnd)] == "/"
            let bodyEnd = selfClosing ? tagEnd : (text.range(of: closeTag, range: tagEnd..<text.endIndex)?.lowerBound
                ?? text.endIndex)
            let body = text[tagEnd..<bodyEnd]
            var labels = [(key: String, polarity: String)]()
            var labelFrom = body.startIndex
            while let label = nextTag(element, in: body, from: labelFrom) {
                let labelEnd = body[label.upperBound...].firstIndex(of: ">") ?? body.endIndex
                let attributes = Self.attributes(String(body[label.upperBound..<labelEnd]))
                if let key = attributes[keyAttribute] {
                    labels.append((key, attributes[polarityAttribute] ?? ""))
                }
                labelFrom = labelEnd
            }
            records.append(labels)
            searchFrom = bodyEnd
        }
        return records
    }

    /// The range of the next `<name` that is a whole tag name (followed by space, `>` or `/`).
    private static func nextTag(_ name: String, in text: Substring, from start: String.Index) -> Range<String.Index>? {
        var from = start
        while let range = text.range(of: "<" + name, range: from..<text.endIndex) {
            let next = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if next == " " || next == ">" || next == "/" || next == "\t" || next == "\n" || next == "\r" { return range }
            from = range.upperBound
        }
        return nil
    }

    private static func nextTag(_ name: String, in text: String, from start: String.Index) -> Range<String.Index>? {
        nextTag(name, in: text[...], from: start)
    }

    /// `key="value"` pairs (double or single quotes), entities for the five predefined characters decoded.
    static func attributes(_ text: String) -> [String: String] {
        var result = [String: String]()
        var rest = Substring(text)
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).last
                .map(String.init) ?? ""
            var valueStart = rest.index(after: equals)
            while valueStart < rest.endIndex, rest[valueStart] == " " { valueStart = rest.index(after: valueStart) }
            guard valueStart < rest.endIndex, rest[valueStart] == "\"" || rest[valueStart] == "'" else { break }
            let quote = rest[valueStart]
            let contentStart = rest.index(after: valueStart)
            guard let close = rest[contentStart...].firstIndex(of: quote) else { break }
            result[name] = decode(String(rest[contentStart..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    static func decode(_ value: String) -> String {
        value.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
