import Rater
import Testing

/// Cues inside ordinary longer words (`Lexicons/zh/compounds.tsv`): the compound is matched whole, so no cue of another
/// meaning starts inside it. Sentences written for these tests.
@Suite struct CompoundWordTests {
    /// Every cue the comment's dimensions, aspects and signals quote.
    private func cues(_ text: String) throws -> [String] {
        let report = try report(text)
        return report.dimensions.flatMap { $0.evidence.map(\.cue) }
            + report.signals.flatMap { $0.evidence.map(\.cue) }
    }

    @Test(arguments: ["营业厅的手续费乱收，问了也说不清", "这张卡手续费一年比一年高"])
    func aHandlingFeeIsNoRenewal(_ text: String) throws {
        #expect(try !signals(text).contains(.loyal), "\(text)")
        #expect(try !cues(text).contains("续费"), "\(text)")
        // 手续费 stays a price cue.
        #expect(try aspects(text)[.price] != nil, "\(text)")
    }

    @Test func aRenewalStaysLoyal() throws {
        #expect(try signals("会员到期了，肯定续费").contains(.loyal))
    }

    @Test func aCheckInCounterIsNoServerCabinet() throws {
        // 柜台 ("counter") is a tangibles cue of its own; 机柜 ("server cabinet") and 值 ("worth") are not read.
        let text = "登机前值机柜台排了很久"
        #expect(try !cues(text).contains("机柜"))
        #expect(try cues(text).contains("柜台"))
        #expect(try !Analyzer(engine: dimensionEngine).analysis(of: text).scored.contributions.map(\.term).contains("值"))
    }

    @Test func aBudgetHotelIsNoPromptService() throws {
        let text = "这里的床比快捷酒店还硬"
        #expect(try dimensions(text)[.responsiveness] == nil)
        #expect(try !cues(text).contains("快捷"))
        // …while 快捷 on its own is still quick service.
        #expect(try dimensions("办理很快捷")[.responsiveness] == .positive)
    }

    /// A compound replaces a cue it starts inside and runs on beyond (`CueScanner`): the cue crosses into a word the
    /// lexicon lists as one. 新手续费 is 新 + 手续费 ("the new handling fee"), not the assurance cue 新手 ("novice").
    @Test func aCompoundReplacesACueItStartsInside() throws {
        let text = "新手续费又涨了，真离谱"
        #expect(try !cues(text).contains("新手"), "\(text)")
        #expect(try dimensions(text)[.assurance] == nil)
        #expect(try aspects(text)[.price] != nil)
        // 新手 on its own is still the cue.
        #expect(try cues("客服是个新手，什么都不懂").contains("新手"))
    }
}
