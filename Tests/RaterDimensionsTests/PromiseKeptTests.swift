import Rater
import Testing

/// What the business, the listing or the customer's own guess said, and what came matched it: met. Sentences written
/// for these tests.
@Suite struct PromiseKeptTests {
    @Test(arguments: [
        "The plumber turned up at nine, just like they said.",
        "The sofa was exactly what we paid for.",
        "The boots are true to size.",
        "The courier came before noon, as he had promised.",
        "沙发和网上图片一样，做工也好",
        "颜色与描述相符",
        "装修公司如约完工",
    ])
    func aPromiseKeptIsMet(_ text: String) throws {
        #expect(try signals(text) == [.met], "\(text)")
    }

    @Test(arguments: ["颜色和宣传的不太一样", "The jacket was not what we paid for."])
    func aPromiseNotKeptFellShort(_ text: String) throws {
        #expect(try signals(text) == [.fellShort], "\(text)")
    }
}
