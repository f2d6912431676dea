import Rater
import Testing

/// Churn, recovery and expectation said in families of words rather than set phrases: leaving for or looking at
/// another provider, a final order, ending a subscription by another verb (退掉宽带); nobody calling back or turning
/// up; a bill corrected (给改过来了); not what was advertised, said as two different things (两回事), or just like the
/// pictures (一模一样). Sentences written for these tests, several trades.
@Suite struct ChurnAndRemedyFamilyTests {
    @Test(arguments: ["After the price rise we're leaving for a cheaper network.",
                      "Their uptime is awful, so we're looking at other providers.",
                      "From now on we'll eat somewhere else.", "That was our last order with them.",
                      "转去别的银行了，这边手续太麻烦", "在看其他服务商了", "宽带到期就退掉了", "这是在他家下的最后一单"])
    func leavingIsAtRisk(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.atRisk), "\(text)")
        #expect(!found.contains(.loyal), "\(text)")
    }

    /// The previous order, a trip, a dish sent back, a stroll to another shop: no churn.
    @Test(arguments: ["My last order arrived late too.", "We left for the airport at six.",
                      "菜上错了，我们把菜退掉了", "我们去别的店看看菜单"])
    func notLeavingReadsNoChurn(_ text: String) throws {
        #expect(try !signals(text).contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["Nobody ever called me back about the scan.", "The technician never turned up.",
                      "预约的事到现在都没人给我答复"])
    func nobodyCameBackIsUnresolved(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.unresolved), "\(text)")
        #expect(!found.contains(.recovered), "\(text)")
    }

    /// Only a negated call-back is read: one made is no open case.
    @Test func callBackMadeIsNotUnresolved() throws {
        #expect(try !signals("The manager called me back within the hour.").contains(.unresolved))
    }

    @Test(arguments: ["账单错了，客服第二天就给改过来了", "系统故障两小时就搞定了"])
    func putRightIsRecovered(_ text: String) throws {
        #expect(try signals(text).contains(.recovered), "\(text)")
    }

    @Test func describedAsTwoDifferentThingsFellShort() throws {
        #expect(try signals("实物跟宣传的完全是两回事").contains(.fellShort))
        #expect(try signals("装宽带的时候说的跟现在根本不是一回事").contains(.fellShort))
        #expect(try signals("比承诺的时间晚了两天").contains(.fellShort))
    }

    @Test func likeThePicturesIsMet() throws {
        #expect(try signals("房间和照片上一模一样").contains(.met))
    }

    @Test(arguments: ["The server upgrade went according to plan.", "Honestly, the suite was everything we hoped for."])
    func plannedOrHopedForIsMet(_ text: String) throws {
        #expect(try signals(text).contains(.met), "\(text)")
    }

    @Test(arguments: ["It was not what I had hoped for.", "We were led to believe the line would be fibre.",
                      "This café has gone downhill since the new owners.",
                      "The sofa came two weeks later than promised, scratched."])
    func shortOfPlanOrPromiseFellShort(_ text: String) throws {
        #expect(try signals(text).contains(.fellShort), "\(text)")
    }

    @Test func cancelledMembershipIsAtRisk() throws {
        #expect(try signals("I cancelled my gym membership after they doubled the fee.").contains(.atRisk))
    }

    /// "charged" names the charge as "charge" does: a reversal still pending is open, one made is a recovery.
    @Test func chargedTwiceAndNotReversedIsUnresolved() throws {
        #expect(try signals("They charged me twice and still haven't reversed it.").contains(.unresolved))
        #expect(try signals("The hotel reversed the charge the next day.").contains(.recovered))
    }
}
