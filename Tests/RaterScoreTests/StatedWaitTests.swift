import Rater
import Testing

/// A wait stated with its length, after a wait noun or verb, measures the wait (`Durations`, `WaitBounds`): a long
/// one is a responsiveness complaint even with no opinion word, a short one mild praise, and the rest of the comment
/// keeps its own reading. Sentences written for these tests, from several industries.
@Suite struct StatedWaitTests {
    private func stated(_ text: String, engine: Engine = sharedEngine) throws -> Contribution? {
        try Analyzer(engine: engine).analysis(of: text).scored.contributions.first {
            $0.rules.contains { $0.name == "wait_scale" }
        }
    }

    @Test(arguments: ["等了40分钟才上菜，味道很好", "在银行排队排了一个半小时", "外卖送了两个小时",
                      "We queued for forty-five minutes at the front desk", "It took us two and a half hours to get a table",
                      "前台办入住等了足足半个小时"])
    func aLongStatedWaitIsAComplaint(_ text: String) throws {
        let contribution = try #require(try stated(text), "\(text)")
        #expect(contribution.weight < 0, "\(text): \(contribution)")
    }

    @Test(arguments: ["The pizza arrived within 5 minutes", "We only waited 3 minutes for the cashier",
                      "排队等了两分钟就轮到我了"])
    func aShortStatedWaitIsMildPraise(_ text: String) throws {
        let contribution = try #require(try stated(text), "\(text)")
        #expect(contribution.weight > 0 && contribution.weight <= 1.5, "\(text): \(contribution)")
    }

    /// The explanation shows the evidence: the wait word with its duration.
    @Test func theEvidenceSpanIsTheWaitAndItsDuration() throws {
        #expect(try stated("等了40分钟才上菜，味道很好")?.term == "等了40分钟才")
        #expect(try stated("After dinner we waited for about 35 minutes; the dessert was lovely")?.term
                    == "waited for about 35 minutes")
    }

    /// Responsiveness takes the stated wait's reading, no longer the praise of the other clause; the other clause
    /// keeps its own.
    @Test(arguments: ["等了40分钟才上菜，味道很好", "We waited 35 minutes for a table; the food was lovely."])
    func responsivenessTakesTheWait(_ text: String) throws {
        let analysis = try analyse(text)
        let responsiveness = analysis.report.dimensions.first { $0.dimension == .responsiveness }
        #expect(responsiveness?.label == .negative, "\(text)")
        let praise = analysis.scored.contributions.last
        #expect(praise.map { $0.weight > 0 && $0.rules.isEmpty } == true, "\(text)")
    }

    /// A marker after the duration decides whatever the length: 才 ("only then") is slow, a 就 phrase quick.
    @Test func aMarkerDecidesWhateverTheLength() throws {
        #expect(try stated("等了五分钟才有人理")?.weight ?? 0 < 0)
        #expect(try stated("快递等了两天就到了")?.weight ?? 0 > 0)
        // "within" states a limit that was met: quick, whatever the length.
        #expect(try stated("The agent rebooked me within 40 minutes")?.weight ?? 0 > 0)
        // 就 alone is no marker (a customer who waited and left): the length decides.
        #expect(try stated("等了二十五分钟就走了")?.weight ?? 0 < 0)
    }

    /// An explicit opinion stays: a longer hand-written phrase hides the wait word, and a concession is weighed as
    /// such.
    @Test func explicitOpinionsWin() throws {
        #expect(try label("We only waited 5 minutes, amazing service") == .positive)
        #expect(try label("We waited 2 hours but it was worth it") == .positive)
    }

    /// Without a duration nothing is read; a number that counts no time is no duration.
    @Test(arguments: ["我们等了一会儿", "排队的人有十几个", "We waited for our friends", "It took three tries"])
    func noDurationNoReading(_ text: String) throws {
        #expect(try stated(text) == nil, "\(text)")
    }

    /// What is long is the industry's: a 45-minute delivery is usual, a 45-minute bank queue a complaint; a repair of
    /// three days is a mild complaint for a telecom company, not a clear one.
    @Test func theIndustryProfileSetsTheBounds() throws {
        let lexicons = repositoryRoot.appendingPathComponent("Lexicons").path
        let delivery = try Engine.standard(lexiconDirectory: lexicons, profile: "delivery")
        let banking = try Engine.standard(lexiconDirectory: lexicons, profile: "banking")
        let telecom = try Engine.standard(lexiconDirectory: lexicons, profile: "telecom")
        #expect(try stated("外卖送了四十分钟", engine: delivery)?.base == 0)
        #expect(try stated("在柜台排了四十分钟", engine: banking)?.base == -2)
        #expect(try stated("宽带报修后等了三天", engine: telecom)?.base == -1)
        #expect(try stated("宽带报修后等了三天")?.base == -2)
    }
}
