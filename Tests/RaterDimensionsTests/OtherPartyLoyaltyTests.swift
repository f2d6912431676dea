import Rater
import Testing

/// A loyalty cue whose subject is someone else tells their intent or visit, not the customer's: another customer
/// reported ("my friend said she'd never go back", 同事说他下次还会住) or a provider coming again ("the engineer will
/// come again on Monday", 师傅说明天再来). The writer's own intent, or praise of the staff before it, stays a reading.
/// Sentences written for these tests.
@Suite struct OtherPartyLoyaltyTests {
    @Test(arguments: [
        "My cousin said she would never eat there again.",
        "My neighbour swears he'll be back next week.",
        "The technician will come back on Thursday to finish the wiring.",
        "The manager said they will book the room again for us.",
        "The agent will call again tomorrow with the refund details.",
        "表姐说她再也不去那家理发店了",
        "室友说他下次还会来",
        "维修师傅说后天再来一趟",
        "医生让我下周再来复查",
    ])
    func someoneElsesReturnIsNoLoyalty(_ text: String) throws {
        let found = try signals(text)
        #expect(!found.contains(.loyal) && !found.contains(.atRisk), "\(text)")
    }

    /// The customer's own intent after someone else's, and praise of the staff before the intent, still read.
    @Test(arguments: [
        "My sister hated it, but we'll definitely be back.",
        "The waiter was lovely and we will come again.",
        "服务员很热情，下次还来",
        "师傅手艺很好，还会再来",
    ])
    func theWritersOwnIntentStillReads(_ text: String) throws {
        #expect(try signals(text).contains(.loyal), "\(text)")
    }
}
