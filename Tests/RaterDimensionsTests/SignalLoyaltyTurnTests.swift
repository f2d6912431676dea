import Rater
import Testing

/// Loyalty and recovery readings that turned the wrong way: a negator inside a compound (再也不会) before the cue, a
/// yes/no answer to a loyalty question, churn by cancelling a contract, and cues that overlap or read a routine event
/// as a recovery. Every comment here was written for this suite.
@Suite struct SignalLoyaltyTurnTests {
    private func reading(_ text: String, _ kind: SignalKind) throws -> Set<SignalValue> {
        try signals(text).filter { $0.kind == kind }
    }

    /// 再也不会, 再也不 before a cue negate it like 不会 alone: the compound holds the negator at its end.
    @Test(arguments: [
        "再也不会推荐",
        "再也不会推荐给任何人",
        "不会推荐给朋友",
        "这家店再也不会来了",
        "再也不买了",
        "以后再也不会光顾了",
        "我再也不会推荐这家酒店",
        "I will never recommend them again",
    ])
    func aCompoundNegatorBeforeTheCueIsAtRisk(_ text: String) throws {
        #expect(try reading(text, .loyalty) == [.atRisk], "\(text)")
    }

    /// A loyalty question answered by a short yes or no takes the answer's polarity; a longer sentence after it is
    /// no answer, and the question alone says nothing.
    @Test(arguments: [
        ("Would I come back? Absolutely not.", SignalValue?.some(.atRisk)),
        ("Would I come back? Absolutely!", .loyal),
        ("Would I recommend it? No.", .atRisk),
        ("Would I recommend them? Definitely.", .loyal),
        ("还会再来吗？不会了。", .atRisk),
        ("还会再来吗？当然会", .loyal),
        ("会推荐给朋友吗？肯定不会", .atRisk),
        ("Would I come back? The food was fine, the room small.", nil),
        ("Would I come back?", nil),
        ("Was the room clean? No.", nil),
    ])
    func anAnsweredQuestion(_ text: String, _ expected: SignalValue?) throws {
        #expect(try reading(text, .loyalty) == Set([expected].compactMap { $0 }), "\(text)")
    }

    /// A question puts its subject between the modal and the cue ("will we be back?", "would I return?"): the modal
    /// still makes the cue a loyalty question, which a short answer settles.
    @Test(arguments: [
        ("Will we be back? Definitely.", SignalValue?.some(.loyal)),
        ("Will I be back? Of course!", .loyal),
        ("Would we return? For sure.", .loyal),
        ("Would we go back? Absolutely.", .loyal),
        ("Will we be back? Absolutely not.", .atRisk),
        ("Would I return? No way.", .atRisk),
        ("Will we be back?", nil),
        ("We will be back.", .loyal),
    ])
    func anInvertedLoyaltyQuestionIsAnswered(_ text: String, _ expected: SignalValue?) throws {
        #expect(try reading(text, .loyalty) == Set([expected].compactMap { $0 }), "\(text)")
    }

    /// Cancelling a subscription, account, membership or contract is churn; cancelling an order is not.
    @Test(arguments: [
        ("Cancelled my subscription after this.", SignalValue?.some(.atRisk)),
        ("I cancelled my membership the same day", .atRisk),
        ("We canceled the contract", .atRisk),
        ("I used to love this place, not anymore.", .atRisk),
        ("办完这件事我就去销户了", .atRisk),
        ("已经把账号注销了", .atRisk),
        ("会员已经退订了", .atRisk),
        ("合同到期就解约", .atRisk),
        ("受不了了，准备携号转网", .atRisk),
        ("I cancelled my order and placed it again", nil),
    ])
    func cancellingIsChurn(_ text: String, _ expected: SignalValue?) throws {
        #expect(try reading(text, .loyalty) == Set([expected].compactMap { $0 }), "\(text)")
    }

    /// A routine deposit return is no
    /// recovery; arriving at a provider is no churn; a surprise about finding something lovely is exceeded.
    @Test func overlapsAndDecoys() throws {
        #expect(try reading("押金退还很及时", .recovery) == [])
        #expect(try reading("I switched to them from my old provider and love it", .loyalty) == [])
        #expect(try reading("Never thought I'd find such a lovely hotel out in the middle of nowhere", .expectation)
            == [.exceeded])
    }
}
