import Rater
import Testing

/// An aspect cue inside a longer dimension cue is part of that word and yields to it: 菜 ("dish") inside 上菜
/// ("serving", responsiveness) is no mention of the food. Sentences written for these tests, several kinds of
/// restaurant.
@Suite struct AspectInsideDimensionCueTests {
    @Test(arguments: ["火锅店上菜很快", "这家茶餐厅上菜速度也快", "烧烤店上菜太慢了，等了很久"])
    func servingIsNoDish(_ text: String) throws {
        let result = try report(text)
        #expect(!result.aspects.contains { $0.aspect == .product }, "\(text)")
        #expect(result.dimensions.contains { $0.dimension == .responsiveness }, "\(text)")
    }

    /// The food named on its own keeps its reading; only the 菜 inside 上菜 yields.
    @Test(arguments: ["烤鸭味道很好，就是上菜太慢了", "牛排很好吃，但是上菜有点慢"])
    func theFoodKeepsItsOwnReading(_ text: String) throws {
        #expect(try aspects(text)[.product] == .positive, "\(text)")
        #expect(try dimensions(text)[.responsiveness] == .negative, "\(text)")
    }
}
