import Rater
import Testing

/// A learned term that is only a learned weight yields to a word the lexicon knows that it cuts (`MatchScanner`):
/// `rater lexicon learn` counts character runs, so 联系客 (−1.9) is a piece of 联系客服 and took 客 from the cue word
/// 客服. Sentences written for these tests, several trades.
@Suite struct LearnedFragmentTests {
    @Test(arguments: ["下单前联系客服确认了颜色", "周末联系客服也有人回复", "我联系客服改了收货地址"])
    func fragmentYieldsToTheWordItCuts(_ text: String) throws {
        let terms = try analyse(text).scored.contributions.map(\.term)
        #expect(!terms.contains("联系客"), "\(text): \(terms)")
        #expect(terms.contains("客服"), "\(text): \(terms)")
    }

    @Test(arguments: ["这件外套我退货了", "收到的鞋子尺码不对只能退货"])
    func learnedTermCuttingNothingStillCounts(_ text: String) throws {
        #expect(try analyse(text).scored.contributions.map(\.term).contains("退货"), "\(text)")
    }
}
