import RaterAggregate
import RaterCore

/// Aggregate rows as CSV for spreadsheets: one column per group-by column, then period, scope, counts, shares,
/// intervals, change, one column per signal seen, and NPS/CSAT/CES.
public struct AggregateCSVWriter: Sendable {
    public init() {}

    public func encode(_ rows: [AggregateRow], groupBy: [String]) -> String {
        let signalNames = Array(Set(rows.flatMap { $0.signals.map(\.name) })).sorted()
        var header = groupBy.map(CSVCell.text)
        header += ["period", "scope", "comments", "mentions", "positive", "negative", "neutral", "share_positive",
                   "share_negative", "share_neutral", "mean_score", "net_sentiment", "positive_low", "positive_high",
                   "negative_low", "negative_high", "net_change"]
        header += signalNames.map { CSVCell.text("rate_" + $0) }
        header += ["nps", "nps_responses", "csat", "csat_responses", "ces", "ces_responses"]
        var lines = [header.joined(separator: ",")]
        for row in rows {
            var cells = groupBy.map { name in CSVCell.text(row.groups.first { $0.name == name }?.value ?? "") }
            cells += [CSVCell.text(row.period ?? ""), CSVCell.text(row.scope), CSVCell.number(row.comments),
                      CSVCell.number(row.mentions), CSVCell.number(row.positive), CSVCell.number(row.negative),
                      CSVCell.number(row.neutral), CSVCell.number(row.sharePositive), CSVCell.number(row.shareNegative),
                      CSVCell.number(row.shareNeutral), CSVCell.number(row.meanScore), CSVCell.number(row.netSentiment),
                      CSVCell.number(row.positiveInterval.lowerBound), CSVCell.number(row.positiveInterval.upperBound),
                      CSVCell.number(row.negativeInterval.lowerBound), CSVCell.number(row.negativeInterval.upperBound),
                      CSVCell.number(row.netChange)]
            cells += signalNames.map { name in CSVCell.number(row.signals.first { $0.name == name }?.rate ?? 0) }
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
