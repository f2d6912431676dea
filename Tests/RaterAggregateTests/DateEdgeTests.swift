import Foundation
import Testing

@testable import RaterAggregate

func zone(_ identifier: String) -> TimeZone { TimeZone(identifier: identifier)! }
func instant(_ seconds: Int) -> Date { Date(timeIntervalSince1970: Double(seconds)) }

/// Date cells to period labels through the public API (`DateReader`, `TimeBucket.label`), as aggregations made them
/// before they read through `PeriodReader`.
private struct Periods {
    let bucket: TimeBucket
    let timeZone: TimeZone
    init(_ bucket: TimeBucket, _ timeZone: TimeZone) { (self.bucket, self.timeZone) = (bucket, timeZone) }
    func period(of text: String) -> String? {
        DateReader(timeZone: timeZone).date(from: text).map { bucket.label(of: $0, in: timeZone) }
    }
}

/// What dates read as and which periods they fall in, pinned by value: the edges the arithmetic must get right.
@Suite struct DateEdgeTests {
    let utc = zone("UTC")

    @Test func leapDays() {
        let reader = DateReader(timeZone: utc)
        #expect(reader.date(from: "2024-02-29") == instant(1_709_164_800))
        #expect(reader.date(from: "2000-02-29 12:00") == instant(951_825_600))
        #expect(reader.date(from: "2100-02-29") == nil)
        #expect(reader.date(from: "2100-02-28") == instant(4_107_456_000))
        #expect(reader.date(from: "1900-03-01") == instant(-2_203_891_200))
    }

    @Test(arguments: ["2026-02-30", "2026-11-24 25:00", "2026-11-24 23:60", "17324064000", "2026-11-24T10:15:00+15:00",
                      "2026-11-24T10:15:00+0860", "2026-11-24T10:15:00+8", "2026-11-24 10:15:00.5.5",
                      "2026-11-24 10:15:59.99999999999999999", "2026.11.24", "2026-11-24-05"])
    func strictRefusals(_ text: String) {
        #expect(DateReader(timeZone: utc).date(from: text) == nil)
    }

    @Test func unixTime() {
        let reader = DateReader(timeZone: utc)
        #expect(reader.date(from: "1732406400123") == Date(timeIntervalSince1970: 1_732_406_400_123 / 1_000))
        #expect(reader.date(from: " 1732406400\t") == instant(1_732_406_400))
        #expect(reader.date(from: "000000000") == instant(0))
        // Fractions are dropped from seconds, but a value that rounds to 60 is refused.
        #expect(reader.date(from: "2026-11-24 10:15:58.99999999999999999") == instant(1_795_515_359))
        #expect(reader.date(from: "2026-11-24 10:15:07.75") == instant(1_795_515_307))
    }

    @Test func offsets() {
        let reader = DateReader(timeZone: zone("Asia/Shanghai"))
        let utcHalfPastOne = instant(1_773_451_800)  // 2026-03-14 01:30 UTC
        for text in ["2026-03-14T09:30:00+08:00", "2026-03-14 09:30+0800", "2026-03-13T20:30:00-05",
                     "2026-03-14T01:30:00Z", "2026/03/14 09:30", "2026-03-13T23:00-02:30"] {
            #expect(reader.date(from: text) == utcHalfPastOne, "\(text)")
        }
        // `/` after the tenth character is a minus sign, as it always was.
        #expect(reader.date(from: "2026-03-14T09:30/0800") == instant(1_773_451_800 + 16 * 3_600))
    }

    /// New York changes at 02:00 local time: 2026-03-08 02:00–02:59 does not exist, 2026-11-01 01:00–01:59 happens
    /// twice. The pinned readings are Foundation's (`Calendar.date(from:)`): a skipped time is moved forward by
    /// the hour, a repeated one is read in daylight time (the first time it happens).
    @Test func newYorkAcrossDSTChanges() {
        let newYork = zone("America/New_York")
        let reader = DateReader(timeZone: newYork)
        let march8 = 1_772_928_000  // 2026-03-08 00:00 UTC
        #expect(reader.date(from: "2026-03-08 01:59") == instant(march8 + 6 * 3_600 + 59 * 60))  // EST
        #expect(reader.date(from: "2026-03-08 02:30") == instant(march8 + 7 * 3_600 + 30 * 60))  // = 03:30 EDT
        #expect(reader.date(from: "2026-03-08 03:00") == instant(march8 + 7 * 3_600))  // EDT
        let november1 = 1_793_491_200  // 2026-11-01 00:00 UTC
        #expect(reader.date(from: "2026-11-01 00:59") == instant(november1 + 4 * 3_600 + 59 * 60))  // EDT
        #expect(reader.date(from: "2026-11-01 01:30") == instant(november1 + 5 * 3_600 + 30 * 60))  // EDT, the first
        #expect(reader.date(from: "2026-11-01 02:00") == instant(november1 + 7 * 3_600))  // EST
        let periods = Periods(.day, newYork)
        #expect(periods.period(of: "2026-11-01T05:59:59Z") == "2026-11-01")
        #expect(periods.period(of: "2026-11-02T04:59:59Z") == "2026-11-01")
        #expect(periods.period(of: "2026-11-02T05:00:00Z") == "2026-11-02")
        #expect(periods.period(of: "2026-03-08T04:59:59Z") == "2026-03-07")
        #expect(periods.period(of: "2026-03-08T05:00:00Z") == "2026-03-08")
        #expect(periods.period(of: "2026-03-09T03:59:59Z") == "2026-03-08")
        #expect(periods.period(of: "2026-03-09T04:00:00Z") == "2026-03-09")
    }

