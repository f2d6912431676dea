import Rater
import Testing

/// 没有比这更糟糕的服务了 ("there is no worse service than this") read +0.47 and 没有比这家更好的了 −0.47: 没有 … 更 was taken
/// as a soft negation ("not better"). With 比 it is a superlative (`zh/exclamatives.tsv`: 没有比 is a negator of
/// comparison, 更 an exclamative degree word); 没有更好 alone stays a soft negation. Sentences written for these tests.
@Suite struct NothingComparesTests {
    @Test(arguments: [("没有比这更糟糕的服务了。", SentimentLabel.negative), ("没有比这家更好吃的火锅了！", .positive),
                      ("再也没有比这更差的售后了。", .negative), ("没什么比他们家的护士更耐心的了。", .positive)])
    func nothingComparesIsASuperlative(_ text: String, _ expected: SentimentLabel) throws {
        #expect(try label(text) == expected, "\(text)")
        #expect(try rules(text).contains("intensified"), "\(text)")
    }

    /// After a subject, 没有比 compares it with one other thing: "A is no better than B" is no praise (a code review:
    /// 新店没有比老店更干净 read +3.25, 味道没有比以前更好 +2.6).
    @Test(arguments: ["味道没有比以前更好。", "新店没有比老店更干净。", "这家医院的服务没有比别家更周到。"])
    func aSubjectBeforeItMakesAComparisonOfTwo(_ text: String) throws {
        #expect(try label(text) != .positive, "\(text)")
        #expect(try rules(text).contains("soft_negated"), "\(text)")
    }

    /// Compared with what is pointed at (比这, 比这家), it compares with everything wherever it stands: after an
    /// opinion frame or a place (a code review: these read −0.47).
    @Test(arguments: ["我觉得没有比这家更好吃的了。", "附近没有比这家更好吃的了。", "在上海没有比这更舒服的酒店了。"])
    func comparedWithThisItIsASuperlativeAfterAnyWords(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }

    @Test func aBareComparisonStaysASoftNegation() throws {
        #expect(try label("房间没有更好的了。") == .negative)
        #expect(try rules("房间没有更好的了。").contains("soft_negated"))
    }
}
