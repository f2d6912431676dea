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

    @Test func aTurnWordClosingItsClauseDoesNotDiscountIt() throws {
        #expect(try label("The lobby was lovely. The porter was rude though.") == .negative)
        #expect(try !rules("The lobby was lovely. The porter was rude though.").contains("before_contrast"))
        #expect(try !rules("I have not got my deposit back yet, really annoyed.").contains("before_contrast"))
        // A turn word with words after it still turns.
        #expect(try rules("The lobby was lovely, yet the porter was rude.").contains("before_contrast"))
    }
}
