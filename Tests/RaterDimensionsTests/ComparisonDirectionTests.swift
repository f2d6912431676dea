import Rater
import Testing

/// A comparison with what was promised, estimated or pictured goes the way of its comparative, not of the sentence
/// around it: the word right before "than" in English, the first after the reference in Chinese, a comparative with
/// no sentiment of its own (早, 晚, 长, "later", "longer", "sooner") as much as an opinion word. Sentences written for
/// these tests, several trades.
@Suite struct ComparisonDirectionTests {
    @Test(arguments: [
        "The plumber turned up later than our appointment time.",
        "The visa took much longer than the agent estimated.",
        "The cable install took more time than quoted.",
        "快递比承诺的时间晚了三天",
        "装修比约定的工期长了一个月",
    ])
    func aWorseComparativeFellShort(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.fellShort), "\(text)")
        #expect(!found.contains(.exceeded), "\(text)")
    }

    /// A failure told beside the comparison does not turn it: the outage was bad, the restore better than estimated.
    @Test(arguments: [
        "After the server crash, the rebuild took less time than estimated.",
        "The parcel arrived sooner than they said it would.",
        "服务器宕机以后，恢复比预计的时间短",
        "搬家公司比约定的时间早到了半小时",
    ])
    func aBetterComparativeExceeded(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.exceeded), "\(text)")
        #expect(!found.contains(.fellShort), "\(text)")
    }

    /// A comparative alone, with no reference to what was expected, reads nothing ("the later flight").
    @Test(arguments: ["We took the later flight home.", "晚上去的，人不多"])
    func aComparativeAloneReadsNothing(_ text: String) throws {
        let found = try signals(text)
        #expect(!found.contains(.fellShort) && !found.contains(.exceeded), "\(text)")
    }
}
