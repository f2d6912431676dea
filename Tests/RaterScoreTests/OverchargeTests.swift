import Rater
import Testing

/// A charge beyond what was due (多收, "an extra deposit") is a price complaint: 多收 read only the learned 收了 or
/// nothing at all, and 押金 named no price. Sentences written for these tests, from several industries.
@Suite struct OverchargeTests {
    @Test(arguments: ["酒店退房时多收了我三百块押金", "租车公司多收押金还不退", "营业厅多收了一个月的月租",
                      "The car rental firm took an extra deposit at pick-up", "The landlord asked for an additional deposit"])
    func anOverchargeIsAPriceComplaint(_ text: String) throws {
        let analysis = try analyse(text)
        #expect(analysis.scored.sentiment.label == .negative, "\(text): \(analysis.scored.sentiment.score)")
    }

    /// The deposit itself names the price aspect, so the complaint is counted there.
    @Test(arguments: ["酒店退房时多收了我三百块押金", "租车公司多收押金还不退"])
    func theDepositIsThePriceAspect(_ text: String) throws {
        let price = try analyse(text).report.aspects.first { $0.aspect == .price }
        #expect(price?.label == .negative, "\(text)")
    }

    /// A deposit returned as promised stays praise.
    @Test func aDepositReturnedIsNoComplaint() throws {
        #expect(try label("押金当天就退了，很方便") == .positive)
    }
}
