import Foundation
import RaterAggregate
import RaterCore
import RaterSinks
import Testing

/// A group whose only records are rating-only answers (no comment) has an overall row for its ratings, and no
/// sentiment: its shares, mean, net sentiment, intervals and signal rates were written as 0, which a dashboard reads
/// as "all neutral". They are empty in the CSV and null in the JSON; the counts stay 0.
@Suite struct RatingOnlyRowTests {
    func aggregation() -> Aggregation {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        options.npsColumn = "nps"
        var aggregation = Aggregation(options: options)
        aggregation.add(Observation(label: .positive, score: 0.6, mentions: [], signals: [],
                                    fields: [Field("branch", "A"), Field("nps", "10")]))
        aggregation.add(RatingOnlyAnswer(source: "s.csv", recordNumber: 2, fields: [Field("branch", "B"), Field("nps", "3")]))
        return aggregation
    }

    @Test func theCSVLeavesTheSentimentCellsEmpty() throws {
        let csv = AggregateCSVWriter().encode(aggregation().rows, groupBy: ["branch"])
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let rows = lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        let b = try #require(rows.first { $0["branch"] == "B" && $0["scope"] == "overall" })
        #expect(b["comments"] == "0" && b["nps_responses"] == "1" && b["nps"] == "-100", "\(b)")
        for column in ["share_positive", "share_neutral", "mean_score", "net_sentiment", "positive_low", "negative_high",
                       "rate_loyalty.at_risk"] {
            #expect(b[column] == "", "\(column): \(b[column] ?? "?")")
        }
        let a = try #require(rows.first { $0["branch"] == "A" && $0["scope"] == "overall" })
        #expect(a["share_positive"] == "1" && a["rate_loyalty.at_risk"] == "0", "\(a)")
    }

    @Test func theJSONSaysNull() throws {
        let bytes = AggregateJSONWriter().encode(aggregation().rows, drivers: nil, undated: 0, columns: [], groupBy: ["branch"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        let b = try #require(rows.first { ($0["groups"] as? [String: Any])?["branch"] as? String == "B"
            && $0["scope"] as? String == "overall" })
        for key in ["share_positive", "mean_score", "net_sentiment", "positive_interval"] {
            #expect(b[key] is NSNull, "\(key): \(String(describing: b[key]))")
        }
        #expect(b["comments"] as? Int == 0)
    }
}
