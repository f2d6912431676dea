import Foundation

/// Calendar buckets for time series: a comment's date column, read in a time zone, falls into one day, ISO week or
/// month. Labels sort in time order and name the previous period, so "change against the previous period" compares
/// with the calendar's previous bucket, not merely the previous bucket that happens to have data.
public enum TimeBucket: String, Sendable, Codable, CaseIterable {
    case day
    case week
    case month

    /// The bucket label of `date` in `timeZone`: `2026-11-24`, `2026-W48`, `2026-11`.
    public func label(of date: Date, in timeZone: TimeZone) -> String {
        let calendar = Self.calendar(timeZone)
        switch self {
        case .day:
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        case .week:
            let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            return String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
        case .month:
            let parts = calendar.dateComponents([.year, .month], from: date)
            return String(format: "%04d-%02d", parts.year!, parts.month!)
        }
    }

    /// The label of the bucket before the one labelled `label`, or nil if `label` is not one of this bucket's.
    public func previous(of label: String, in timeZone: TimeZone) -> String? {
        guard let start = start(of: label, in: timeZone) else { return nil }
        let calendar = Self.calendar(timeZone)
        let component: Calendar.Component = self == .day ? .day : self == .week ? .weekOfYear : .month
        guard let earlier = calendar.date(byAdding: component, value: -1, to: start) else { return nil }
        return self.label(of: earlier, in: timeZone)
    }

    /// The first instant of the bucket labelled `label`.
    public func start(of label: String, in timeZone: TimeZone) -> Date? {
        let calendar = Self.calendar(timeZone)
        let numbers = label.split { $0 == "-" || $0 == "W" }.compactMap { Int($0) }
        var parts = DateComponents()
        parts.timeZone = timeZone
        switch self {
        case .day:
            guard numbers.count == 3 else { return nil }
            (parts.year, parts.month, parts.day) = (numbers[0], numbers[1], numbers[2])
        case .week:
            guard numbers.count == 2 else { return nil }
            (parts.yearForWeekOfYear, parts.weekOfYear, parts.weekday) = (numbers[0], numbers[1], 2)
        case .month:
            guard numbers.count == 2 else { return nil }
            (parts.year, parts.month, parts.day) = (numbers[0], numbers[1], 1)
        }
        return calendar.date(from: parts)
    }

    /// ISO 8601 weeks: Monday first, the week with the year's first Thursday is week 1.
    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        return calendar
    }
}
