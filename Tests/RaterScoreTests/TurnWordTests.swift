import Rater
import Testing

/// Turn words that turn nothing (`TurnWords`): a correlative's "but also", a turn word closing its clause.
/// Sentences written for these tests.
@Suite struct TurnWordTests {
    @Test(arguments: ["The breakfast was not only tasty but also cheap.", "The porter was not just polite but helpful.",
                      "前台不仅热情,而且专业", "客房不光干净,还很安静"])
    func aCorrelativeNeitherNegatesNorTurns(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        let applied = try rules(text)
        #expect(!applied.contains("negated") && !applied.contains("before_contrast"), "\(text)")
    }
}
