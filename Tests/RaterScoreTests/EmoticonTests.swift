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

/// A web address is pointed to, not said: its `:/` is no emoticon and its words are no terms (`WebAddresses`).
@Suite struct WebAddressScoringTests {
    @Test func anAddressAddsNothingToTheScore() throws {
        #expect(try score("Booked through https://www.example.com/deals and check-in was smooth")
                == score("Booked through the website and check-in was smooth"))
        #expect(try label("Rebooked at 10:30, see https://example.com/faq") == .neutral)
        #expect(try analyse("The form is at https://example.com/terrible-service-sorry").scored.contributions.isEmpty)
        #expect(try score("在 https://m.example.cn/order 下单的，送货很快") == score("在网上下单的，送货很快"))
        // The word before an address is still a word, whatever joins them.
        #expect(try score("Awful-https://example.com/x") == score("Awful"))
        #expect(try score("Awful.https://example.com/x") == score("Awful"))
        // A skeptical emoticon of its own still counts.
        #expect(try score("Check-in took ages :/") < score("Check-in took ages"))
    }
}
