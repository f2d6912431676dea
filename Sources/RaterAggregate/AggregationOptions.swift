import Foundation
import RaterCore

/// How comments are grouped and which numeric columns sit beside the text. Partials can only merge when these
/// agree, so they travel with every partial.
public struct AggregationOptions: Sendable, Equatable, Codable {
    /// Passthrough columns to group by (branch, channel, agent …), in order.
    public var groupBy: [String] = []
    /// The column holding each comment's date or date-time; nil: no time series.
    public var dateColumn: String?
    public var bucket: TimeBucket = .day
    /// The zone dates without an offset are read in, and buckets are cut in (an IANA name).
    public var timeZoneIdentifier: String = "UTC"
    public var npsColumn: String?
    public var csatColumn: String?
    public var cesColumn: String?
    /// The rating the driver analysis explains: CSAT when its column is named, else NPS, else CES.
    public var driverScale: RatingScale? {
        csatColumn != nil ? .csat : npsColumn != nil ? .nps : cesColumn != nil ? .ces : nil
    }
    public var driverColumn: String? { driverScale.flatMap(column(for:)) }

    /// Every column the options name, once each, in the order of the options.
    public var namedColumns: [String] {
        var columns = [String]()
        for column in groupBy + [dateColumn, npsColumn, csatColumn, cesColumn].compactMap({ $0 })
            where !columns.contains(column) { columns.append(column) }
        return columns
    }

    /// The rating columns named, once each.
    public var ratingColumns: [String] {
        var columns = [String]()
        for column in [npsColumn, csatColumn, cesColumn].compactMap({ $0 }) where !columns.contains(column) {
            columns.append(column)
        }
        return columns
    }

    /// The column holding answers on `scale`, when one is named.
    public func column(for scale: RatingScale) -> String? {
        switch scale {
        case .nps: return npsColumn
        case .csat: return csatColumn
        case .ces: return cesColumn
        }
    }

    /// Whether a row without a comment holds an answer (`RatingScale.read`) in a rating column these options name:
    /// such a row is a rating-only answer (`RatingOnlyAnswer`) whose ratings count in the NPS, CSAT and CES figures;
    /// a row with none (no rating column, blank cells, or only values off their scales) stays an `empty_text`
    /// rejection, as there is nothing in it to count.
    public func hasRatingAnswer(_ fields: [Field]) -> Bool {
        RatingScale.allCases.contains { scale in
            guard let column = column(for: scale) else { return false }
            guard case .answer = scale.read(fields.value(ofColumn: column)) else { return false }
            return true
        }
    }

    public init() {}

    public var timeZone: TimeZone { TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0)! }
}
