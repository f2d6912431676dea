import Rater
import Testing

/// 道歉 is a separable verb: an aspect particle or a measure word splits it (道了歉, 道过歉, 道了个歉) and it is still an
/// apology made; an apology not even made (连个歉都没道, 道个歉都不会) is the complaint that none came. Sentences written
/// for these tests.
@Suite struct SeparableApologyTests {
    @Test(arguments: ["店长当场道了歉，还免了这单", "经理向我们道过歉，并重新安排了座位", "服务员道了个歉，马上换了一份"])
    func aSplitApologyIsMade(_ text: String) throws {
        #expect(try signals(text).contains(.recovered), "\(text)")
    }

    @Test(arguments: ["弄错了订单，连个歉都没道", "态度很差，道个歉都不会"])
    func anApologyNotEvenMadeIsUnresolved(_ text: String) throws {
        #expect(try signals(text).contains(.unresolved), "\(text)")
        #expect(try !signals(text).contains(.recovered), "\(text)")
    }
}
