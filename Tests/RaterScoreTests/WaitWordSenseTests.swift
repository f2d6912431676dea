import Rater
import Testing

/// A wait word reads a stated duration only in its sense of waiting. "within" states a limit met only after the act
/// it times ("served within ten minutes"); alone it times anything ("within a week the handle broke"). 送了, 排了 and
/// "took" have other senses (a gift, an arrangement, an outing): a duration that qualifies a noun after it (一年的保修,
/// 一个月会员, 三天的行程, "a day trip") states no wait. Sentences written for these tests, from several industries.
@Suite struct WaitWordSenseTests {
    private func stated(_ text: String) throws -> Contribution? {
        try analyse(text).scored.contributions.first { $0.rules.contains { $0.name == "wait_scale" } }
    }

    @Test(arguments: ["I purchased this and within 2 days it was no longer working!!!", "Within a week the handle broke.",
                      "The strap snapped within a month.", "The kettle started leaking within 3 days."])
    func withinAloneStatesNoWait(_ text: String) throws {
        #expect(try stated(text) == nil, "\(text)")
        #expect(try label(text) != .positive, "\(text)")
    }

    @Test(arguments: ["The pizza arrived within 5 minutes", "The agent rebooked me within 40 minutes",
                      "The landlord replied within an hour.", "Our starters were served within ten minutes.",
                      "The parcel was delivered within two days."])
    func anActDoneWithinALimitIsQuick(_ text: String) throws {
        let wait = try #require(try stated(text), "\(text)")
        #expect(wait.weight > 0, "\(text): \(wait)")
    }

    @Test(arguments: ["店家送了一年的保修", "商家送了一个月会员", "排了三天的行程，导游很专业", "健身房送了两个月的私教课",
                      "We took a day trip to the lake and loved it.", "She took a week off and the clinic still ran well."])
    func aDurationBeforeANounIsNoWait(_ text: String) throws {
        #expect(try stated(text) == nil, "\(text)")
    }

    /// The waiting sense still reads: the duration closes its clause, a marker follows, or what follows is the wait's
    /// purpose (排了一个小时的队, "took five days to arrive", "took three weeks for the refund").
    @Test(arguments: ["外卖送了两个小时", "外卖送了两个小时才到", "在医院排了一个小时的队", "It took 5 days to arrive.",
                      "The repair took three weeks.", "Delivery took 9 days, and the box was crushed.",
                      "It took three weeks for the refund to come through."])
    func theWaitingSenseStillReads(_ text: String) throws {
        let wait = try #require(try stated(text), "\(text)")
        #expect(wait.weight < 0, "\(text): \(wait)")
    }
}
