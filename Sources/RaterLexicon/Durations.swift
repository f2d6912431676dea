/// The words of a stated wait (kind `duration`: units, leads and markers) and the table that weighs one
/// (`WaitBounds`), held by the scoring matcher beside its terms.
///
/// Not terms of the matcher: as terms, units would take part in the longest-match cover and change what every other
/// term matches (分钟 inside the 0-valence 十分钟, 天 inside 天才), and ICU keeps a numeral and a one-character unit in
/// one word (三天). A stated duration is read only right after a wait word the matcher did find (等了, 排队,
/// "waited", "took"), from the bytes there, so the numbers are parsed only where a wait was named.
public struct Durations: Sendable {
    /// Spellings (folded UTF-8), longest first, so "half an hour" is tried before "hour" and 个小时 before 小时.
    private let units: [(spelling: [UInt8], minutes: Double)]
    private let leads: [[UInt8]]
    /// Words before the number that bound the wait from above (`DurationRole.bound`: 不到, "less than").
    private let limits: [[UInt8]]
    private let markers: [(spelling: [UInt8], marker: DurationMarker)]
    /// Wait words with other senses (`DurationRole.ambiguous`) and the words that may follow their duration.
    private let ambiguous: [[UInt8]]
    private let follows: [[UInt8]]
    /// Nouns naming a journey (`DurationRole.trip`): a wait word right after one times the trip, not a wait.
    private let trips: [[UInt8]]
    /// Contrast words ("but", "though"; kind `contrast`): one between a trip noun and a wait word opens another clause.
    private let turns: [[UInt8]]
    public let bounds: WaitBounds

    /// - Parameter entries: folded terms and their entries; those with a `duration` role are kept.
    public init(entries: [String: LexiconEntry], bounds: WaitBounds) {
        var units = [(spelling: [UInt8], minutes: Double)]()
        var leads = [[UInt8]]()
        var limits = [[UInt8]]()
        var markers = [(spelling: [UInt8], marker: DurationMarker)]()
        var ambiguous = [[UInt8]]()
        var follows = [[UInt8]]()
        var trips = [[UInt8]]()
        var turns = [[UInt8]]()
        for (term, entry) in entries where !term.isEmpty {
            if entry.contrast != nil { turns.append(Array(term.utf8)) }
            switch entry.duration {
            case let .unit(minutes)?: units.append((Array(term.utf8), minutes))
            case .lead?: leads.append(Array(term.utf8))
            case .bound?: limits.append(Array(term.utf8))
            case let .marker(marker)?: markers.append((Array(term.utf8), marker))
            case .ambiguous?: ambiguous.append(Array(term.utf8))
            case .follow?: follows.append(Array(term.utf8))
            case .trip?: trips.append(Array(term.utf8))
            case nil: break
            }
        }
        // Longest first, then in byte order, so the order does not depend on the dictionary's.
        func longestFirst(_ left: [UInt8], _ right: [UInt8]) -> Bool {
            left.count != right.count ? left.count > right.count : left.lexicographicallyPrecedes(right)
        }
        self.units = units.sorted { longestFirst($0.spelling, $1.spelling) }
        self.leads = leads.sorted(by: longestFirst)
        self.limits = limits.sorted(by: longestFirst)
        self.markers = markers.sorted { longestFirst($0.spelling, $1.spelling) }
        self.ambiguous = ambiguous.sorted(by: longestFirst)
        self.follows = follows.sorted(by: longestFirst)
        self.trips = trips.sorted(by: longestFirst)
        self.turns = turns.sorted(by: longestFirst)
        self.bounds = bounds
    }

    public init() {
        self.init(entries: [:], bounds: WaitBounds())
    }

    /// Whether any stated wait can be read: units and a table to weigh them.
    public var isEmpty: Bool { units.isEmpty || bounds.isEmpty }

