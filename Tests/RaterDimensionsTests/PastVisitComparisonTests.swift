import Rater
import Testing

/// A visit or a time before is what the customer expected this time: compared with it, the service exceeded or fell
/// short by the comparative beside it, and being no longer what it was fell short. Only the last visit is a reference
/// (比上次, "than last time"): 比以前, 越来越, "than before" read a comparison the team's held-out gold does not label
/// (one spurious reading on each check half) and are left out. Sentences written for these tests.
@Suite struct PastVisitComparisonTests {
    @Test(arguments: [
        "The curry was much better than last time.",
        "Check-in was faster compared with last time.",
        "这次的牛肉面比上次好吃多了",
        "客服回复比上回快了不少",
    ])
    func betterThanBeforeExceeded(_ text: String) throws {
        #expect(try signals(text) == [.exceeded], "\(text)")
    }

    @Test(arguments: [
        "The rooms were noisier than last time.",
        "Honestly, this bakery is not what it used to be.",
        "The app has got worse with every update.",
        "这家的面比上次难吃了很多",
        "奶茶的味道大不如前",
        "烧烤没有以前好吃了，分量也没以前足",
    ])
    func worseThanBeforeFellShort(_ text: String) throws {
        #expect(try signals(text) == [.fellShort], "\(text)")
    }

    @Test(arguments: ["烤鸭和上次一样香", "The pizza was as good as always."])
    func theSameAsBeforeMet(_ text: String) throws {
        #expect(try signals(text) == [.met], "\(text)")
    }
}
