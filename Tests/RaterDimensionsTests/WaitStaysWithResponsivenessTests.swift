import Rater
import Testing

/// A measured wait (rule `wait_scale`) counts for Responsiveness, not for the dish, room or product named in its
/// clause (`ClauseTally.takesWaits`). Sentences written for these tests, several trades.
@Suite struct WaitStaysWithResponsivenessTests {
    @Test(arguments: ["We waited 50 minutes for a pizza that was delicious.",
                      "等了四十分钟才上菜，牛排很嫩", "Waited 70 minutes for a burger that was excellent."])
    func waitIsNoComplaintAboutTheFood(_ text: String) throws {
        let analysis = try Analyzer(engine: dimensionEngine).analysis(of: text)
        let product = analysis.aspects.first { $0.aspect == .product }
        #expect(product?.label == .positive, "\(text): \(String(describing: product))")
    }

    @Test(arguments: ["等了四十分钟才上菜，牛排很嫩", "排队等了五十分钟才拿到药，药师讲得很清楚"])
    func waitIsStillAResponsivenessComplaint(_ text: String) throws {
        let analysis = try Analyzer(engine: dimensionEngine).analysis(of: text)
        let responsiveness = analysis.dimensions.first { $0.dimension == .responsiveness }
        #expect(responsiveness?.label == .negative, "\(text): \(String(describing: responsiveness))")
    }
}
