import Rater
import Testing

/// Words the lexicon lacked: care (仔细), lateness (晚了, 迟了), a small quantity (分量也少: 少 measures a `quantity`
/// noun as 高 measures a price), and things that failed ("rattled", "flickered", 跳闸). Sentences written for these
/// tests, several trades.
@Suite struct MissingReadingsTests {
    @Test(arguments: ["这位医生问诊很仔细", "师傅检查得非常仔细",
                      "面馆的牛肉分量很足"])
    func praiseIsRead(_ text: String) throws {
        let value = try score(text)
        #expect(try label(text) == .positive, "\(text): \(value)")
    }

    @Test(arguments: ["快递比约定的时间晚了三天", "外卖又迟了", "米线味道还行，分量也少", "这家盖饭肉太少", "套餐的量也很少",
                      "The room was clean but the heater rattled all night.",
                      "The lobby was lovely but the lights flickered in our room.", "空调一开就跳闸"])
    func complaintsAreRead(_ text: String) throws {
        let value = try score(text)
        #expect(try label(text) == .negative, "\(text): \(value)")
    }

    /// 少 and 足 measure only a quantity: 不少 ("quite a few") is no negated 少 whose 不 reaches the praise after it.
    @Test(arguments: ["不少人都说这家好吃", "很少见到这么热情的店员"])
    func aQuantityWordAloneSaysNothing(_ text: String) throws {
        let value = try score(text)
        #expect(try label(text) == .positive, "\(text): \(value)")
        #expect(try !rules(text).contains("negated"), "\(text)")
    }

    @Test func aQuantityIsMeasured() throws {
        #expect(try rules("盖饭的分量也少").contains("quantity_scale"))
        #expect(try !rules("价格也少").contains("quantity_scale"))
    }
}
