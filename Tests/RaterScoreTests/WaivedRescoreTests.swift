import Rater
import Testing

/// A comment with a recovered case is scored a second time with some matches waived (rule `recovered_topic`); that
/// pass scores again only the units holding a waived match and keeps the rest from the first pass
/// (`Scorer.score(again:waiving:)`). It must give what scoring the comment from the start with the same waiver
/// gives: every contribution, unit mass and opinion flag, and the sentiment. Sentences written for these tests: several
/// units, waived terms in one or more of them, a withdrawn price noun, learned weights alone, a negator before a
/// waived complaint.
@Suite struct WaivedRescoreTests {
    static let sentences = [
        "退款两天就到账了，客服态度也很好，下次还来", "投诉以后经理马上道歉，问题当天就解决了，但是房间很吵",
        "I complained twice, then the manager called and refunded everything. The room was dirty though.",
        "The fees were low, the refund came in two days, staff were rude", "打电话给商家以后已经退款了",
        "申请退款一个星期了还没到账，客服不理人", "价格不高，退款很快，服务一般", "refund, refund, refund",
        "Not complained about anything, the refund arrived and the waiter was lovely!!",
    ]

    private func compare(_ text: String, waiving waived: Set<Int>) throws {
        let scorer = sharedEngine.scorer
        let first = try analyse(text).scored
        let fresh = scorer.score(first.comment, segmented: first.segmented,
                                 matches: scorer.matcher.matches(in: first.segmented), waiving: waived)
        let again = scorer.score(again: scorer.score(first.comment, segmented: first.segmented), waiving: waived)
        #expect(again.matches == fresh.matches, "\(text) \(waived)")
        #expect(again.contributions == fresh.contributions, "\(text) \(waived)")
        #expect(again.units == fresh.units, "\(text) \(waived)")
        #expect(again.sentiment == fresh.sentiment, "\(text) \(waived)")
    }

    /// Every single match waived in turn, every pair of matches, and none.
    @Test(arguments: sentences)
    func rescoringSomeUnitsGivesTheWholeRescore(_ text: String) throws {
        let matchCount = try analyse(text).scored.matches.count
        #expect(matchCount > 1, "\(text) has terms to waive")
        try compare(text, waiving: [])
        for match in 0..<matchCount {
            try compare(text, waiving: [match])
            for other in (match + 1)..<max(match + 1, matchCount) { try compare(text, waiving: [match, other]) }
        }
    }

    /// The first pass records which units hold an opinion word; the comment's learned-only reading is their
    /// union, so a waiver in one unit leaves the others' opinions standing.
    @Test func unitsRecordTheirOpinion() throws {
        let scored = try analyse("退款两天就到账了，服务很好").scored
        #expect(scored.units.contains { $0.hasOpinion })
        #expect(!scored.sentiment.isLearnedOnly)
    }
}
