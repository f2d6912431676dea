import RaterAggregate
import RaterCore

/// Aggregate rows as CSV for spreadsheets: one column per group-by column, `all_groups`, then period, scope, counts,
/// shares, intervals, change, one rate column per signal (all of them, always), and NPS/CSAT/CES.
///
/// `all_groups` is `true` on the rows of every group together and `false` on a group's rows: without it the
/// all-groups row and the row of comments whose group value is empty were the same cells (`,,overall,…`), and a
/// dashboard summing or filtering them could not tell which was which.
///
/// With several group columns, rows over a leading run of them (a region over all its branches) come beside the
/// cells, and the column `grouped_by` (after `all_groups`) names the columns a row is over, as the header names
/// them, joined by `; ` (`region` on a region's row, `region; branch` on a cell, empty on all groups): the region's
/// row and the cell of a branch whose value is empty have the same group cells (`north,`). One column, one
/// marker: the levels are nested, so a dashboard filters a level with one comparison, and no per-column flags can
/// contradict each other. With one group column `all_groups` already says everything and the file is as it was.
public struct AggregateCSVWriter: Sendable {
    public init() {}

    static let fixedColumns = ["all_groups", "period", "scope", "comments", "mentions", "positive", "negative",
                               "neutral", "share_positive", "share_negative", "share_neutral", "mean_score",
                               "net_sentiment", "positive_low", "positive_high", "negative_low", "negative_high",
                               "net_change"]
    static let ratingColumns = ["nps", "nps_responses", "csat", "csat_responses", "ces", "ces_responses"]
    /// `loyalty.at_risk` …: the names aggregates give signal rates, one per value Rater can read.
    static let knownSignalNames = SignalValue.allCases.map { $0.kind.rawValue + "." + $0.rawValue }

    /// The header names of the group columns: a group column keeps its name unless a fixed column (`period`,
    /// `scope` …), a signal rate or an earlier group column has it; then it is prefixed `group_` until it is free,
    /// so no two header cells are alike and a reader by name gets the period, not a group called `period`.
    static func groupHeaders(_ groupBy: [String], taken: [String]) -> [String] {
        var used = Set(taken)
        return groupBy.map { name in
            var header = name
            while used.contains(header) { header = "group_" + header }
            used.insert(header)
            return header
        }
    }

    /// The `grouped_by` cell: the names joined by `; `, with `\` and `;` in a name escaped by `\` (as in the
    /// databases' `group_key`), so two lists of names never read alike.
    static func groupedBy<Names: Sequence<String>>(_ names: Names) -> String {
        names.map { name in
            var escaped = ""
            for character in name {
                if character == "\\" || character == ";" { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped
        }.joined(separator: "; ")
    }

    public func encode(_ rows: [AggregateRow], groupBy: [String]) -> String {
        // Every signal Rater knows has its column whether or not tonight's comments carry it, so a table loaded
        // from nightly files keeps its shape; a name only a hand-made result file has joins them in name order.
        let signalNames = Array(Set(Self.knownSignalNames + rows.flatMap { $0.signals.map(\.name) })).sorted()
        let signalColumns = signalNames.map { "rate_" + $0 }
        let levels = groupBy.count > 1
        var fixedColumns = Self.fixedColumns
        if levels { fixedColumns.insert("grouped_by", at: 1) }  // after `all_groups`
        let fixed = fixedColumns + signalColumns + Self.ratingColumns
        let groupHeaders = Self.groupHeaders(groupBy, taken: fixed)
        var header = groupHeaders.map(CSVCell.text)
        header += fixedColumns
        header += signalColumns.map(CSVCell.text)
        header += Self.ratingColumns
        var lines = [header.joined(separator: ",")]
        for row in rows {
            // By position: a rollup's row holds the leading columns' values only.
            var cells = groupBy.indices.map { CSVCell.text($0 < row.groups.count ? row.groups[$0].value : "") }
            cells += [row.groups.isEmpty ? "true" : "false"]
            if levels { cells.append(CSVCell.text(Self.groupedBy(groupHeaders.prefix(row.groups.count)))) }
            // A row of rating-only answers alone has no sentiment figures: empty cells, not zeros (`hasSentiment`).
            let figure: (Double) -> String = { row.hasSentiment ? CSVCell.number($0) : "" }
            cells += [CSVCell.text(row.period ?? ""), CSVCell.text(row.scope), CSVCell.number(row.comments),
                      CSVCell.number(row.mentions), CSVCell.number(row.positive), CSVCell.number(row.negative),
                      CSVCell.number(row.neutral), figure(row.sharePositive), figure(row.shareNegative),
                      figure(row.shareNeutral), figure(row.meanScore), figure(row.netSentiment),
                      figure(row.positiveInterval.lowerBound), figure(row.positiveInterval.upperBound),
                      figure(row.negativeInterval.lowerBound), figure(row.negativeInterval.upperBound),
                      CSVCell.number(row.netChange)]
            cells += signalNames.map { name in figure(row.signals.first { $0.name == name }?.rate ?? 0) }
            let ratings = row.ratings
            cells += [CSVCell.number(ratings?.nps, digits: 2), CSVCell.number(ratings?.npsResponses),
                      CSVCell.number(ratings?.csat), CSVCell.number(ratings?.csatResponses),
                      CSVCell.number(ratings?.ces, digits: 3), CSVCell.number(ratings?.cesResponses)]
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The importance–performance table's header line.
    public static let driverHeader = "dimension,mentions,correlation,importance,importance_share,performance,quadrant"

    /// The importance–performance table as CSV; nil (no table: too few rated comments) gives the header alone.
    public func encode(_ table: DriverTable?) -> String {
        var lines = [Self.driverHeader]
        guard let table else { return lines[0] + "\n" }
        for row in table.rows {
            lines.append([row.dimension.rawValue, CSVCell.number(row.mentions), CSVCell.number(row.correlation),
                          CSVCell.number(row.importance), CSVCell.number(row.importanceShare),
                          CSVCell.number(row.performance), CSVCell.text(row.quadrant.rawValue)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
