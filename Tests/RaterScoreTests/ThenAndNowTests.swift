import Rater
import Testing

/// Then and now: a clause that opens with a word for the present (这次, 现在, "this time", "now") after one naming a
/// time before (上次, 以前, "last time") turns the comment as "but" does, so the state now is the verdict. Sentences
/// written for these tests, several trades.
@Suite struct ThenAndNowTests {
    @Test(arguments: ["上次来的时候前台态度很差，这次好多了", "上回来房间很脏，这次干净多了",
                      "之前客服回复特别慢，这次很快就解决了",
                      "Last time the waiter was rude, this time the staff were lovely.",
                      "Previously the app was painfully slow. Now it works perfectly."])
    func aBetterPresentIsTheVerdict(_ text: String) throws {
        let value = try score(text)
        #expect(try label(text) == .positive, "\(text): \(value)")
        #expect(try rules(text).contains("after_contrast"), "\(text)")
    }

    @Test(arguments: ["上次来的菜很好吃，这次太难吃了", "Last time the room was great, this time it was filthy."])
    func aWorsePresentIsTheVerdict(_ text: String) throws {
        let value = try score(text)
        #expect(try label(text) == .negative, "\(text): \(value)")
    }

    /// A word for the present alone, or not opening its clause, turns nothing.
    @Test(arguments: ["这次的房间很干净", "Now the lobby looks great.", "前台很热情，我们现在还记得"])
    func thePresentAloneTurnsNothing(_ text: String) throws {
        #expect(try !rules(text).contains("after_contrast"), "\(text)")
    }
}
