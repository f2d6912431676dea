import Foundation

/// A date and time of day on a wall clock, in no zone yet: what a date cell says before its offset or the run's
/// time zone places it in time.
///
/// The Gregorian calendar as integer arithmetic on day numbers (days since 1970-01-01, proleptic), after Howard
/// Hinnant's `days_from_civil` and `civil_from_days`: a date cell read for each of a million stored comments then
/// costs a few dozen integer operations instead of a Foundation `Calendar` (which also had to be made for each).
struct WallClockTime: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// The wall-clock time `seconds` after 1970-01-01 00:00 (negative before).
    init(seconds: Int) {
        let days = Self.floorDivision(seconds, 86_400)
        let inDay = seconds - days * 86_400
        (year, month, day) = Self.civil(days: days)
        (hour, minute, second) = (inDay / 3_600, inDay % 3_600 / 60, inDay % 60)
    }

    /// Seconds since 1970-01-01 00:00 on the same wall clock: the instant in UTC, or in any zone once its offset
    /// is subtracted.
    var seconds: Int { Self.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second }

    /// For `Calendar.date(from:)`, in the hours where a zone's offset changes.
    var components: DateComponents {
        DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1  // from March 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // from March 1
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days in a month of the Gregorian calendar: 29 in February of years divisible by 4, except centuries not
    /// divisible by 400.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Division rounding towards minus infinity: the hour or day an instant before 1970 falls in.
    static func floorDivision(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    /// Whole seconds since 1970 of `date`, rounded down (Unix milliseconds carry fractions). Taken from the reference
    /// date Foundation stores, as its calendar does.
    static func flooredSeconds(of date: Date) -> Int? {
        let seconds = date.timeIntervalSinceReferenceDate.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 1e15 else { return nil }
        return Int(seconds) + 978_307_200
    }
}
