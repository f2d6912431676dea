import Foundation

/// Reads the dates exports carry: ISO 8601 dates and date-times (with or without an offset or `Z`), with a space
/// or `T`, `/` or `-` separators, and Unix time — 9 or 10 digits as seconds, 13 digits as milliseconds (what
/// JavaScript and Java write). A date-time without an offset is taken in the given time zone.
///
/// Strict on purpose: `Calendar.date(from:)` rolls `2026-02-30` over to March 2 and `25:00` to the next day, so a
/// mistyped date used to land in another period, where nobody would look for it; a date that is no date is
/// unreadable instead (the comment counts as undated, and the run says so). Other runs of digits (11, 12, 14 or
/// more) are refused rather than read as seconds in the year 56867.
public struct DateReader: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    public func date(from text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard let number = Double(trimmed) else { return nil }
            switch trimmed.utf8.count {
            case 9, 10: return Date(timeIntervalSince1970: number)
            case 13: return Date(timeIntervalSince1970: number / 1_000)
            default: return nil
            }
        }
        // Split into numbers and an optional trailing offset.
        var body = Substring(trimmed.replacingOccurrences(of: "/", with: "-"))
        var offsetSeconds: Int?
        if body.hasSuffix("Z") {
            offsetSeconds = 0
            body = body.dropLast()
        } else if let signIndex = body.indices.last(where: { (body[$0] == "+" || body[$0] == "-")
                                                                && body.distance(from: body.startIndex, to: $0) > 10 }) {
            // An offset after the time: +08:00, +0800, -05.
            let sign = body[signIndex] == "-" ? -1 : 1
            let digits = Array(body[body.index(after: signIndex)...].filter(\.isNumber))
            var hours: Int?
            var minutes = 0
            if digits.count == 4, let h = Int(String(digits[0...1])), let m = Int(String(digits[2...3])) {
                (hours, minutes) = (h, m)
            } else if digits.count == 2, let h = Int(String(digits)) {
                hours = h
            }
            // Real offsets run from −12:00 to +14:00.
            guard let hours, hours <= 14, minutes < 60 else { return nil }
            offsetSeconds = sign * (hours * 3_600 + minutes * 60)
            body = body[..<signIndex]
        }
        let numbers = body.split { !$0.isASCII || (!$0.isNumber && $0 != ".") }.map(String.init)
        // A date, a date with hours and minutes, or with seconds too; an hour alone or more parts is no format
        // exports use.
        guard [3, 5, 6].contains(numbers.count), let year = Int(numbers[0]), let month = Int(numbers[1]),
              let day = Int(numbers[2]), (1900...9999).contains(year), (1...12).contains(month),
              (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        var parts = DateComponents()
        parts.year = year
        parts.month = month
        parts.day = day
        if numbers.count >= 5 {
            guard let hour = Int(numbers[3]), let minute = Int(numbers[4]), (0...23).contains(hour),
                  (0...59).contains(minute) else { return nil }
            parts.hour = hour
            parts.minute = minute
            if numbers.count == 6 {
                guard let second = Double(numbers[5]), second >= 0, second < 60 else { return nil }
                parts.second = Int(second)
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = offsetSeconds.flatMap { TimeZone(secondsFromGMT: $0) } ?? timeZone
        return calendar.date(from: parts)
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
}
