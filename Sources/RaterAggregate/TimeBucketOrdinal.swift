extension TimeBucket {
    /// The bucket labelled `label` as a count of buckets from a fixed origin, so that two labels' distance is the
    /// number of periods between them (a chart spaces periods by it, and a gap of a year does not look like a day).
    /// Nil for a label that is not one of this bucket's.
    ///
    /// Days count from 1970-01-01 and weeks from the ISO week holding it (weeks start on Monday, so the day count
    /// is shifted by the three days from Monday 1969-12-29); months are `year × 12 + month − 1`. Worked out from the
    /// label alone, by the same arithmetic as the labels (`WallClockTime`): the label already names its period in
    /// the run's time zone.
    public func ordinal(of label: String) -> Int? {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        switch self {
        case .day:
            guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                  (1...12).contains(month), (1...WallClockTime.days(inMonth: month, of: year)).contains(day)
            else { return nil }
            return WallClockTime.days(year: year, month: month, day: day)
        case .week:
            guard parts.count == 2, parts[1].first == "W", let year = Int(parts[0]),
                  let week = Int(parts[1].dropFirst()), (1...53).contains(week) else { return nil }
            // Week 1 holds January 4; its Monday is that day less its weekday (Monday 0; 1970-01-01 a Thursday).
            let january4 = WallClockTime.days(year: year, month: 1, day: 4)
            let monday = january4 - ((january4 % 7) + 7 + 3) % 7 + (week - 1) * 7
            // A week 53 in a year of 52 weeks is next year's week 1 under another name: no label of this bucket.
            guard WallClockTime.civil(days: monday + 3).year == year else { return nil }
            return WallClockTime.floorDivision(monday + 3, 7)
        case .month:
            guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
            else { return nil }
            return year * 12 + month - 1
        }
    }
}
