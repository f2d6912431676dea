import Foundation
import Rater
import Testing

let dimensionEngine: Engine = {
    do { return try Engine.standard(lexiconDirectory: lexiconFolder) } catch { fatalError("\(error)") }
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
        ("柜台算错了账,多扣了我两百块", .reliability, .negative),
        ("维修师傅技术过硬,很专业", .assurance, .positive),
        ("大堂装修豪华,灯光也很舒服", .tangibles, .positive),
        ("前台小姐姐很贴心,还记得我的名字", .empathy, .positive),
        ("客服回复很及时,十分钟就处理好了", .responsiveness, .positive),
        ("Everything was exactly right and on schedule", .reliability, .positive),
        ("The waitress was friendly but clueless about the menu", .assurance, .negative),
        ("The bathroom was filthy and the carpet stained", .tangibles, .negative),
        ("Nobody cared that my mother could barely walk", .empathy, .negative),
        ("The support team was quick to respond and very helpful", .responsiveness, .positive),
    ])
    func cuesPerDimension(_ text: String, _ dimension: ServiceDimension, _ expected: SentimentLabel) throws {
        #expect(try dimensions(text)[dimension] == expected, "\(text)")
    }

    @Test func englishClausesKeepTheirOwnPolarity() throws {
        let result = try dimensions("The decor is lovely, but the staff were rude")
        #expect(result[.tangibles] == .positive)
        #expect(result[.assurance] == .negative)
    }

    @Test func inOneLongClauseEachDimensionTakesTheWordsNearItsCue() throws {
        let result = try dimensions("The waiter was lovely and the bathroom was absolutely filthy")
        #expect(result[.assurance] == .positive)
        #expect(result[.tangibles] == .negative)
    }

    @Test func negationTurnsADimension() throws {
        #expect(try dimensions("服务员态度不好")[.assurance] == .negative)
        #expect(try dimensions("The room was not clean")[.tangibles] == .negative)
    }

    @Test func aCueInsideASentimentPhraseIsStillFound() throws {
        // 环境不错 is one sentiment term; the cue matcher finds 环境 inside it on its own.
        let analysis = try Analyzer(engine: dimensionEngine).analysis(of: "环境不错")
        #expect(analysis.dimensions.first?.dimension == .tangibles)
        #expect(analysis.dimensions.first?.evidence.first?.cue == "环境")
    }

    @Test func cluesInAClauseWithoutSentimentDoNotBorrowPraiseAcrossAContrast() throws {
        // The first clause has no sentiment of its own; the praise after "but" is about the place, not the service
        // (it lends its reverse: see OpinionPriorityTests).
        let result = try dimensions("The service was what it was, but the garden is lovely")
        #expect(result[.assurance] != .positive)
        #expect(result[.tangibles] == .positive)
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
