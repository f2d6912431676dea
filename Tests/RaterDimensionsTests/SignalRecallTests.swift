import Rater
import Testing

/// Cue families that raise signal recall: verbs with a result complement and open-case markers for service
/// recovery, repeat custom for loyalty, "as before" and "as promised" for expectation, each with decoys the new cues
/// must not fire on. Every comment here was written for this suite.
@Suite struct SignalRecallTests {
    private func reading(_ text: String, _ kind: SignalKind) throws -> Set<SignalValue> {
        try signals(text).filter { $0.kind == kind }
    }

    /// The money, card or item came back, or the gesture was redone: 追回来, 退回来, 重开, 补送, "credited back".
    @Test(arguments: [
        "被骗的钱最后追回来了",
        "押金第二天就退回来了",
        "发票开错了，前台当场就给重开了",
        "少了一件，商家第二天补送过来了",
        "快递丢了，客服马上重新寄了一份",
        "吹风机坏了，前台很快给换了一个新的",
        "卡被吞了，隔天就拿回来了",
        "押金已经退到银行卡里了",
        "The double charge was credited back within a day",
        "They swapped it for a new one the next morning",
        "After I called, the charge was reversed",
        "Lost my bag at the desk and got it back an hour later",
        "The technician solved the problem in ten minutes",
        "Everything has been fixed since",
        "Support sorts it out every time",
    ])
    func aFailurePutRightIsRecovered(_ text: String) throws {
        #expect(try reading(text, .recovery) == [.recovered], "\(text)")
    }

    /// Nobody came, nothing was explained, a promise was not kept, only words where a remedy was due; and the new
    /// recovered cues turn under a negator or a promise (到现在都没退回来, "never solved", "promised to resend").
    @Test(arguments: [
        "押金到现在都没退回来",
        "说会补送，等了一天也没送来",
        "报修三次，到现在也没人来",
        "投诉以后就没了下文",
        "经理说去查一下，然后就没有然后了",
        "服务员说去拿，再也没出现",
        "问了三个客服，谁都解释不了",
        "承诺的赔偿一直没兑现",
        "前台只说了句抱歉",
        "到现在也没给个说法",
        "They promised to resend the charger",
        "The engineer was booked twice and never showed up",
        "I asked why I was charged and nobody has explained it",
        "The agent couldn't explain the fee",
        "Still no answer about my lost parcel",
        "The discount they promised never happened",
        "All they said was sorry",
        "Nobody picked up the ticket for a day",
        "The problem was never solved",
    ])
    func aCaseLeftOpenIsUnresolved(_ text: String) throws {
        #expect(try reading(text, .recovery) == [.unresolved], "\(text)")
    }

    /// Decoys: the same characters or words in comments about no failure.
    @Test(arguments: [
        "这家店重新开业了，环境不错",
        "活到现在都没见过这么好吃的",
        "平时没人来吃，很安静",
        "拿回来一看颜色很正",
        "Still no complaints after a year of use",
        "The fee is fixed at ten dollars",
        "It never happened again after the upgrade",
    ])
    func decoysReadNoRecovery(_ text: String) throws {
        #expect(try reading(text, .recovery) == [], "\(text)")
    }

    /// Repeat custom is loyalty; 不值得 is one sentiment phrase whose 不 still turns 再来; arriving *from* another bank
    /// is no churn, leaving for one is; 续费 inside 手续费 is a fee, not a renewal.
    @Test(arguments: [
        ("一直在这家店买水果", SignalValue?.some(.loyal)),
        ("这是第三次来了，还是那么好吃", .loyal),
        ("这种菜不值得再来", .atRisk),
        ("This is my third time ordering from them", .loyal),
        ("I've been coming here for years", .loyal),
        ("We signed for another two years", .loyal),
        ("I moved my mortgage to another bank", .atRisk),
        ("I moved here from another bank last spring", nil),
        ("手续费很低", nil),
    ])
    func loyalty(_ text: String, _ expected: SignalValue?) throws {
        #expect(try reading(text, .loyalty) == Set([expected].compactMap { $0 }), "\(text)")
    }

    /// As before, as promised, beyond expectations; a promise that never happened falls short; a comparison with
    /// what was imagined follows what is compared (顺利), not the worry before it.
    @Test(arguments: [
        ("本来担心会很难办，结果比想象中顺利多了", SignalValue.exceeded),
        ("味道和以前一样，还是老味道", .met),
        ("说好的赠品没兑现", .fellShort),
        ("I didn't expect such friendly staff", .exceeded),
        ("The parcel came as promised", .met),
        ("They never let me down", .met),
        ("The view was beyond our expectations", .exceeded),
        ("The discount they promised never happened", .fellShort),
        // 这么 is a degree word whose learned weight yields to that role: the terms after the surprise are still
        // found (the term window once lost the clause's positions and fell back to the sentence's lean).
        ("以为手续会很乱，没想到这么顺", .exceeded),
    ])
    func expectation(_ text: String, _ expected: SignalValue) throws {
        #expect(try reading(text, .expectation) == [expected], "\(text)")
    }
}
