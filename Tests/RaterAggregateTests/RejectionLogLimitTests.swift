import RaterCore
import Testing

@testable import RaterAggregate

/// With the rejections kept whole elsewhere, the log shows the first `perReason` of each reason in each input and
/// says once that the rest are not shown; without such a place it shows every one.
@Suite struct RejectionLogLimitTests {
    private func rejection(_ record: Int, in source: String = "a.csv",
                           _ reason: Rejection.Reason = .emptyText) -> Rejection {
        Rejection(source: source, recordNumber: record, line: record + 1, reason: reason, raw: "")
    }

    @Test func theFirstOfEachReasonAreLoggedAndOneNoticeSaysTheRestAreNot() {
        var limit = RejectionLogLimit(keepsAll: true)
        let per = RejectionLogLimit.perReason
        let decisions = (1...(per + 15)).map { limit.decide(rejection($0)) }
        #expect(decisions.prefix(per).allSatisfy { $0 == .log })
        // The notice comes with the first rejection not logged, so exactly `perReason` of them say nothing of it.
        #expect(decisions[per] == .quietWithNotice)
        #expect(decisions.dropFirst(per + 1).allSatisfy { $0 == .quiet })
        #expect(limit.unlogged == 15)
        // Another reason in the same input, and the same reason in another input, start their own counts.
        #expect(limit.decide(rejection(99, .missingColumn(name: "comment", columnCount: 2))) == .log)
        #expect(limit.decide(rejection(1, in: "b.csv")) == .log)
        #expect(limit.unlogged == 15)
    }

    /// Exactly `perReason` rejections of a reason: every one is logged and no notice says further ones are not.
    @Test func noNoticeWhenNoneFollow() {
        var limit = RejectionLogLimit(keepsAll: true)
        let decisions = (1...RejectionLogLimit.perReason).map { limit.decide(rejection($0)) }
        #expect(decisions.allSatisfy { $0 == .log })
        #expect(limit.unlogged == 0)
    }

    @Test func withoutAPlaceThatKeepsThemEveryOneIsLogged() {
        var limit = RejectionLogLimit(keepsAll: false)
        #expect((1...100).allSatisfy { limit.decide(rejection($0)) == .log })
        #expect(limit.unlogged == 0)
    }

    @Test func theSummarySaysHowManyWereNotLogged() {
        var summary = RunSummary()
        summary.add(rejection(1))
        #expect(!summary.report.contains("not logged"))
        summary.unloggedRejections = 7
        var other = RunSummary()
        other.unloggedRejections = 3
        summary.merge(other)
        #expect(summary.report.hasSuffix("\nrater: 10 of the rejections were not logged one by one (after the first "
            + "\(RejectionLogLimit.perReason) of a reason in an input); every one is in the rejects"))
    }

    @Test func theNoticeNamesTheInputTheReasonAndWhereTheRestAre() {
        #expect(RejectionLogLimit.noticeText(for: rejection(21)) == "a.csv: more than \(RejectionLogLimit.perReason) "
            + "records rejected as empty_text; those after the first \(RejectionLogLimit.perReason) of this reason in this "
            + "input are not logged one by one (they are in the rejects and counted in the summary; --log-level debug "
            + "logs each)")
    }
}
