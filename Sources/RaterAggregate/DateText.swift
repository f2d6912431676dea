import Foundation

/// What a date cell says, before a time zone is applied: an instant (Unix time), or a wall-clock time with the
/// offset it carries (nil: none, so it is read in the run's time zone).
///
/// Read from the cell's UTF-8 bytes, without the `String`s and `Character`s the reader used to make (trimmed copy,
/// `/` replaced, split into parts): those were most of a date's cost once the `Calendar` was made only once. The
/// rules are the ones `DateReader` documents, kept to the letter, quirks included (the offset is the digits after
/// the last `+`, `-` or `/` beyond the tenth character, whatever stands between them; any character but an ASCII
/// digit or `.` separates parts). Cells of ASCII and CJK ideographs (`2026年3月14日`) are read byte by byte; a cell
/// with other characters (full-width digits, combining marks, non-ASCII spaces) goes through `Character`s as
/// before, since grapheme clusters and Unicode's spaces and numbers decide its reading there.
enum DateText: Sendable, Equatable {
    case instant(Date)
    case wallClock(WallClockTime, offset: Int?)

    init?(_ text: String) {
        var text = text
        let reading = text.withUTF8 { Self.read($0) }
        switch reading {
        case let .read(date): self = date
        case .unreadable: return nil
        case .unusual:
            guard let date = Self.readCharacters(text) else { return nil }
            self = date
        }
    }

