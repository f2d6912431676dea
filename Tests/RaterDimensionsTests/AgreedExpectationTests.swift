import Rater
import Testing

/// What was booked, agreed or plainly due (订的是, 说好的, 明明, "we booked"), followed in its sentence by a turn or a
/// reveal (结果, 却, "but", "instead"), is an expectation that fell short, whatever praise the booking holds. Without a
/// turn the booking reads nothing. Sentences written for these tests, from several industries.
@Suite struct AgreedExpectationTests {
    @Test(arguments: [
        "订的是海景房，结果窗外是停车场",
        "说好的包邮，结果还要自己付运费",
        "明明买的是新机，到手却是翻新的",
        "点的是微辣，结果辣得没法吃",
        "We booked a sea-view room but got a view of the car park.",
        "I paid for express delivery, instead it took nine days.",
        "We were promised a quiet room only to find it faced the nightclub.",
    ])
    func whatCameWasLessThanAgreed(_ text: String) throws {
        #expect(try signals(text).contains(.fellShort), "\(text)")
        #expect(try !signals(text).contains(.exceeded), "\(text)")
    }

    /// What came after the turn was clearly better than what was booked: the expectation was exceeded, not missed.
    @Test(arguments: [
        "订的是大床房，结果给我们升级成了豪华套房，太惊喜了",
        "说好的三天到，结果第二天就到了，非常快",
        "We paid for economy but the airline upgraded us to business class, wonderful.",
        "We paid for a basic wash but they detailed the whole car for free, fantastic.",
        "The gym was advertised as basic but it felt like a luxury spa.",
    ])
    func whatCameWasMoreThanAgreed(_ text: String) throws {
        #expect(try signals(text).contains(.exceeded), "\(text)")
        #expect(try !signals(text).contains(.fellShort), "\(text)")
    }

    /// Praise after a second turn or a concession ("although the staff were lovely", 不过服务员很热情) is said of
    /// something else: what came after the first turn is judged on its own.
    @Test(arguments: [
        "We booked a sea view room but got a view of the car park, although the staff were lovely.",
        "订的是海景房，结果窗外是停车场，不过服务员很热情",
        "We paid for a window seat but were put in the middle row, though the crew were kind.",
        "说好的包早餐，结果什么都没有，但是老板人挺好",
    ])
    func praiseAfterTheNextTurnIsNoExceededExpectation(_ text: String) throws {
        #expect(try signals(text).contains(.fellShort), "\(text)")
        #expect(try !signals(text).contains(.exceeded), "\(text)")
    }

    @Test(arguments: ["订的是海景房，很满意", "We booked a sea-view room and loved it.", "结果很好"])
    func aBookingWithoutATurnReadsNothing(_ text: String) throws {
        #expect(try !signals(text).contains(.fellShort), "\(text)")
    }

    /// 说好的 is still a promise for a recovery: 说好的退款一直没到 stays unresolved.
    @Test func aPromiseIsStillAPromise() throws {
        #expect(try signals("说好的退款到现在还没到账").contains(.unresolved))
    }
}
