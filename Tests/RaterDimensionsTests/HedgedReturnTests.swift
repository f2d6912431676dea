import Rater
import Testing

/// A return the customer doubts (不一定, 不好说, "I don't know if we'll…again", "undecided whether") is a customer at
/// risk, not a loyal one, wherever the hedge stands beside the loyalty words. Sentences written for these tests.
@Suite struct HedgedReturnTests {
    @Test(arguments: [
        "下次还住不住这家不好说",
        "以后还点不点不一定了",
        "I don't know if we'll book with them again.",
        "Undecided whether I'll fly with them again.",
    ])
    func aDoubtedReturnIsAtRisk(_ text: String) throws {
        #expect(try signals(text).contains(.atRisk), "\(text)")
        #expect(try !signals(text).contains(.loyal), "\(text)")
    }

    /// The hedge doubts a return only: 不一定 about something else reads no loyalty.
    @Test func aHedgeAboutSomethingElseReadsNoLoyalty() throws {
        let found = try signals("周末不一定有位子，最好提前订")
        #expect(!found.contains(.atRisk) && !found.contains(.loyal))
    }
}
