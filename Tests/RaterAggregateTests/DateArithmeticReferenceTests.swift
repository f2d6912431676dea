import Foundation
import RaterTestSupport
import Testing

@testable import RaterAggregate

/// The arithmetic against the `Calendar` computation it replaced (`CalendarReference`), over thousands of generated
/// date cells in zones east and west, with and without DST, around their offset changes and at random: every
/// date and every day, week and month label must be the same.
@Suite struct DateArithmeticReferenceTests {
    /// Hours remembered are forgotten past the capacity, and the readings stay right.
    @Test func offsetsForgottenPastTheCapacity() {
        var offsets = ZoneOffsets(timeZone: zone("America/New_York"), capacity: 3)
        for hour in 0..<10 {
            #expect(offsets.offset(atUTC: 1_772_928_000 + hour * 3_600) == (hour < 7 ? -5 * 3_600 : -4 * 3_600))
            #expect(offsets.rememberedHours <= 6)
        }
        #expect(offsets.offset(atUTC: 1_772_928_000 + 7 * 3_600 - 1) == -5 * 3_600)
    }

    static let zones = ["UTC", "Asia/Shanghai", "America/New_York", "Europe/Berlin", "America/Santiago",
                        "Australia/Lord_Howe", "Asia/Kolkata", "America/St_Johns", "Pacific/Apia", "Asia/Kathmandu",
                        "Europe/London", "Australia/Sydney"]

    /// Wall-clock texts around a zone's offset changes of 1995–2030, every 10 minutes from 3 hours before to 3 after.
    static func textsAroundChanges(in timeZone: TimeZone) -> [String] {
        var texts = [String]()
        var after = Date(timeIntervalSince1970: 788_918_400)  // 1995-01-01
        var changes = 0
        while let change = timeZone.nextDaylightSavingTimeTransition(after: after), change.timeIntervalSince1970 < 1.9e9,
              changes < 12 {
            changes += 1
            after = change.addingTimeInterval(86_400 * 200)
            let seconds = Int(change.timeIntervalSince1970)
            for step in stride(from: -3 * 3_600, through: 3 * 3_600, by: 600) {
                for offset in [0, timeZone.secondsFromGMT(for: change), timeZone.secondsFromGMT(for: change - 7_200)] {
                    let time = WallClockTime(seconds: seconds + step + offset)
                    texts.append(format(time, style: step / 600))
                }
                texts.append(String(seconds + step))
                texts.append(String(seconds + step) + "999")
            }
        }
        return texts
    }

    static func format(_ time: WallClockTime, style: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = "\(time.year)-\(two(time.month))-\(two(time.day))"
        switch ((style % 6) + 6) % 6 {
        case 0: return "\(date) \(two(time.hour)):\(two(time.minute))"
        case 1: return "\(date)T\(two(time.hour)):\(two(time.minute)):\(two(time.second))"
        case 2: return date
        case 3: return "\(time.year)/\(time.month)/\(time.day) \(time.hour):\(two(time.minute)):\(two(time.second)).5"
        case 4: return "\(date)T\(two(time.hour)):\(two(time.minute))Z"
        default: return "\(date) \(two(time.hour)):\(two(time.minute)):\(two(time.second))+0530"
        }
    }

    /// Random cells: dates of 1900–2299 in every format, Unix seconds and milliseconds, and broken ones.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix(seed: seed)
        func pick(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        let pieces = ["-", "/", " ", "T", ":", ".", "+", "Z", "年", "月", "日", "\r\n", "\t", "0", "9", "12", "60", "+08",
                      "-0500", "\u{3000}", "１", "\u{301}", "a"]
        var texts = [String]()
        for _ in 0..<count {
            let seconds = pick(400 * 365 * 86_400) - 70 * 365 * 86_400
            let time = WallClockTime(seconds: seconds)
            var text: String
            switch pick(5) {
            case 0: text = String(seconds)
            case 1: text = String(seconds) + String(format: "%03d", pick(1_000))
            default: text = format(time, style: pick(6))
            }
            if pick(4) == 0 {
                // Break it: replace, insert or delete a character.
                var characters = Array(text)
                let at = pick(characters.count)
                switch pick(3) {
                case 0: characters.replaceSubrange(at...at, with: Array(pieces[pick(pieces.count)]))
                case 1: characters.insert(contentsOf: pieces[pick(pieces.count)], at: at)
                default: characters.remove(at: at)
                }
                text = String(characters)
            }
            texts.append(text)
        }
        return texts
    }

    @Test(arguments: zones)
    func sameDatesAndLabelsAsTheCalendar(_ identifier: String) {
        let timeZone = zone(identifier)
        let texts = Self.textsAroundChanges(in: timeZone)
            + Self.randomTexts(count: 1_500, seed: UInt64(identifier.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        let reader = DateReader(timeZone: timeZone)
        var periods = TimeBucket.allCases.map { PeriodReader(bucket: $0, timeZone: timeZone) }
        var readable = 0
        for text in texts {
            let expected = CalendarReference.date(from: text, timeZone: timeZone)
            #expect(reader.date(from: text) == expected, "\(identifier) '\(text)'")
            if expected != nil { readable += 1 }
            for index in periods.indices {
                let bucket = periods[index].bucket
                let label = expected.map { CalendarReference.label(bucket, of: $0, in: timeZone) }
                #expect(periods[index].period(of: text) == label, "\(identifier) \(bucket) '\(text)'")
                if let date = expected {
                    #expect(bucket.label(of: date, in: timeZone) == label, "\(identifier) \(bucket) '\(text)'")
                }
            }
        }
        #expect(readable > texts.count / 2)
    }

    @Test func previousPeriodsAsTheCalendar() {
        for identifier in ["UTC", "America/New_York", "Pacific/Apia", "Asia/Shanghai"] {
            let timeZone = zone(identifier)
            let calendar = TimeBucket.calendar(timeZone)
            for bucket in TimeBucket.allCases {
                for label in ["2026-03-08", "2011-12-31", "2026-W01", "2027-W01", "2026-W53", "2026-01", "2026-13",
                              "2026-02-30", "2011-W52", "2012-W01", "nonsense"] {
                    #expect(bucket.previous(of: label, calendar: calendar)
                        == CalendarReference.previous(bucket, of: label, in: timeZone), "\(identifier) \(bucket) \(label)")
                }
            }
        }
    }

    /// The reference itself, pinned: a comparison with a broken reference must not pass.
    @Test func theReferenceIsTheCalendar() {
        let newYork = zone("America/New_York")
        #expect(CalendarReference.date(from: "2026-11-01 01:30", timeZone: newYork) == instant(1_793_511_000))
        #expect(CalendarReference.date(from: "2026-02-30", timeZone: newYork) == nil)
        #expect(CalendarReference.label(.week, of: instant(1_798_761_600), in: zone("UTC")) == "2026-W53")
        #expect(CalendarReference.label(.day, of: instant(1_798_761_600), in: newYork) == "2026-12-31")
    }
}
