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
        // Decided on scalars: "\r\n" is one Character equal to neither "\r" nor "\n", and a quote with a combining
        // mark is one Character unequal to "\"", so both used to slip through unquoted or undoubled.
        func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }
        #expect(scalars(CSVCell.text("East\r\n=1+2")) == scalars("\"East\r\n=1+2\""))
        #expect(scalars(CSVCell.text("\r\n=1+2")) == scalars("\"'\r\n=1+2\""))
        #expect(scalars(CSVCell.text("a\"\u{301},=1+2")) == scalars("\"a\"\"\u{301},=1+2\""))
        #expect(CSVCell.text("-1") == "'-1" && CSVCell.text("\tx") == "'\tx" && CSVCell.text("'x") == "'x")
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
        #expect(lines[0].hasPrefix("branch,all_groups,period,scope,comments,mentions,positive,negative,neutral"))
        #expect(lines[0].contains("rate_loyalty.at-risk"))
        #expect(lines.count == 3)
        // Every signal Rater knows has its column although no comment carries it: a nightly file keeps its shape.
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(header.filter { $0.hasPrefix("rate_") } == [
            "rate_expectation.exceeded", "rate_expectation.fell_short", "rate_expectation.met", "rate_loyalty.at-risk",
            "rate_loyalty.at_risk", "rate_loyalty.loyal", "rate_recovery.recovered", "rate_recovery.unresolved"])
        let empty = AggregateCSVWriter().encode(Aggregation(options: options).rows, groupBy: options.groupBy)
        #expect(empty.split(separator: "\n").first.map { $0.split(separator: ",").filter { $0.hasPrefix("rate_") }.count } == 7)
        #expect(lines[1].hasPrefix(",true,,overall,"))
        #expect(lines[2].hasPrefix("'=cmd,false,,overall,1,1,0,1,0,0,1,0,-0.5,-1,"))
    }

    @Test func aGroupValueWithALineBreakStaysInItsCell() {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        var aggregation = Aggregation(options: options)
        aggregation.add(Observation(label: .negative, score: -0.5, mentions: [], signals: [],
                                    fields: [Field("branch", "East\r\n=1+2")]))
        let csv = AggregateCSVWriter().encode(aggregation.rows, groupBy: options.groupBy)
        // Every line that starts a row (a line break outside quotes) starts with the defused or quoted cell, never
        // with the formula.
        var quoted = false
        var rowStarts = [String.UnicodeScalarView.Index]()
        rowStarts.append(csv.unicodeScalars.startIndex)
        var index = csv.unicodeScalars.startIndex
        while index < csv.unicodeScalars.endIndex {
            let scalar = csv.unicodeScalars[index]
            index = csv.unicodeScalars.index(after: index)
            if scalar == "\"" { quoted.toggle() }
            if scalar == "\n" && !quoted && index < csv.unicodeScalars.endIndex { rowStarts.append(index) }
        }
        #expect(!quoted)
        #expect(rowStarts.count == 3, "the header, the overall row and the branch's row")
        #expect(rowStarts.allSatisfy { csv.unicodeScalars[$0] != "=" })
        #expect(csv.unicodeScalars.contains("\r"), "the value is kept, inside its quotes")
        #expect(String(csv.unicodeScalars[rowStarts[2]...]).hasPrefix("\"East\r\n=1+2\",false,,overall,1,"))
    }

    @Test func rowsAsJSON() {
        var aggregation = Aggregation(options: AggregationOptions())
        aggregation.add(Observation(label: .positive, score: 0.5, mentions: [], signals: [], fields: []))
        let json = String(decoding: AggregateJSONWriter().encode(aggregation.rows, drivers: nil, undated: 0), as: UTF8.self)
        #expect(json.hasPrefix("{\"rows\":[{\"groups\":{},\"all_groups\":true,\"period\":null,\"scope\":\"overall\",\"comments\":1,"))
        #expect(json.hasSuffix("\"drivers\":null,\"undated\":0,\"columns\":[]}\n"))
    }

    /// Comments with an empty group value made rows identical to the all-groups rows (`,,overall,7,…` twice).
    @Test func theAllGroupsRowIsNotTheEmptyGroupsRow() {
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        var aggregation = Aggregation(options: options)
        aggregation.add(Observation(label: .positive, score: 0.5, mentions: [], signals: [], fields: [Field("branch", "")]))
        aggregation.add(Observation(label: .positive, score: 0.5, mentions: [], signals: [], fields: [Field("branch", "A")]))
        let lines = AggregateCSVWriter().encode(aggregation.rows, groupBy: options.groupBy).split(separator: "\n")
        let overallRows = lines.dropFirst().filter { $0.contains(",overall,") }.map { $0.prefix { $0 != "o" } }
        #expect(overallRows == [",true,,", ",false,,", "A,false,,"])
        #expect(Set(overallRows).count == overallRows.count)
        let json = String(decoding: AggregateJSONWriter().encode(aggregation.rows, drivers: nil, undated: 0), as: UTF8.self)
        #expect(json.contains("{\"groups\":{\"branch\":\"\"},\"all_groups\":false,"))
    }

    /// Two group columns: a region's rollup row (over all its branches) and the cell of a branch with an empty
    /// value have the same group cells (`north,`); `grouped_by` tells them apart, as `all_groups` does for everyone.
    @Test func aRollupRowIsNotTheEmptyBranchsRow() {
        var options = AggregationOptions()
        options.groupBy = ["region", "branch"]
        var aggregation = Aggregation(options: options)
        aggregation.add(Observation(label: .positive, score: 0.5, mentions: [], signals: [],
                                    fields: [Field("region", "north"), Field("branch", "")]))
        aggregation.add(Observation(label: .negative, score: -0.5, mentions: [], signals: [],
                                    fields: [Field("region", "north"), Field("branch", "a")]))
        let lines = AggregateCSVWriter().encode(aggregation.rows, groupBy: options.groupBy).split(separator: "\n")
        #expect(lines[0].hasPrefix("region,branch,all_groups,grouped_by,period,scope,comments,"))
        #expect(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(7).joined(separator: ",") } == [
            ",,true,,,overall,2",
            "north,,false,region,,overall,2",
            "north,,false,region; branch,,overall,1",
            "north,a,false,region; branch,,overall,1",
        ])
        let json = String(decoding: AggregateJSONWriter().encode(aggregation.rows, drivers: nil, undated: 0,
                                                                 groupBy: options.groupBy), as: UTF8.self)
        #expect(json.contains("{\"groups\":{},\"all_groups\":true,\"grouped_by\":[],\"period\":null,"))
        #expect(json.contains("{\"groups\":{\"region\":\"north\"},\"all_groups\":false,\"grouped_by\":[\"region\"],"))
        #expect(json.contains("{\"groups\":{\"region\":\"north\",\"branch\":\"\"},\"all_groups\":false,"
                              + "\"grouped_by\":[\"region\",\"branch\"],"))
        // One column: no `grouped_by` (a single column's file is what it was).
        let one = AggregateJSONWriter().encode(Aggregation(options: AggregationOptions()).rows, drivers: nil, undated: 0,
                                               groupBy: ["region"])
        #expect(!String(decoding: one, as: UTF8.self).contains("grouped_by"))
    }

    /// `grouped_by` names the columns as the header does: a group column renamed for a clash is named renamed, and
    /// a group column called `grouped_by` is renamed like one called `period`. A `;` or `\\` in a name is escaped.
    @Test func groupedByNamesTheHeadersColumns() {
        var options = AggregationOptions()
        options.groupBy = ["period", "grouped_by", "a;b"]
        var aggregation = Aggregation(options: options)
        aggregation.add(Observation(label: .positive, score: 0.5, mentions: [], signals: [],
                                    fields: [Field("period", "Q1"), Field("grouped_by", "x"), Field("a;b", "y")]))
        let lines = AggregateCSVWriter().encode(aggregation.rows, groupBy: options.groupBy).split(separator: "\n")
        #expect(lines[0].hasPrefix("group_period,group_grouped_by,a;b,all_groups,grouped_by,period,"))
        #expect(lines[2].hasPrefix("Q1,,,false,group_period,,overall,"))
        #expect(lines[3].hasPrefix("Q1,x,,false,group_period; group_grouped_by,,overall,"))
        #expect(lines[4].hasPrefix("Q1,x,y,false,group_period; group_grouped_by; a\\;b,,overall,"))
    }

    /// A group-by column named like a fixed column no longer makes two `period` cells in the header.
    @Test func groupColumnsNamedLikeFixedColumnsArePrefixed() {
        var options = AggregationOptions()
        options.groupBy = ["period", "scope", "group_period", "branch"]
        var aggregation = Aggregation(options: options)
        aggregation.add(Observation(label: .positive, score: 0.5, mentions: [], signals: ["loyalty.at-risk"],
                                    fields: [Field("period", "Q1")]))
        let header = AggregateCSVWriter().encode(aggregation.rows, groupBy: options.groupBy)
            .split(separator: "\n")[0].split(separator: ",").map(String.init)
        #expect(header.prefix(7) == ["group_period", "group_scope", "group_group_period", "branch", "all_groups",
                                     "grouped_by", "period"])
        #expect(Set(header).count == header.count)
        #expect(AggregateCSVWriter.groupHeaders(["rate_loyalty.at-risk"], taken: ["rate_loyalty.at-risk"])
                == ["group_rate_loyalty.at-risk"])
    }
}