    private enum Reading {
        case read(DateText)
        case unreadable
        /// Characters the byte reading does not cover.
        case unusual
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        // Only ASCII and CJK ideographs (U+4E00–U+9FFF: three bytes, leads E4–E9): neither whitespace nor able to
        // join a neighbour into one grapheme cluster, so each is one character that separates parts.
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            guard (0xE4...0xE9).contains(byte), index + 2 < bytes.count else { return .unusual }
            let scalar = (Int(byte & 0x0F) << 12) | (Int(bytes[index + 1] & 0x3F) << 6) | Int(bytes[index + 2] & 0x3F)
            guard (0x4E00...0x9FFF).contains(scalar) else { return .unusual }
            index += 3
        }
        // `.whitespaces` in ASCII: space and tab.
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return .unreadable }

        if (start..<end).allSatisfy({ isDigit(bytes[$0]) }) {
            // Unix time: 9 or 10 digits are seconds, 13 milliseconds.
            var number = 0
            for position in start..<end where end - start <= 13 { number = number * 10 + Int(bytes[position] &- 0x30) }
            switch end - start {
            case 9, 10: return .read(.instant(Date(timeIntervalSince1970: Double(number))))
            case 13: return .read(.instant(Date(timeIntervalSince1970: Double(number) / 1_000)))
            default: return .unreadable
            }
        }

        var offset: Int?
        var bodyEnd = end
        if bytes[end - 1] == UInt8(ascii: "Z") {
            offset = 0
            bodyEnd = end - 1
        } else if let sign = lastOffsetSign(bytes, start, end) {
            // An offset after the time: +08:00, +0800, -05 (its digits, whatever stands between them).
            var value = 0
            var count = 0
            for position in (sign + 1)..<end {
                let byte = bytes[position]
                if byte >= 0x80 { return .unusual }  // an ideograph may be a number to `Character.isNumber`
                guard isDigit(byte) else { continue }
                if count < 4 { value = value * 10 + Int(byte &- 0x30) }
                count += 1
            }
            let hours: Int
            var minutes = 0
            switch count {
            case 4: (hours, minutes) = (value / 100, value % 100)
            case 2: hours = value
            default: return .unreadable
            }
            // Real offsets run from −12:00 to +14:00.
            guard hours <= 14, minutes < 60 else { return .unreadable }
            offset = (bytes[sign] == UInt8(ascii: "+") ? 1 : -1) * (hours * 3_600 + minutes * 60)
            bodyEnd = sign
        }

        // The parts: runs of ASCII digits and points. A date, a date with hours and minutes, or with seconds too.
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: 6) { parts in
            var count = 0
            var position = start
            while position < bodyEnd {
                guard isDigit(bytes[position]) || bytes[position] == UInt8(ascii: ".") else { position += 1; continue }
                let partStart = position
                while position < bodyEnd, isDigit(bytes[position]) || bytes[position] == UInt8(ascii: ".") {
                    position += 1
                }
                guard count < 6 else { return .unreadable }
                parts.initializeElement(at: count, to: partStart..<position)
                count += 1
            }
            guard [3, 5, 6].contains(count), let year = integer(bytes, parts[0]), let month = integer(bytes, parts[1]),
                  let day = integer(bytes, parts[2]), (1900...9999).contains(year), (1...12).contains(month),
                  (1...WallClockTime.days(inMonth: month, of: year)).contains(day) else { return .unreadable }
            var time = WallClockTime(year: year, month: month, day: day)
            if count >= 5 {
                guard let hour = integer(bytes, parts[3]), let minute = integer(bytes, parts[4]),
                      (0...23).contains(hour), (0...59).contains(minute) else { return .unreadable }
                (time.hour, time.minute) = (hour, minute)
                if count == 6 {
                    guard let second = seconds(bytes, parts[5]) else { return .unreadable }
                    time.second = second
                }
            }
            return .read(.wallClock(time, offset: offset))
        }
    }

    /// Where the offset's sign stands: the last `+`, `-` or `/` (read as `-`) more than ten characters in.
    private static func lastOffsetSign(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var sign: Int?
        var characters = 0
        var position = start
        while position < end {
            let byte = bytes[position]
            if characters > 10, byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") {
                sign = position
            }
            // One character: an ideograph's three bytes, and CR LF (one grapheme cluster).
            if byte >= 0x80 {
                position += 3
            } else if byte == 0x0D, position + 1 < end, bytes[position + 1] == 0x0A {
                position += 2
            } else {
                position += 1
            }
            characters += 1
        }
        return sign
    }

    /// A part of digits as a number; nil with a point in it. Numbers too long for `Int` saturate, which every
    /// range check refuses, as it refuses the `Int` they could not become.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>) -> Int? {
        var value = 0
        for position in part {
            let byte = bytes[position]
            guard isDigit(byte) else { return nil }
            value = min(value * 10 + Int(byte &- 0x30), 1 << 40)
        }
        return value
    }

    /// The seconds part: below 60, fractions dropped. With a point it is read as `Double` reads it, so that
    /// `59.99999999999999999` is the 60 it rounds to and refused, and `58.99999999999999999` is 59.
    private static func seconds(_ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>) -> Int? {
        if let whole = integer(bytes, part) { return whole < 60 ? whole : nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[part]), as: UTF8.self)
        guard let second = Double(text), second >= 0, second < 60 else { return nil }
        return Int(second)
    }

    /// The reading through `Character`s, for cells with characters beyond ASCII and CJK ideographs: the reader's
    /// code before it read bytes, less the `Calendar`.
    static func readCharacters(_ text: String) -> DateText? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard let number = Double(trimmed) else { return nil }
            switch trimmed.utf8.count {
            case 9, 10: return .instant(Date(timeIntervalSince1970: number))
            case 13: return .instant(Date(timeIntervalSince1970: number / 1_000))
            default: return nil
            }
        }
        var body = Substring(trimmed.replacingOccurrences(of: "/", with: "-"))
        var offset: Int?
        if body.hasSuffix("Z") {
            offset = 0
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
            offset = sign * (hours * 3_600 + minutes * 60)
            body = body[..<signIndex]
        }
        let numbers = body.split { !$0.isASCII || (!$0.isNumber && $0 != ".") }.map(String.init)
        guard [3, 5, 6].contains(numbers.count), let year = Int(numbers[0]), let month = Int(numbers[1]),
              let day = Int(numbers[2]), (1900...9999).contains(year), (1...12).contains(month),
              (1...WallClockTime.days(inMonth: month, of: year)).contains(day) else { return nil }
        var time = WallClockTime(year: year, month: month, day: day)
        if numbers.count >= 5 {
            guard let hour = Int(numbers[3]), let minute = Int(numbers[4]), (0...23).contains(hour),
                  (0...59).contains(minute) else { return nil }
            (time.hour, time.minute) = (hour, minute)
            if numbers.count == 6 {
                guard let second = Double(numbers[5]), second >= 0, second < 60 else { return nil }
                time.second = Int(second)
            }
        }
        return .wallClock(time, offset: offset)
    }
}
