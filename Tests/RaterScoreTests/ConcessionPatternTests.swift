import Rater
import Testing

/// Concession, exception and comparison patterns beyond the contrast words: X是X，就是Y; 除了X，其他Y; A不如B.
/// Sentences written for these tests.
@Suite struct ConcessionPatternTests {
    /// "X是X，就是Y" grants X once and turns to Y: the echoed term counts once, conceded, and Y dominates.
    @Test(arguments: [("菜好吃是好吃，就是太贵了，性价比不高。", "好吃"), ("房间干净倒是干净，就是隔音太差。", "干净"),
                      ("服务热情是热情，但是上菜太慢了。", "热情")])
    func anEchoedConcessionYieldsToWhatFollows(_ text: String, echoed: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        let granted = try analyse(text).scored.contributions.filter { $0.term.hasSuffix(echoed) }
        #expect(granted.count == 1, "\(text): the echoed term counts once")
        #expect(granted.first?.rules.contains { $0.name == "conceded" } == true, "\(text)")
    }

    /// The echo alone concedes: with praise after it, the comment stays positive.
    @Test func anEchoedConcessionBeforePraiseStaysPositive() throws {
        #expect(try label("贵是贵，就是东西确实好用。") == .positive)
    }

    /// "除了X，其他Y": X is the exception, the rest follows Y.
    @Test(arguments: ["除了位置好，其他都很差。", "除了早餐还行以外，其他的服务都不满意。",
                      "Apart from the friendly doorman, everything else was disappointing."])
    func anExceptionYieldsToTheRest(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try rules(text).contains("conceded"), "\(text)")
    }

    @Test func anExceptionOfAFlawLeavesPraise() throws {
        #expect(try label("除了价格贵一点，其他都很满意。") == .positive)
    }

    /// A不如B ("A is not as good as B") speaks against A; 还不如 + verb ("might as well not have") is a complaint.
    @Test(arguments: ["房间还不如快捷酒店。", "服务不如以前了。", "还不如不来，浪费时间。", "这家店的菜不如隔壁好吃。",
                      "服务不如以前好了。"])
    func notAsGoodAsIsNegative(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }
}
