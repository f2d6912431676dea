import Rater
import Testing

/// 好 before a quantity or a length of time is "quite, many" (打了好几次电话, 等了好半天, 好一阵, 好长时间), not
/// "good": 0-valence entries in `Lexicons/zh/sentiment.tsv` shadow it by longest match, as 快两 shadows the 快 that
/// means "almost". Sentences written for these tests, several industries.
@Suite struct QuantityHaoTests {
    private func terms(_ text: String) throws -> [String] {
        try analyse(text).scored.contributions.filter { $0.weight > 0 }.map(\.term)
    }

    @Test(arguments: ["给物业打了好几次电话都没人接", "这个包裹在中转站放了好几个星期", "柜台前排队等了好半天",
                      "护士站按了好一阵铃也不来", "宽带报修以后好长时间没人理"])
    func quantityIsNoPraise(_ text: String) throws {
        #expect(try !terms(text).contains("好"), "\(text)")
        #expect(try label(text) != .positive, "\(text)")
    }

    @Test(arguments: ["这家店的东西好，价格也公道", "房间好，早餐也丰富", "师傅手艺好，修得也快"])
    func goodStaysPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }
}
