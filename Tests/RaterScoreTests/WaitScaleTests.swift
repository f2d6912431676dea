import Rater
import Testing

/// A scale word after a wait noun measures the wait (`ScaleNoun.wait`): long queues and high wait times are complaints,
/// short ones praise. Sentences written for these tests, from several industries.
@Suite struct WaitScaleTests {
    @Test(arguments: ["The lines were long.", "At the airport the queues were very long", "Wait times at this clinic are high",
                      "排队很长", "银行的队伍太长了", "医院的等待时间很长"])
    func aLongWaitIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try rules(text).contains("wait_scale"), "\(text)")
    }

    @Test(arguments: ["The queue at the bank was short", "The wait was short and the nurse kind",
                      "排队时间很短"])
    func aShortWaitIsPraise(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }

    /// 队 is a queue only as a word of its own: in 队长 ("captain", "team leader"), 团队, 车队 it names a team, and the
    /// 长 of 队长 measures nothing.
    @Test(arguments: ["旅行团的队长人很好，很细心", "这家装修公司的团队很专业", "车队司机很准时，服务很好", "领队长得很帅，讲解也很好"])
    func aTeamIsNoQueue(_ text: String) throws {
        #expect(try !rules(text).contains("wait_scale"), "\(text)")
        #expect(try label(text) == .positive, "\(text)")
    }

    /// "long" and 长 measure a wait, not a price: the price list is not a complaint for being long.
    @Test(arguments: ["The price list is long", "价格表很长"])
    func aWaitScaleWordMeasuresNoPrice(_ text: String) throws {
        #expect(try !rules(text).contains("price_scale") && !rules(text).contains("wait_scale"), "\(text)")
    }

    /// A scale word that measures nothing here is what the degree word before it modified: the degree ends with it
    /// (超 in 超短 read into the word after it).
    @Test func aScaleWordMeasuringNothingEndsItsDegreeWord() throws {
        let contributions = try analyse("这款手机续航超短也就半天").scored.contributions
        #expect(!contributions.contains { $0.rules.contains { $0.name == "intensified" } }, "\(contributions)")
    }

    /// The reading is responsiveness's: the queue is the dimension's cue, the scale word its opinion.
    @Test func theDimensionTakesTheReading() throws {
        let dimensions = try analyse("The queues were long.").report.dimensions
        #expect(dimensions.first { $0.dimension == .responsiveness }?.label == .negative)
    }
}
