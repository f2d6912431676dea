import Rater
import Testing

/// Price, product and location are reported beside the dimensions, with clause-level polarity.
@Suite struct AspectTests {
    @Test(arguments: [
        ("价格太贵了", Aspect.price, SentimentLabel.negative),
        ("性价比很高", .price, .positive),
        ("味道一般,有点咸", .product, .negative),
        ("菜品新鲜,口感很好", .product, .positive),
        ("位置很偏,不好找", .location, .negative),
        ("交通很方便,离地铁站很近", .location, .positive),
        ("Way overpriced for what you get", .price, .negative),
        ("Great value for money", .price, .positive),
        ("The pasta was bland and soggy", .product, .negative),
        ("The steak was delicious", .product, .positive),
        ("The location is perfect, right by the subway", .location, .positive),
    ])
    func aspectAndPolarity(_ text: String, _ aspect: Aspect, _ expected: SentimentLabel) throws {
        #expect(try aspects(text)[aspect] == expected, "\(text)")
    }

    /// 差远了, 差得远 ("far worse") measure a gap, not a distance: no location (a user-side review).
    @Test(arguments: ["比隔壁药店的服务差远了", "和上次比差得远"])
    func farWorseIsNoLocation(_ text: String) throws {
        #expect(try aspects(text)[.location] == nil, "\(text)")
    }

    @Test func aspectsAreNotForcedIntoDimensions() throws {
        let result = try report("价格便宜,味道也好")
        #expect(result.dimensions.isEmpty)
        #expect(Set(result.aspects.map(\.aspect)) == [.price, .product])
    }

    @Test func eachAspectKeepsItsOwnClause() throws {
        let result = try aspects("The food was amazing but the prices are outrageous")
        #expect(result[.product] == .positive)
        #expect(result[.price] == .negative)
    }

    @Test func evidenceNamesCueAndClause() throws {
        let price = try #require(try report("环境不错,就是价格偏贵").aspects.first { $0.aspect == .price })
        #expect(price.evidence.contains { $0.cue == "价格" && $0.clause.contains("偏贵") })
    }
}
