import Foundation
import Rater
import Testing

let dimensionEngine: Engine = {
    let lexicons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lexicons").path
    do { return try Engine.standard(lexiconDirectory: lexicons) } catch { fatalError("\(error)") }
}()

func dimensions(_ text: String) throws -> [ServiceDimension: SentimentLabel] {
    let analysis = try Analyzer(engine: dimensionEngine).analysis(of: text)
    return Dictionary(uniqueKeysWithValues: analysis.dimensions.map { ($0.dimension, $0.label) })
}

@Suite struct DimensionMappingTests {
    @Test func eachClauseKeepsItsOwnPolarity() throws {
        let result = try dimensions("环境不错,但是服务员态度很差")
        #expect(result[.tangibles] == .positive)
        #expect(result[.assurance] == .negative)
    }

    @Test(arguments: [
        ("快递延误了三天,还发错了货", ServiceDimension.reliability, SentimentLabel.negative),
        ("医生很专业,让人放心", .assurance, .positive),
        ("房间很干净,设施也新", .tangibles, .positive),
        ("护士特别耐心,很贴心", .empathy, .positive),
        ("排队等了一个小时,上菜慢", .responsiveness, .negative),
        ("The order arrived late and was missing an item", .reliability, .negative),
        ("The staff were rude and unprofessional", .assurance, .negative),
        ("The room was spotless and the lobby beautiful", .tangibles, .positive),
        ("They listened and really cared about my problem", .empathy, .positive),
        ("We waited forever for a reply", .responsiveness, .negative),
    ])
    func cuesPerDimension(_ text: String, _ dimension: ServiceDimension, _ expected: SentimentLabel) throws {
        #expect(try dimensions(text)[dimension] == expected, "\(text)")
    }

    @Test func priceAndTasteAreNotServiceDimensions() throws {
        #expect(try dimensions("价格便宜,味道也好").isEmpty)
        #expect(try dimensions("The pasta was delicious").isEmpty)
    }

    @Test func evidenceNamesTheCueAndClause() throws {
        let analysis = try Analyzer(engine: dimensionEngine).analysis(of: "环境不错,但是服务员态度很差")
        let assurance = try #require(analysis.dimensions.first { $0.dimension == .assurance })
        #expect(assurance.evidence.contains { $0.cue == "态度" && $0.clause.contains("态度很差") })
        #expect(assurance.mentions >= 1)
    }
}