    /// The duration stated right after a wait word that ends at `start`: leads (了, 足足, "for", "about"), a number
    /// (or none before a unit of several words, "half an hour"), a unit, and a marker if one follows (才, 就). Nil
    /// when no unit follows a number there. A wait word that is or ends with a marker ("served within": a limit met, so
    /// the wait was short to the customer) marks the duration when no marker follows it; `waitWord` is where it stands.
    /// After a wait word with other senses (`DurationRole.ambiguous`: 送了, 排了, "took") the duration must close its
    /// clause or be followed by a marker, a lead or a `follow` word: 送了一年的保修, "took a day trip" state no wait.
    public func read(after start: Int, in bytes: UnsafeBufferPointer<UInt8>, waitWord: Range<Int>? = nil)
        -> StatedDuration? {
        guard !isEmpty else { return nil }
        // "The flight took 11 hours", 飞行用时十一个小时: the wait word times the journey named before it.
        if let waitWord, !trips.isEmpty, timesATrip(waitWord, in: bytes) { return nil }
        var position = skipSpaces(bytes, from: start)
        // 等了足足, "waited for about", 等了还不到, "took us less than": a few leads and bounds in a row.
        var isBounded = false
        for _ in 0..<3 {
            if let lead = longest(leads.lazy.map { ($0, ()) }, in: bytes, at: position) {
                position = skipSpaces(bytes, from: lead.end)
            } else if let limit = longest(limits.lazy.map { ($0, ()) }, in: bytes, at: position) {
                isBounded = true
                position = skipSpaces(bytes, from: limit.end)
            } else {
                break
            }
        }
        // The wait word is the marker ("within") or ends with it after a space ("served within").
        let ownMarker = waitWord.flatMap { waitWord in
            markers.first {
                let count = $0.spelling.count
                return count <= waitWord.count
                    && DurationNumber.matches($0.spelling, in: bytes, at: waitWord.upperBound - count)
                    && (count == waitWord.count || bytes[waitWord.upperBound - count - 1] == 0x20)
            }?.marker
        }
        var number = DurationNumber.read(bytes, at: position)
        var unitStart = number.map { skipSpaces(bytes, from: $0.end) } ?? position
        // "a 40-minute wait": a hyphen may join the number to its unit.
        if number != nil, unitStart < bytes.count, bytes[unitStart] == UInt8(ascii: "-") { unitStart += 1 }
        let allUnits = units.lazy.map { ($0.spelling, $0.minutes) }
        var found = longest(allUnits, in: bytes, at: unitStart)
        // "half an hour" where "half an" read as a number and no "hour" unit is listed: the unit of several words
        // holds the number itself.
        if found == nil, number != nil, let whole = longest(allUnits, in: bytes, at: position) {
            (number, unitStart, found) = (nil, position, whole)
        }
        guard let unit = found else { return nil }
        // Without a number only a unit of several words states an amount ("half an hour"); "waited hours" is
        // an idiom the sentiment lexicon reads. After a wait word that is its own marker a bare unit is the limit
        // met ("answered within minutes": within a few minutes; it read the learned "minutes", −1.23).
        guard number != nil || unit.value.spelling.contains(0x20) || ownMarker != nil else { return nil }
        let minutes = (number?.value ?? 1) * unit.value.payload
        var end = unit.end
        var marker: DurationMarker?
        let markerStart = skipSpaces(bytes, from: end)
        if let found = longest(markers.lazy.map { ($0.spelling, $0.marker) }, in: bytes, at: markerStart) {
            marker = found.value.payload
            end = found.end
        } else if let waitWord {
            marker = ownMarker
            if isAmbiguous(waitWord, in: bytes), !isClosedOrFollowed(bytes, at: skipSpaces(bytes, from: end)) {
                return nil
            }
        }
        // 等了不到十分钟, "took less than 5 minutes": a bounded wait was short to the customer.
        if marker == nil, isBounded { marker = .quick }
        return StatedDuration(minutes: minutes, start: number == nil ? unitStart : position, end: end,
                              marker: marker)
    }

    /// The weight of a stated wait: its marker's, else its length's (nil below the table's first row).
    public func valence(of duration: StatedDuration) -> Double? {
        if let marker = duration.marker { return bounds.valence(of: marker) }
        return bounds.valence(minutes: duration.minutes)
    }

