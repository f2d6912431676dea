import Foundation
import RaterAggregate

/// The date reading and bucket labelling as they were before they were made arithmetic: a Foundation `Calendar` a
/// call, `String` operations throughout. Kept here, unchanged, as the reference the fast versions must agree with
/// (`DateArithmeticReferenceTests`); not used by Rater itself.
enum CalendarReference {
    static func date(from text: String, timeZone: TimeZone) -> Date? {
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
        var body = Substring(trimmed.replacingOccurrences(of: "/", with: "-"))
        var offsetSeconds: Int?
        if body.hasSuffix("Z") {
            offsetSeconds = 0
            body = body.dropLast()
        } else if let signIndex = body.indices.last(where: { (body[$0] == "+" || body[$0] == "-")
                                                                && body.distance(from: body.startIndex, to: $0) > 10 }) {
            let sign = body[signIndex] == "-" ? -1 : 1
            let digits = Array(body[body.index(after: signIndex)...].filter(\.isNumber))
            var hours: Int?
            var minutes = 0
            if digits.count == 4, let h = Int(String(digits[0...1])), let m = Int(String(digits[2...3])) {
                (hours, minutes) = (h, m)
            } else if digits.count == 2, let h = Int(String(digits)) {
                hours = h
            }
            guard let hours, hours <= 14, minutes < 60 else { return nil }
            offsetSeconds = sign * (hours * 3_600 + minutes * 60)
            body = body[..<signIndex]
        }
        let numbers = body.split { !$0.isASCII || (!$0.isNumber && $0 != ".") }.map(String.init)
        guard [3, 5, 6].contains(numbers.count), let year = Int(numbers[0]), let month = Int(numbers[1]),
              let day = Int(numbers[2]), (1900...9999).contains(year), (1...12).contains(month),
              (1...days(inMonth: month, of: year)).contains(day) else { return nil }
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

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func label(_ bucket: TimeBucket, of date: Date, in timeZone: TimeZone) -> String {
        let calendar = calendar(timeZone)
        switch bucket {
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

    static func previous(_ bucket: TimeBucket, of label: String, in timeZone: TimeZone) -> String? {
        guard let start = start(bucket, of: label, in: timeZone) else { return nil }
        let calendar = calendar(timeZone)
        let component: Calendar.Component = bucket == .day ? .day : bucket == .week ? .weekOfYear : .month
        guard let earlier = calendar.date(byAdding: component, value: -1, to: start) else { return nil }
        return self.label(bucket, of: earlier, in: timeZone)
    }

    static func start(_ bucket: TimeBucket, of label: String, in timeZone: TimeZone) -> Date? {
        let calendar = calendar(timeZone)
        let numbers = label.split { $0 == "-" || $0 == "W" }.compactMap { Int($0) }
        var parts = DateComponents()
        parts.timeZone = timeZone
        switch bucket {
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

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        return calendar
    }
}
