import Rater
import Testing

/// A comparison with what was expected, described, advertised or pictured reads the way the comparison goes, with
/// words between: 比预期差 and 比预期的差远了 fell short as 比预期好 is exceeded, 跟描述不符 and 和宣传的完全不一样 fell short,
/// "Not as good as the reviews said" fell short. Sentences written for these tests, several trades.
@Suite struct ExpectationComparisonTests {
    @Test(arguments: ["这家民宿比预期差", "外卖的分量比预期的差远了", "酒店没有想象中好", "实物跟描述不符，颜色也不对",
                      "收到的沙发与描述严重不符", "房间和宣传的完全不一样", "手机壳和图片不一样",
                      "Not as good as the reviews said.", "The spa was not as relaxing as the reviews suggested.",
                      "The suite was worse than described."])
    func shortfallAgainstTheReferenceFellShort(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.fellShort), "\(text)")
        #expect(!found.contains(.exceeded), "\(text)")
    }

    @Test(arguments: ["体检中心比预期的快多了", "这家面馆比宣传的还好吃", "The cabin was nicer than pictured.",
                      "The food was better than the reviews let on."])
    func betterThanTheReferenceExceeded(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.exceeded), "\(text)")
        #expect(!found.contains(.fellShort), "\(text)")
    }

    /// A reference matched is no shortfall: 和图片没有什么不一样, "as good as the reviews said".
    @Test(arguments: ["收到的杯子和图片没有什么不一样", "The pasta was as good as the reviews said."])
    func referenceMatchedIsNoShortfall(_ text: String) throws {
        #expect(try !signals(text).contains(.fellShort), "\(text)")
    }
}
