import RaterAggregate
import RaterCore

/// Aggregates as one JSON document: the rows, and the importance–performance table when there is one.
public struct AggregateJSONWriter: Sendable {
    public init() {}

    /// `columns` are the reports of the columns the options name (`Aggregation.columnReports`): a dashboard sees how
    /// many comments had no value or an unreadable one, not only the rows made of the rest. With several `groupBy`
    /// columns each row says which it is over in `grouped_by` (`["region"]` on a region's rollup row), as the CSV
    /// does; with one the document is as it was.
    public func encode(_ rows: [AggregateRow], drivers: DriverTable?, undated: Int,
                       columns: [ColumnReport] = [], groupBy: [String] = []) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("rows")
        json.beginArray()
        for row in rows { encode(row, levels: groupBy.count > 1, into: &json) }
        json.endArray()
        json.key("drivers")
        if let drivers { encode(drivers, into: &json) } else { json.null() }
        json.key("undated", undated)
        json.key("columns")
        json.beginArray()
        for column in columns { encode(column, into: &json) }
        json.endArray()
        json.endObject()
        return json.bytes + [0x0A]
    }

    private func encode(_ column: ColumnReport, into json: inout JSONWriter) {
        json.beginObject()
        json.key("option", column.role.option)
        json.key("column", column.column)
        json.key("comments", column.comments)
        json.key("present", column.present)
        json.key("missing", column.missing)
        json.key("unreadable", column.unreadable.count)
        json.key("unreadable_example")
        if let example = column.unreadable.example { json.string(example) } else { json.null() }
        // Survey answers without a comment, counted in the rating figures beside `comments` (only when there are
        // some: other documents stay as they were).
        if column.role.isRating && column.ratingOnly > 0 {
            json.key("rating_only", column.ratingOnly)
            json.key("rating_only_valued", column.ratingOnlyValued)
        }
        json.endObject()
    }

    private func encode(_ row: AggregateRow, levels: Bool, into json: inout JSONWriter) {
        json.beginObject()
        json.key("groups")
        json.fields(row.groups)
        // As in the CSV: `{}` and `{"branch": ""}` are easy to mistake for each other, and so are a region's
        // rollup `{"region": "north"}` and its cell `{"region": "north", "branch": ""}`.
        json.key("all_groups")
        json.bool(row.groups.isEmpty)
        if levels {
            json.key("grouped_by")
            json.beginArray()
            for field in row.groups { json.string(field.name) }
            json.endArray()
        }
        json.key("period")
        if let period = row.period { json.string(period) } else { json.null() }
        json.key("scope", row.scope)
        json.key("comments", row.comments)
        json.key("mentions", row.mentions)
        json.key("positive", row.positive)
        json.key("negative", row.negative)
        json.key("neutral", row.neutral)
        // A row of rating-only answers alone has no sentiment figures: null, not zeros (`hasSentiment`).
        for (name, value) in [("share_positive", row.sharePositive), ("share_negative", row.shareNegative),
                              ("share_neutral", row.shareNeutral), ("mean_score", row.meanScore),
                              ("net_sentiment", row.netSentiment)] {
            json.key(name)
            if row.hasSentiment { json.number(value) } else { json.null() }
        }
        for (name, interval) in [("positive_interval", row.positiveInterval), ("negative_interval", row.negativeInterval)] {
            json.key(name)
            if row.hasSentiment {
                json.beginArray(); json.number(interval.lowerBound); json.number(interval.upperBound); json.endArray()
            } else {
                json.null()
            }
        }
        json.key("net_change")
        if let change = row.netChange { json.number(change) } else { json.null() }
        json.key("signals")
        json.beginObject()
        for signal in row.signals {
            json.key(signal.name)
            json.beginObject()
            json.key("count", signal.count)
            json.key("rate", signal.rate)
            json.endObject()
        }
        json.endObject()
        json.key("ratings")
        if let ratings = row.ratings {
            json.beginObject()
            json.key("nps"); if let nps = ratings.nps { json.number(nps, digits: 2) } else { json.null() }
            json.key("nps_responses", ratings.npsResponses)
            json.key("csat"); if let csat = ratings.csat { json.number(csat) } else { json.null() }
            json.key("csat_responses", ratings.csatResponses)
            json.key("ces"); if let ces = ratings.ces { json.number(ces, digits: 3) } else { json.null() }
            json.key("ces_responses", ratings.cesResponses)
            json.endObject()
        } else {
            json.null()
        }
        json.endObject()
    }

    private func encode(_ table: DriverTable, into json: inout JSONWriter) {
        json.beginObject()
        json.key("r_squared", table.rSquared)
        json.key("rated_comments", table.ratedComments)
        json.key("dimensions")
        json.beginArray()
        for row in table.rows {
            json.beginObject()
            json.key("dimension", row.dimension.rawValue)
            json.key("mentions", row.mentions)
            json.key("correlation", row.correlation)
            json.key("importance", row.importance)
            json.key("importance_share", row.importanceShare)
            json.key("performance", row.performance)
            json.key("quadrant", row.quadrant.rawValue)
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }
}
