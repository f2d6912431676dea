import Rater
import Testing

/// Chinese negations the scorer did not see, each read as praise (found by a user-side review, 2026-11-29):
/// - ICU's dictionary has a degree word and a negator as one word (很不, 太不, 真不, 最不, 更不, 很没), which neither
///   piece covered alone: 房间很不干净 read +0.71 (`CoverRole`).
/// - ICU cuts a negated phrase where the lexicon does not (服务很不到位 is 很|不到|位): 不 was skipped and 到位 counted
///   (`MatchScanner`).
/// - A dimension cue that opens with a negator (不及时, 不礼貌, 不稳定 in `zh/dimensions.tsv`) took the valence of the
///   word inside it, with the negator hidden inside the term: 送货不及时 read +0.71 (`Lexicon.withInheritedValence`).
/// Sentences written for these tests, several trades.
@Suite struct FusedNegatorTests {
    @Test(arguments: ["房间很不干净。", "他太不专业了。", "快递员很不礼貌。", "网络很不稳定。", "菜很不新鲜。", "客服真不耐心。",
                      "这家店的服务更不热情。", "前台很没礼貌。", "服务很不到位。", "送货不及时。", "司机没按时来。",
                      "护士不负责。", "营业厅的系统很不稳定。"])
    func aNegatedPraiseIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    /// A cue whose rule character the inherited word already holds keeps that word's valence: 技术不行 takes 不行's −2
    /// (its 不 is counted in it), 认真 and 特色 hold their 真 and 特. Blocking on any one-character rule word read
    /// these neutral, or by learned leans only (a code review).
    @Test(arguments: ["他们技术不行。", "工作人员能力不行。", "这个师傅水平不行。", "客服业务不熟。"])
    func aCueHoldingItsNegatedWordIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    /// 不错 is a word of its own, and the degree word before it intensifies it.
    @Test(arguments: ["很不错。", "服务真不错。", "环境最不错的一家。", "服务很及时。", "无线网络很快。", "医生认真听了我的情况。"])
    func praiseStaysPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }
}