    /// Whether a trip noun (`DurationRole.trip`) stands right before the wait word at `range` as its subject. In
    /// Latin script the noun opens its clause, after at most two words ("the", "our whole"), with at most three words
    /// between it and the wait word and none of them a contrast word: "the *flight* took", "our *train ride* to the
    /// coast took"; not "a refund for the flight took 3 weeks" (the refund took them) nor "the flight was late but
    /// boarding took 2 hours". In Chinese at most two Han characters stand between (飞行用时, 车程共耗时).
    private func timesATrip(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func wordStart(before end: Int) -> Int {
            var start = end
            while start > 0, Self.isLetter(bytes[start - 1]) || (bytes[start - 1] >= 0x30 && bytes[start - 1] <= 0x39)
                || bytes[start - 1] == 0x27 || bytes[start - 1] == 0x2D {
                start -= 1
            }
            return start
        }
        // Whether at most two words stand between `start` and the clause's opening (the text's start or punctuation).
        func opensClause(_ start: Int) -> Bool {
            var position = start
            for _ in 0...1 {
                while position > 0, bytes[position - 1] == 0x20 { position -= 1 }
                let word = wordStart(before: position)
                if word == position { return true }
                position = word
            }
            while position > 0, bytes[position - 1] == 0x20 { position -= 1 }
            return wordStart(before: position) == position
        }
        func tripEnds(at end: Int) -> Bool {
            trips.contains { trip in
                guard trip.count <= end, DurationNumber.matches(trip, in: bytes, at: end - trip.count) else { return false }
                let start = end - trip.count
                guard trip.first.map(Self.isLetter) ?? false else { return true }
                // A Latin trip noun must start a word ("flight", not "inflight") and open its clause.
                return (start == 0 || !Self.isLetter(bytes[start - 1])) && opensClause(start)
            }
        }
        var end = range.lowerBound
        if range.lowerBound < bytes.count, bytes[range.lowerBound] < 0x80 {
            // Back over spaces, then up to three more words (letters, digits, apostrophes, hyphens).
            for _ in 0...3 {
                while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
                if tripEnds(at: end) { return true }
                let start = wordStart(before: end)
                guard start < end else { return false }
                // "but", "though" open another clause: its topic is not what the wait word times.
                if turns.contains(where: { $0.count == end - start && DurationNumber.matches($0, in: bytes, at: start) }) {
                    return false
                }
                end = start
            }
            return false
        }
        // Chinese: up to two Han characters (three bytes each in UTF-8) between.
        for _ in 0...2 {
            if tripEnds(at: end) { return true }
            guard end >= 3, (0x4E00...0x9FFF).contains(UTF8Scalar.decode(bytes, at: end - 3).value) else { return false }
            end -= 3
        }
        return false
    }

    /// Whether the wait word at `range` is one with other senses (`DurationRole.ambiguous`).
    private func isAmbiguous(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ambiguous.contains { $0.count == range.count && DurationNumber.matches($0, in: bytes, at: range.lowerBound) }
    }

    /// Whether the duration of an ambiguous wait word ends its clause at `position` (the end of the text, punctuation,
    /// a symbol or an emoji) or a lead or `follow` word stands there ("to arrive", 的队, 了). A word or character of
    /// anything else (一年*的保修*, 一个月*会员*, "a day *trip*", "a week *off*") makes the duration qualify a noun.
    private func isClosedOrFollowed(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard position < bytes.count else { return true }
        let byte = bytes[position]
        if byte < 0x80 {
            let isWordByte = Self.isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
            if !isWordByte { return true }
        } else {
            let scalar = UTF8Scalar.decode(bytes, at: position).value
            // CJK and general punctuation, full-width forms, symbols and emoji.
            if (0x2000...0x2BFF).contains(scalar) || (0x3000...0x303F).contains(scalar)
                || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF65).contains(scalar) || scalar >= 0x1F000 {
                return true
            }
        }
        let candidates = (leads + follows).lazy.map { ($0, ()) }
        return longest(candidates, in: bytes, at: position) != nil
    }

    private func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Int {
        var position = position
        while position < bytes.count, bytes[position] == 0x20 { position += 1 }
        return position
    }

    /// The longest spelling standing at `position`; a spelling that ends in a Latin letter must end a word there
    /// ("min" is not the start of "mind").
    private func longest<Payload>(_ candidates: some Sequence<([UInt8], Payload)>, in bytes: UnsafeBufferPointer<UInt8>,
                                  at position: Int) -> (value: (spelling: [UInt8], payload: Payload), end: Int)? {
        for (spelling, payload) in candidates where DurationNumber.matches(spelling, in: bytes, at: position) {
            let end = position + spelling.count
            if let last = spelling.last, Self.isLetter(last), end < bytes.count, Self.isLetter(bytes[end]) { continue }
            return ((spelling, payload), end)
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
}

/// A duration stated after a wait word: its length, where its words stand in the folded text (from the number,
/// or the unit when there is none, to the unit's end or the marker's), and the marker after it, if any.
public struct StatedDuration: Sendable, Equatable {
    public var minutes: Double
    public var start: Int
    public var end: Int
    public var marker: DurationMarker?

    public init(minutes: Double, start: Int, end: Int, marker: DurationMarker? = nil) {
        self.minutes = minutes
        self.start = start
        self.end = end
        self.marker = marker
    }
}
