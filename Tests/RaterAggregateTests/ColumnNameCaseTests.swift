import RaterAggregate
import RaterCore
import Testing

/// Column options match a column whose name differs only in ASCII case, as `--text-column` does; the exact spelling
/// wins where both are there.
@Suite struct ColumnNameCaseTests {
    @Test func aColumnIsFoundWhateverItsASCIICase() {
        let fields = [Field("CSAT", "4"), Field("Branch", "North")]
        #expect(fields.value(ofColumn: "csat") == "4")
        #expect(fields.value(ofColumn: "BRANCH") == "North")
        #expect(fields.value(ofColumn: "branch ") == nil)
        #expect(fields.value(ofColumn: "csa") == nil)
    }

    @Test func theExactSpellingWinsAndOnlyASCIILettersFold() {
        let fields = [Field("nps", "1"), Field("NPS", "9"), Field("[a]", "x"), Field("Straße", "y")]
        #expect(fields.value(ofColumn: "NPS") == "9")
        #expect(fields.value(ofColumn: "nps") == "1")
        // '[' (0x5B) and '{' (0x7B) differ by 0x20 too, and are not letters.
        #expect(fields.value(ofColumn: "{a}") == nil)
        #expect(fields.value(ofColumn: "STRAßE") == "y")
        #expect(fields.value(ofColumn: "straSSe") == nil)
    }

    @Test func aRatingColumnNamedInAnotherCaseMakesAnAnswer() {
        var options = AggregationOptions()
        options.csatColumn = "CSAT"
        #expect(options.hasRatingAnswer([Field("csat", "5")]))
        #expect(!options.hasRatingAnswer([Field("csat", "")]))
    }
}