    @Test func berlinAcrossDSTChanges() {
        let berlin = zone("Europe/Berlin")
        let reader = DateReader(timeZone: berlin)
        let march29 = 1_774_742_400  // 2026-03-29 00:00 UTC
        #expect(reader.date(from: "2026-03-29 01:59") == instant(march29 + 59 * 60))  // CET
        #expect(reader.date(from: "2026-03-29 02:30") == instant(march29 + 3_600 + 30 * 60))  // = 03:30 CEST
        #expect(reader.date(from: "2026-03-29 03:00") == instant(march29 + 3_600))  // CEST
        let october25 = 1_792_886_400  // 2026-10-25 00:00 UTC
        #expect(reader.date(from: "2026-10-25 02:30") == instant(october25 + 30 * 60))  // CEST, the first
        #expect(reader.date(from: "2026-10-25 03:00") == instant(october25 + 2 * 3_600))  // CET
        let periods = Periods(.day, berlin)
        #expect(periods.period(of: "2026-10-25T22:59:59Z") == "2026-10-25")
        #expect(periods.period(of: "2026-10-25T23:00:00Z") == "2026-10-26")
    }

    /// ISO weeks: 2026-12-31 (Thursday) and 2027-01-01 (Friday) are in 2026's week 53; 2027's week 1 starts on Monday
    /// 2027-01-04, and 2026's on Monday 2025-12-29.
    @Test func weeksAcrossTheYearBoundary() {
        let periods = Periods(.week, utc)
        #expect(periods.period(of: "2026-12-31 23:59:59") == "2026-W53")
        #expect(periods.period(of: "2027-01-01") == "2026-W53")
        #expect(periods.period(of: "2027-01-03 23:59") == "2026-W53")
        #expect(periods.period(of: "2027-01-04") == "2027-W01")
        #expect(periods.period(of: "2025-12-28") == "2025-W52")
        #expect(periods.period(of: "2025-12-29") == "2026-W01")
        #expect(periods.period(of: "2021-01-03") == "2020-W53")
        #expect(TimeBucket.week.previous(of: "2027-W01", in: utc) == "2026-W53")
        #expect(TimeBucket.week.previous(of: "2026-W01", in: utc) == "2025-W52")
    }

    /// The last second of a month, east and west of UTC.
    @Test func monthsEndInTheirZone() {
        let tokyo = Periods(.month, zone("Asia/Tokyo"))
        #expect(tokyo.period(of: "2026-01-31T14:59:59Z") == "2026-01")
        #expect(tokyo.period(of: "2026-01-31T15:00:00Z") == "2026-02")
        #expect(tokyo.period(of: "2026-01-31 23:59:59") == "2026-01")
        let losAngeles = Periods(.month, zone("America/Los_Angeles"))
        #expect(losAngeles.period(of: "2026-02-01T07:59:59Z") == "2026-01")
        #expect(losAngeles.period(of: "2026-02-01T08:00:00Z") == "2026-02")
        #expect(losAngeles.period(of: "2026-06-30 23:59:59") == "2026-06")
        #expect(losAngeles.period(of: "2026-07-01T06:59:59Z") == "2026-06")
        #expect(losAngeles.period(of: "2026-07-01T07:00:00Z") == "2026-07")
    }

    @Test func ideographsSeparateParts() {
        let periods = Periods(.day, zone("Asia/Shanghai"))
        #expect(periods.period(of: "2026年3月14日") == "2026-03-14")
        #expect(periods.period(of: "2026年3月14日 23时30分") == "2026-03-14")
        #expect(periods.period(of: "２０２６-03-14") == nil)
        #expect(periods.period(of: "\u{3000}2026-03-14\u{3000}") == "2026-03-14")
    }
}
