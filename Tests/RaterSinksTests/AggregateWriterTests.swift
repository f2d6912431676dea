import RaterAggregate
import RaterCore
import Testing

@testable import RaterSinks

@Suite struct AggregateWriterTests {
    @Test func csvCellsAreQuotedAndDefused() {
        #expect(CSVCell.text("plain") == "plain")
        #expect(CSVCell.text("a,b") == "\"a,b\"")
        #expect(CSVCell.text("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVCell.text("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVCell.text("+1") == "'+1")
        #expect(CSVCell.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVCell.number(-0.25) == "-0.25")
        #expect(CSVCell.number(nil as Double?) == "")
    }

    @Test func rowsAsCSVWithGroupAndSignalColumns() {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        var aggregation = Aggregation(options: options)
        aggregation.add(Observation(label: .negative, score: -0.5, mentions: [], signals: ["loyalty.at-risk"],
                                    fields: [Field("branch", "=cmd")]))
        let csv = AggregateCSVWriter().encode(aggregation.rows, groupBy: options.groupBy)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("branch,period,scope,comments,mentions,positive,negative,neutral"))
        #expect(lines[0].contains("rate_loyalty.at-risk"))
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix("'=cmd,,overall,1,1,0,1,0,0,1,0,-0.5,-1,"))
    }

    @Test func rowsAsJSON() {
        var aggregation = Aggregation(options: AggregationOptions())
        aggregation.add(Observation(label: .positive, score: 0.5, mentions: [], signals: [], fields: []))
        let json = String(decoding: AggregateJSONWriter().encode(aggregation.rows, drivers: nil, undated: 0), as: UTF8.self)
        #expect(json.hasPrefix("{\"rows\":[{\"groups\":{},\"period\":null,\"scope\":\"overall\",\"comments\":1,"))
        #expect(json.hasSuffix("\"drivers\":null,\"undated\":0}\n"))
    }
}
