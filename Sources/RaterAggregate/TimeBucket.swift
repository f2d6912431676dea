import Foundation

/// Calendar buckets for time series: a comment's date column, read in a time zone, falls into one day, ISO week or
/// month. Labels sort in time order and name the previous period, so "change against the previous period" compares
/// with the calendar's previous bucket, not merely the previous bucket that happens to have data.
public enum TimeBucket: String, Sendable, Codable, CaseIterable {
    case day
    case week
    case month

    /// The bucket label of `date` in `timeZone`: `2026-11-24`, `2026-W48`, `2026-11`. (Aggregations label through
    /// `PeriodReader`, which remembers the zone's offsets instead of making its calendar each time.)
    public func label(of date: Date, in timeZone: TimeZone) -> String {
        var reader = PeriodReader(bucket: self, timeZone: timeZone)
        return reader.label(of: date)
    }

    /// The label of the wall-clock time `seconds` after 1970-01-01 00:00, by arithmetic: what the ISO 8601 calendar
    /// says of the instant whose wall clock in the zone reads that.
    func label(ofWallClock seconds: Int) -> String {
        let days = WallClockTime.floorDivision(seconds, 86_400)
        switch self {
        case .day:
            let date = WallClockTime.civil(days: days)
            return Self.label(date.year, "-", date.month, date.day)
        case .week:
            // ISO 8601: weeks start on Monday, and a week belongs to the year its Thursday is in (week 1 holds the
            // year's first Thursday). 1970-01-01 was a Thursday.
            let weekday = ((days % 7) + 7 + 3) % 7  // Monday 0 … Sunday 6
            let thursday = days - weekday + 3
            let year = WallClockTime.civil(days: thursday).year
            let week = (thursday - WallClockTime.days(year: year, month: 1, day: 1)) / 7 + 1
            return Self.label(year, "-W", week, nil)
        case .month:
            let date = WallClockTime.civil(days: days)
            return Self.label(date.year, "-", date.month, nil)
        }
    }

    /// `%04d` + separator + `%02d` (+ `-%02d`), as `String(format:)` wrote the labels, without its cost.
    private static func label(_ year: Int, _ separator: String, _ second: Int, _ third: Int?) -> String {
        guard year >= 0, (0...99).contains(second), third.map({ (0...99).contains($0) }) ?? true else {
            return third.map { String(format: "%04d\(separator)%02d-%02d", year, second, $0) }
                ?? String(format: "%04d\(separator)%02d", year, second)
        }
        var label = year < 1_000 ? String(repeating: "0", count: year < 10 ? 3 : year < 100 ? 2 : 1) : ""
        label += String(year)
        label += separator
        func twoDigits(_ value: Int) {
            label.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + value / 10)))
            label.unicodeScalars.append(Unicode.Scalar(UInt8(0x30 + value % 10)))
        }
        twoDigits(second)
        if let third {
            label += "-"
            twoDigits(third)
        }
        return label
    }

    /// The label of `date` by `calendar` (ISO 8601, in the zone): the hours where the zone's offset changes, and
    /// `previous`.
    func label(of date: Date, calendar: Calendar) -> String {
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
        previous(of: label, calendar: Self.calendar(timeZone))
    }

    /// `previous(of:in:)` with the zone's calendar made once by the caller (once an aggregation's rows, not once a
    /// row).
    func previous(of label: String, calendar: Calendar) -> String? {
        guard let start = start(of: label, calendar: calendar) else { return nil }
        let component: Calendar.Component = self == .day ? .day : self == .week ? .weekOfYear : .month
        guard let earlier = calendar.date(byAdding: component, value: -1, to: start) else { return nil }
        return self.label(of: earlier, calendar: calendar)
    }

    /// The first instant of the bucket labelled `label`.
    public func start(of label: String, in timeZone: TimeZone) -> Date? {
        start(of: label, calendar: Self.calendar(timeZone))
    }

    func start(of label: String, calendar: Calendar) -> Date? {
        let numbers = label.split { $0 == "-" || $0 == "W" }.compactMap { Int($0) }
        var parts = DateComponents()
        parts.timeZone = calendar.timeZone
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
