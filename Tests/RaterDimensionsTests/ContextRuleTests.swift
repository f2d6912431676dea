import Rater
import Testing

/// Ambiguous cues resolved by the context conditions written on their lexicon lines.
@Suite struct ContextRuleTests {
    @Test(arguments: ["送餐很快", "上菜快,服务员也勤快", "回复得很快"])
    func fastAboutServiceIsResponsiveness(_ text: String) throws {
        #expect(try dimensions(text)[.responsiveness] != nil, "\(text)")
    }

    @Test(arguments: ["快到了才发现没带钱包", "我们快要吃完了", "都快十点了还在路上聊天", "吃得很愉快"])
    func fastMeaningAlmostOrInsideAnotherWordIsNot(_ text: String) throws {
        let evidence = try report(text).dimensions.first { $0.dimension == .responsiveness }?.evidence ?? []
        #expect(!evidence.contains { $0.cue == "快" }, "\(text)")
    }

    @Test func waitInCantWaitIsNotAboutService() throws {
        #expect(try dimensions("I can't wait to try the dessert")[.responsiveness] == nil)
        #expect(try dimensions("The wait was over an hour")[.responsiveness] == .negative)
    }

    @Test func kindOfIsNotKindness() throws {
        #expect(try dimensions("It was kind of a strange evening")[.empathy] == nil)
        #expect(try dimensions("The nurse was so kind")[.empathy] == .positive)
    }

    @Test func lateNightIsNotLateness() throws {
        #expect(try dimensions("Great spot for a late night snack")[.reliability] == nil)
        #expect(try dimensions("The courier was late again")[.reliability] == .negative)
    }

    @Test func aServerIsAPersonUnlessTheTextIsAboutMachines() throws {
        #expect(try dimensions("Our server was attentive")[.assurance] != nil)
        let machine = try dimensions("The server went down twice this week")
        #expect(machine[.reliability] == .negative)
        #expect(machine[.assurance] == nil)
    }

    @Test func networkServiceIsNotStaffConduct() throws {
        #expect(try dimensions("No service for two days")[.assurance] == nil)
        #expect(try dimensions("The service was excellent")[.assurance] == .positive)
        #expect(try dimensions("服务中断了两个小时")[.assurance] == nil)
    }
}
