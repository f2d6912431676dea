import Foundation
import RaterAggregate
import RaterCore
import Testing
@testable import RaterReport

/// The hostile corpus (script tags, attribute breakouts, javascript: URLs, RTL overrides) put everywhere untrusted
/// text can reach the page: comment text, passthrough fields used as group names, terms and evidence clauses.
@Suite struct HostileCorpusTests {
    static func hostileTexts() throws -> [String] {
        let csv = try String(contentsOf: ReportSupport.repository.appendingPathComponent("Corpora/malformed/hostile_html.csv"),
                             encoding: .utf8)
        // Rows are `id,text`; the quoting is part of the attack, so the raw rest of each line is used as it is.
        return csv.split(separator: "\n").dropFirst().map { line in
            String(line.split(separator: ",", maxSplits: 1).last ?? "")
        } + ["\" onerror=\"alert(1)", "' onerror='alert(1)", "javascript:alert(1)", "</bdi></blockquote><script>x</script>",
             "]]><!--", "\u{202E}\u{2066}reversed\u{2069}\u{202C}"]
    }

    static func hostilePage(locale: ReportLocale) throws -> String {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.dateColumn = "date"
        var collector = ReportCollector(options: options)
        let texts = try hostileTexts()
        for (index, text) in texts.enumerated() {
            let object: [String: Any] = [
                "id": text, "text": text,
                "sentiment": ["label": index % 2 == 0 ? "positive" : "negative", "score": index % 2 == 0 ? 0.6 : -0.6,
                              "terms": [["term": text, "weight": index % 2 == 0 ? 1.5 : -1.5]]],
                "dimensions": ["assurance": ["label": "negative", "score": -0.4, "evidence": [["cue": text, "clause": text]]]],
                "signals": [["signal": text, "value": text]],
                "fields": ["branch": text, "date": "2026-11-2\(index % 3)"],
            ]
            let line = try JSONSerialization.data(withJSONObject: object)
            try collector.add(line: line, path: text, lineNumber: index + 1)
        }
        var renderer = ReportRenderer(locale: locale)
        renderer.title = "</title><script>alert(1)</script>\u{202E}"
        return renderer.render(ReportModel(aggregation: collector.aggregation, samples: collector.samples))
    }

    @Test(arguments: [ReportLocale.en, .zh])
    func nothingHostileSurvives(locale: ReportLocale) throws {
        let html = try Self.hostilePage(locale: locale)
        let lowered = html.lowercased()
        #expect(!lowered.contains("<script"))
        #expect(!lowered.contains("<img"))
        #expect(!lowered.contains("<!--"))
        // Bidi controls are stripped everywhere.
        #expect(!html.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })

        let structure = ReportSupport.parse(html)
        try #require(structure.error == nil, "\(structure.error ?? "")")
        let names = Set(structure.elements.map(\.name))
        #expect(names.isSubset(of: ReportSupport.allowedElements), "\(names.subtracting(ReportSupport.allowedElements))")
        // No event handler attribute, no URL-bearing attribute, and no attribute value that is a javascript: URL:
        // `onerror=` and `javascript:` may appear only as inert, escaped text.
        for element in structure.elements {
            for (name, value) in element.attributes {
                #expect(!name.lowercased().hasPrefix("on"), "\(element.name) has \(name)")
                #expect(!["href", "src", "action", "formaction", "xlink:href"].contains(name.lowercased()))
                // Untrusted text reaches attributes only as `data-` values (group names, ids, signal names), which
                // browsers never interpret; every other attribute value is Rater's own.
                if !name.hasPrefix("data-") { #expect(!value.lowercased().contains("javascript:"), "\(name)=\(value)") }
            }
        }
        // The comments are there, as text, and each sits in its own <bdi>.
        #expect(structure.text.contains("Great stay <script>alert(1)</script> would come again"))
        #expect(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(structure.elements.filter { $0.name == "bdi" }.count >= 6)
    }
}
