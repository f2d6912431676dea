import Foundation

/// A named time zone's offsets from UTC, asked of Foundation once an hour of time and remembered: reading the dates
/// of a million comments, most of them in a few thousand hours, then costs a dictionary look-up a date instead of
/// a `Calendar` computation.
///
/// Exact, not an approximation: an hour is remembered with one offset only when the zone keeps that offset through
/// the whole hour (checked at both ends; time zones change their offset months apart, never twice in an hour). An
/// hour in which the offset changes (a DST change, a zone's change of standard time) is remembered as such, and its
/// dates are worked out by the zone's calendar as before, gaps and repeated hours resolved as Foundation resolves
/// them. Wall-clock hours are keyed apart from UTC hours, since a DST change makes them different hours.
struct ZoneOffsets: Sendable {
    let timeZone: TimeZone
    /// Gregorian, in the zone: for the hours where the offset changes.
    let calendar: Calendar
    /// UTC hour (seconds since 1970 / 3,600, rounded down) → the zone's offset throughout it, or `changes`.
    private var utcHours: [Int: Int] = [:]
    /// Wall-clock hour → the offset `Calendar.date(from:)` reads every wall-clock time of that hour with, or `changes`.
    private var wallClockHours: [Int: Int] = [:]
    private static let changes = Int.min
    /// Hours remembered (of each kind) before starting afresh: 65,536 hours are seven years of data (a few MB), and
    /// dates scattered over centuries cannot grow the memory without bound.
    let capacity: Int
    static let standardCapacity = 1 << 16

    init(timeZone: TimeZone, capacity: Int = standardCapacity) {
        precondition(capacity >= 1, "one hour or more")
        self.timeZone = timeZone
        self.capacity = capacity
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The zone's offset at the instant `seconds` (whole seconds since 1970, UTC); nil if the offset changes in that
    /// hour.
    mutating func offset(atUTC seconds: Int) -> Int? {
        let hour = WallClockTime.floorDivision(seconds, 3_600)
        if let known = utcHours[hour] { return known == Self.changes ? nil : known }
        let start = hour * 3_600
        let first = offset(at: start)
        let offset = first == self.offset(at: start + 3_599) ? first : Self.changes
        remember(offset, hour: hour, in: &utcHours)
        return offset == Self.changes ? nil : offset
    }

    /// The offset that places the wall-clock time `seconds` (as if in UTC) in time, as `Calendar.date(from:)` places
    /// it; nil if the offset changes in or at the end of that hour.
    ///
    /// The hour's start and end are placed by the calendar; the offset holds for the hour when they are 3,600
    /// seconds apart and the zone has that offset at both and at the last second before the end. Then every
    /// wall-clock time of the hour has one reading (a repeated hour is read all one way, the calendar's way).
    mutating func offset(atWallClock seconds: Int) -> Int? {
        let hour = WallClockTime.floorDivision(seconds, 3_600)
        if let known = wallClockHours[hour] { return known == Self.changes ? nil : known }
        let start = hour * 3_600
        var offset = Self.changes
        if let first = instant(ofWallClock: start), let end = instant(ofWallClock: start + 3_600), end - first == 3_600,
           self.offset(at: first) == start - first, self.offset(at: first + 3_599) == start - first,
           self.offset(at: end) == start + 3_600 - end {
            offset = start - first
        }
        remember(offset, hour: hour, in: &wallClockHours)
        return offset == Self.changes ? nil : offset
    }

    /// How many hours are remembered now (both kinds).
    var rememberedHours: Int { utcHours.count + wallClockHours.count }

    private func offset(at seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }

    private func instant(ofWallClock seconds: Int) -> Int? {
        guard let date = calendar.date(from: WallClockTime(seconds: seconds).components) else { return nil }
        return WallClockTime.flooredSeconds(of: date)
    }

    private func remember(_ offset: Int, hour: Int, in hours: inout [Int: Int]) {
        if hours.count >= capacity { hours.removeAll(keepingCapacity: true) }
        hours[hour] = offset
    }
}
