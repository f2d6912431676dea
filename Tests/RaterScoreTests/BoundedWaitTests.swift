import Rater
import Testing

/// A wait the customer bounds from above (不到, 不超过, "under", "less than") or times with "within" and a bare unit
/// ("within minutes") was short to them: praise for responsiveness, not the complaint a stated length or the learned
/// "minutes" made of it. Long waits stay complaints. Sentences written for these tests, from several industries.
@Suite struct BoundedWaitTests {
    private func stated(_ text: String) throws -> Contribution? {
        try analyse(text).scored.contributions.first { $0.rules.contains { $0.name == "wait_scale" } }
    }

    private func responsiveness(_ text: String) throws -> SentimentLabel? {
        try analyse(text).report.dimensions.first { $0.dimension == .responsiveness }?.label
    }

    @Test(arguments: ["等了不到十分钟就上菜了", "在营业厅排队没超过五分钟", "报修后等了还不到两个小时师傅就来了",
                      "We waited less than 10 minutes for our table", "It took under five minutes to check in at the hotel",
                      "The mechanic took no more than twenty minutes to swap the tyre", "在医院挂号等了不到二十分钟"])
    func aBoundedWaitIsPraise(_ text: String) throws {
        let contribution = try #require(try stated(text), "\(text)")
        #expect(contribution.weight > 0, "\(text): \(contribution)")
    }

    /// Where the wait is the customer's own (等, "waited"), Responsiveness takes the praise.
    @Test(arguments: ["等了不到十分钟就上菜了", "We waited less than 10 minutes for our table", "在医院挂号等了不到二十分钟"])
    func responsivenessTakesTheBoundedWait(_ text: String) throws {
        #expect(try responsiveness(text) == .positive, "\(text)")
    }

    /// "within" after the act it times states a limit met, with or without a number.
    @Test(arguments: ["The help desk answered within minutes.", "The bank replied within hours to my email",
                      "Our parcel arrived within days"])
    func withinABareUnitIsQuick(_ text: String) throws {
        let contribution = try #require(try stated(text), "\(text)")
        #expect(contribution.weight > 0, "\(text): \(contribution)")
        #expect(try label(text) == .positive, "\(text)")
    }

    /// A bound is read only before the number: long waits and waits with no bound keep their reading.
    @Test(arguments: ["等了四十分钟", "排队排了一个多小时才办完", "We waited over an hour for the nurse",
                      "It took more than two hours to get a table", "We waited 45 minutes and nobody came"])
    func longWaitsStayComplaints(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    /// A marker after the duration still decides: a bounded wait that ended with nobody coming is no praise.
    @Test func aSlowMarkerOutweighsTheBound() throws {
        #expect(try stated("We waited under ten minutes and nobody came")?.weight ?? 0 < 0)
    }

    /// Without a wait word before it a bare unit is no duration: "took hours" stays the idiom it is.
    @Test func aBareUnitNeedsTheWithinMarker() throws {
        #expect(try stated("It took hours to get through to anyone") == nil)
    }
}

/// A wait said to be next to none ("hardly any wait", 没等多久) is quick service, as "no wait" and 不用等 are.
@Suite struct NextToNoWaitTests {
    @Test(arguments: ["Hardly any wait at the pharmacy counter today.", "We barely waited at the car wash.",
                      "去银行办卡没等多久", "今天在医院几乎没等，挂完号就看上了"])
    func nextToNoWaitIsPraise(_ text: String) throws {
        let analysis = try analyse(text)
        #expect(analysis.scored.sentiment.label == .positive, "\(text): \(analysis.scored.sentiment.score)")
    }
}

/// "Just under two hours" says how long a wait came to, as "nearly" does, not a limit the service kept: it weighs as
/// its length (a code review: it read as quick service). "Well under" still bounds.
@Suite struct NearlyAsLongTests {
    @Test(arguments: ["We waited just under two hours for our food.", "The repair took just under three days"])
    func justUnderIsNoBound(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    @Test func wellUnderStillBounds() throws {
        #expect(try label("We waited well under ten minutes for the teller") == .positive)
    }
}
