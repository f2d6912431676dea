import Foundation

/// Reads the dates exports carry: ISO 8601 dates and date-times (with or without an offset or `Z`), with a space
/// or `T`, `/` or `-` separators, and Unix time — 9 or 10 digits as seconds, 13 digits as milliseconds (what
/// JavaScript and Java write). A date-time without an offset is taken in the given time zone.
///
/// Strict on purpose: `Calendar.date(from:)` rolls `2026-02-30` over to March 2 and `25:00` to the next day, so a
/// mistyped date used to land in another period, where nobody would look for it; a date that is no date is
/// unreadable instead (the comment counts as undated, and the run says so). Other runs of digits (11, 12, 14 or
/// more) are refused rather than read as seconds in the year 56867.
///
/// Cheap, because the `aggregates` table of a database is made again from every stored comment at the end of each
/// run: the text is read from its bytes (`DateText`), a date with an offset or in UTC is placed in time by
/// arithmetic, and the zone's calendar is made once, here, for the dates read in a named zone. An aggregation
/// reads through `PeriodReader`, which also remembers the zone's offsets hour by hour.
public struct DateReader: Sendable {
    public let timeZone: TimeZone
    /// Gregorian, in `timeZone`, made once.
    let calendar: Calendar
    /// 0 for UTC, whose wall clock is its time; nil for a zone whose offset may change.
    let fixedOffset: Int?

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        fixedOffset = Self.isUTC(timeZone) ? 0 : nil
    }

    public func date(from text: String) -> Date? {
        switch DateText(text) {
        case nil: return nil
        case let .instant(date)?: return date
        case let .wallClock(time, offset)?:
            if let offset = offset ?? fixedOffset { return Date(timeIntervalSince1970: Double(time.seconds - offset)) }
            return calendar.date(from: time.components)
        }
    }

    /// UTC itself, under the names the tz database gives it (and `TimeZone(secondsFromGMT: 0)`, "GMT"): no offset,
    /// ever. Other zones, even those without DST today, have changed their offsets in the past.
    static func isUTC(_ timeZone: TimeZone) -> Bool {
        ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Etc/UCT", "UCT",
         "GMT0", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Etc/Greenwich", "Greenwich"].contains(timeZone.identifier)
    }
}
