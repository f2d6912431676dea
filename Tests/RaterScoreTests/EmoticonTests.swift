import Rater
import Testing

/// Emoticons written with a colon, whose colon the clause splitter reads as a clause mark (`UnitBuilder`).
@Suite struct EmoticonTests {
    @Test func anEmoticonAfterAClauseCountsForIt() throws {
        #expect(try score("Great breakfast :(") < score("Great breakfast"))
        #expect(try score("Slow check-in :)") > score("Slow check-in"))
        #expect(try score("The porter was late :-(") < score("The porter was late"))
    }
}
