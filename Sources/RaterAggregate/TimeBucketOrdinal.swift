import Foundation

extension TimeBucket {
    /// The bucket labelled `label` as a count of buckets from a fixed origin, so that two labels' distance is the
    /// number of periods between them (a chart spaces periods by it, and a gap of a year does not look like a day).
    /// Nil for a label that is not one of this bucket's.
    ///
    /// Days count from 1970-01-01 and weeks from the ISO week holding it (weeks start on Monday, so the day count
    /// is shifted by the three days from Monday 1969-12-29); months are `year × 12 + month − 1`. Worked out in UTC
    /// from the label alone: the label already names its period in the run's time zone.
    public func ordinal(of label: String) -> Int? {
        switch self {
        case .day, .week:
            guard let start = start(of: label, in: TimeZone(secondsFromGMT: 0)!) else { return nil }
            let days = Int((start.timeIntervalSince1970 / 86_400).rounded(.down))
            return self == .day ? days : (days + 3).floorDivided(by: 7)
        case .month:
            let numbers = label.split(separator: "-").compactMap { Int($0) }
            guard numbers.count == 2, (1...12).contains(numbers[1]) else { return nil }
            return numbers[0] * 12 + numbers[1] - 1
        }
    }
}

extension Int {
    /// Division rounding towards minus infinity: days before 1970 still fall in the right week.
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
