import Foundation

/// A comment's date cell to the label of its period (`2026-11-24`, `2026-W48`, `2026-11`), for every comment an
/// aggregation counts: `DateReader` and `TimeBucket.label` together, with the time zone's offsets remembered hour
/// by hour (`ZoneOffsets`) instead of a `Calendar` asked (and made) for each comment. Gives the labels they give.
///
/// A value that changes as it reads (it remembers offsets); one per aggregation.
struct PeriodReader: Sendable {
    let bucket: TimeBucket
    let reader: DateReader
    /// ISO 8601 in the zone: labels in the hours where the zone's offset changes.
    let labelCalendar: Calendar
    /// Nil for UTC, whose offset is always 0.
    private var offsets: ZoneOffsets?

    init(bucket: TimeBucket, timeZone: TimeZone) {
        self.bucket = bucket
        reader = DateReader(timeZone: timeZone)
        labelCalendar = TimeBucket.calendar(timeZone)
        offsets = reader.fixedOffset == nil ? ZoneOffsets(timeZone: timeZone) : nil
    }

    /// The label of the period `text`'s date falls in; nil if `text` is no date.
    mutating func period(of text: String) -> String? {
        switch DateText(text) {
        case nil:
            return nil
        case let .instant(date)?:
            return label(of: date)
        case let .wallClock(time, offset)?:
            if let offset = offset ?? reader.fixedOffset ?? offsets?.offset(atWallClock: time.seconds) {
                return label(ofSeconds: time.seconds - offset)
            }
            return reader.calendar.date(from: time.components).map { label(of: $0) }
        }
    }

    /// The label of the period `date` falls in.
    mutating func label(of date: Date) -> String {
        guard let seconds = WallClockTime.flooredSeconds(of: date),
              let offset = reader.fixedOffset ?? offsets?.offset(atUTC: seconds) else {
            return bucket.label(of: date, calendar: labelCalendar)
        }
        return bucket.label(ofWallClock: seconds + offset)
    }

    /// The label of the instant `seconds` (whole seconds since 1970).
    private mutating func label(ofSeconds seconds: Int) -> String {
        guard let offset = reader.fixedOffset ?? offsets?.offset(atUTC: seconds) else {
            return bucket.label(of: Date(timeIntervalSince1970: Double(seconds)), calendar: labelCalendar)
        }
        return bucket.label(ofWallClock: seconds + offset)
    }
}
