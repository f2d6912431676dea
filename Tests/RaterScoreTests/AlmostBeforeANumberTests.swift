import Rater
import Testing

/// 快 before a number or amount means "almost" (等了快两个小时, 快十点了), not "fast": 0-valence entries in
/// `Lexicons/zh/sentiment.tsv` shadow it, as 五分钟 shadows 五分. Sentences written for these tests.
@Suite struct AlmostBeforeANumberTests {
    private func terms(_ text: String) throws -> [String] {
        try analyse(text).scored.contributions.filter { $0.weight != 0 }.map(\.term)
    }

    @Test(arguments: ["排队等了快两个小时", "快十点了外卖还没到", "这台机器用了快3年就坏了", "等了快半天"])
    func almostIsNoPraise(_ text: String) throws {
        #expect(try !terms(text).contains("快"), "\(text)")
        #expect(try label(text) != .positive, "\(text)")
    }

    @Test(arguments: ["送餐很快，一个小时就到了", "上菜快，服务也好"])
    func fastStaysPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }
}
