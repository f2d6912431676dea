import Rater
import Testing

/// 好得不能再好 ("could not be better"): ICU joins 好得, so the degree 得不能再 could not start inside it and the second
/// 好 read as negated (+0.11); the phrase is a term of its own, praise at 好 ×1.8. Sentences written for these tests.
@Suite struct CouldNotBeBetterTests {
    @Test(arguments: ["前台的服务好得不能再好了。", "这家店的菜真是好得不能再好", "物业的态度好得不能再好了！"])
    func couldNotBeBetterIsStrongPraise(_ text: String) throws {
        #expect(try score(text) > 0.6, "\(text)")
    }
}
