import Rater
import Testing

/// Leaving in words the churn cues did not know: taking the custom elsewhere, to another carrier, airline or practice,
/// deleting the app, porting a number, not renewing, and returns closed by "again" under a negator ("I wouldn't set foot
/// in there again"). Switching *to* the business reviewed is no churn. Sentences written for these tests.
@Suite struct TakingCustomElsewhereTests {
    @Test(arguments: [
        "After this mess we'll be banking elsewhere.",
        "We have decided to take our business elsewhere.",
        "I've moved over to another network.",
        "Next month I'm booking with a different airline.",
        "Just uninstalled the app.",
        "We ported our numbers last week.",
        "We won't be renewing our maintenance contract.",
        "I would never set foot in that garage again.",
        "We certainly won't be darkening their door again.",
        "健身卡到期就不续了",
        "已经把这个外卖软件卸载了",
        "这家店我不会再踏进一步",
    ])
    func leavingIsAtRisk(_ text: String) throws {
        #expect(try signals(text) == [.atRisk], "\(text)")
    }

    @Test(arguments: [
        "Best decision I made was to switch to them from my old bank.",
        "My neighbour told me to switch to this network and I'm glad I did.",
    ])
    func switchingToThisBusinessIsNoChurn(_ text: String) throws {
        #expect(!(try signals(text).contains(.atRisk)), "\(text)")
    }

    @Test(arguments: ["We renewed the cleaning contract for another year and we're renewing the insurance too.",
                      "我们公司明年继续合作", "这家面馆我从小吃到大", "下个月还来"])
    func stayingIsLoyal(_ text: String) throws {
        #expect(try signals(text) == [.loyal], "\(text)")
    }
}
