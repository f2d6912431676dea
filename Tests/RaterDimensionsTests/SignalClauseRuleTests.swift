import Rater
import Testing

/// Two clause rules: a cue that only announces a recovery (投诉, read from the sentence) yields to one that states its
/// outcome in the same clause; a later clause with no recovery cue that leaves the case pending or refused keeps it
/// open.
@Suite struct SignalClauseRuleTests {
    private func recovery(_ text: String) throws -> Set<SignalValue> {
        try signals(text).filter { $0.kind == .recovery }
    }

    @Test(arguments: [
        ("投诉之后经理出面道歉了", SignalValue.recovered),
        ("I complained and they apologized right away", .recovered),
        // With no outcome stated, the announcement still follows its sentence.
        ("投诉了好几次，还是很差", .unresolved),
        ("I complained twice and got nowhere", .unresolved),
    ])
    func anAnnouncementYieldsToAStatedOutcome(_ text: String, _ expected: SignalValue) throws {
        #expect(try recovery(text) == [expected], "\(text)")
    }

    @Test(arguments: [
        ("店长道歉了，但钱还没到账", SignalValue.unresolved),
        ("They apologised, but it is still pending", .unresolved),
        ("不是没有退款，只是客服说还在处理", .unresolved),
        ("不是不给退，是要等审核", .unresolved),
        // A later clause with no open outcome, or a recovery cue of its own, decides as before.
        ("店长道歉了，服务员态度也好", .recovered),
        ("退款还在处理，第二天就退回来了", .recovered),
        // A promise after a recovery is more on offer, not the recovery still owed.
        ("店长道歉了，还说下次会给打折", .recovered),
    ])
    func aLaterClauseLeftOpenKeepsTheCaseOpen(_ text: String, _ expected: SignalValue) throws {
        #expect(try recovery(text) == [expected], "\(text)")
    }
}
