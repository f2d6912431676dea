import Foundation
import RaterAggregate
import RaterCore
import Testing
@testable import RaterReport

/// The aspects section: per group shown, the aspects its comments mention, most mentioned first, with the figures of
/// the aggregate rows and labels in the page's language.
@Suite struct ReportAspectsTests {
    func line(_ id: Int, _ label: String, _ score: Double, aspects: String, branch: String) -> Data {
        Data(#"{"id":"\#(id)","sentiment":{"label":"\#(label)","score":\#(score)},"aspects":{\#(aspects)},"fields":{"branch":"\#(branch)"}}"#.utf8)
    }

    func model() throws -> ReportModel {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        var collector = ReportCollector(options: options)
        let lines = [
            line(1, "negative", -0.5, aspects: #""price":{"label":"negative","score":-0.6},"product":{"label":"positive","score":0.3}"#, branch: "A"),
            line(2, "negative", -0.4, aspects: #""price":{"label":"negative","score":-0.5}"#, branch: "A"),
            line(3, "positive", 0.6, aspects: #""price":{"label":"positive","score":0.5},"location":{"label":"positive","score":0.4}"#, branch: "B"),
            line(4, "neutral", 0, aspects: #""location":{"label":"neutral","score":0}"#, branch: "C"),
            line(5, "neutral", 0, aspects: "", branch: "D"),
        ]
        for (index, line) in lines.enumerated() { try collector.add(line: line, path: "r.jsonl", lineNumber: index + 1) }
        return ReportModel(aggregation: collector.aggregation, samples: collector.samples)
    }

    @Test func mostMentionedFirstWithTheAggregateFigures() throws {
        let model = try model()
        // Price 3, location 2, product 1: by mentions, not in `Aspect` order.
        #expect(model.everyone?.aspects.map(\.scope) == ["price", "location", "product"])
        #expect(model.everyone?.dimensions.isEmpty == true)
        let html = ReportRenderer(locale: .en).render(model)
        let structure = ReportSupport.parse(html)
        try #require(structure.error == nil, "\(structure.error ?? "")")
        #expect(structure.elements.contains { $0.name == "section" && $0.attributes["id"] == "aspects" })
        let aspectTables = structure.elements.filter { $0.name == "table" && $0.attributes["class"] == "aspects" }
        #expect(aspectTables.count == 4)  // everyone, A, B and C; D mentions no aspect
        let everyonePrice = try #require(structure.elements.first {
            $0.name == "tr" && $0.attributes["data-group"] == "" && $0.attributes["data-scope"] == "price"
        })
        #expect(everyonePrice.attributes["data-mentions"] == "3")
        #expect(everyonePrice.attributes["data-share-negative"] == "0.6667")
        #expect(everyonePrice.attributes["data-net"] == "-0.3333")
        let order = structure.elements.filter { $0.name == "tr" && $0.attributes["data-group"] == "branch=A" }
            .compactMap { $0.attributes["data-scope"] }
        #expect(order.suffix(2) == ["price", "product"])
        #expect(structure.text.contains("Price") && structure.text.contains("Location"))
        let zh = ReportRenderer(locale: .zh).render(model)
        #expect(zh.contains("价格") && zh.contains("位置"))
    }

    @Test func noAspectsSaysNone() throws {
        var collector = ReportCollector(options: AggregationOptions())
        try collector.add(line: line(1, "positive", 0.5, aspects: "", branch: "A"), path: "r.jsonl", lineNumber: 1)
        let html = ReportRenderer(locale: .en).render(ReportModel(aggregation: collector.aggregation, samples: collector.samples))
        let structure = ReportSupport.parse(html)
        try #require(structure.error == nil)
        #expect(structure.elements.contains { $0.attributes["id"] == "aspects" })
        #expect(!structure.elements.contains { $0.name == "table" && $0.attributes["class"] == "aspects" })
    }
}
