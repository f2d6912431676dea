/// Conditions on the words around a cue, for cues whose meaning depends on context.
///
/// 快 is about speed in 上菜很快 but means "almost" in 快到了 or 快十点; "wait" is about service in "a long wait"
/// but not in "can't wait to come back". Rather than a special case in code, a cue line carries its conditions in
/// an optional fourth column, so an analyst can add or tighten them:
///
///     快	responsiveness	0.8	not-next:到|要|十|点
///     wait	responsiveness	0.7	not-prev:can't|cannot
///
/// Conditions are separated by `;` and must all hold. Alternatives are separated by `|`.
/// - `next:` / `not-next:` — the clause text right after the cue starts (does not start) with one alternative.
/// - `prev:` / `not-prev:` — the clause text right before the cue ends (does not end) with one alternative.
/// - `near:` / `not-near:` — the clause contains (does not contain) one alternative outside the cue.
/// Alphabetic alternatives match whole words; Chinese ones match characters. Spaces are ignored at the edges.
public struct CueContext: Sendable, Equatable {
    public enum Place: String, Sendable, Equatable, CaseIterable {
        case next, prev, near
    }

    public struct Condition: Sendable, Equatable {
        public var place: Place
        public var required: Bool
        public var alternatives: [String]

        public init(place: Place, required: Bool, alternatives: [String]) {
            self.place = place
            self.required = required
            self.alternatives = alternatives
        }
    }

    public var conditions: [Condition]

    public init(conditions: [Condition]) { self.conditions = conditions }

    /// Parses the context column; nil for an empty column. Throws the offending piece.
    public init?(parsing text: String) throws(CueContextError) {
        var conditions = [Condition]()
        for piece in text.split(separator: ";") {
            let trimmed = piece.trimmingSpaces
            guard !trimmed.isEmpty else { continue }
            guard let colon = trimmed.firstIndex(of: ":") else { throw CueContextError(piece: trimmed) }
            var name = String(trimmed[..<colon]).lowercased()
            var required = true
            if name.hasPrefix("not-") {
                required = false
                name.removeFirst(4)
            }
            guard let place = Place(rawValue: name) else { throw CueContextError(piece: trimmed) }
            let alternatives = trimmed[trimmed.index(after: colon)...].split(separator: "|")
                .map { LexiconTerm.fold(String($0)) }.filter { !$0.isEmpty }
            guard !alternatives.isEmpty else { throw CueContextError(piece: trimmed) }
            conditions.append(Condition(place: place, required: required, alternatives: alternatives))
        }
        guard !conditions.isEmpty else { return nil }
        self.conditions = conditions
    }

    /// Whether the cue's surroundings satisfy every condition. `before` and `after` are the folded clause text on
    /// each side of the cue.
    public func holds(before: String, after: String) -> Bool {
        let before = before.trimmingSpaces
        let after = after.trimmingSpaces
        // UTF-8 of each side, made once for every alphabetic `near` alternative.
        var beforeBytes: [UInt8]?
        var afterBytes: [UInt8]?
        for condition in conditions {
            let found = condition.alternatives.contains { alternative in
                switch condition.place {
                case .next: return Self.starts(after, with: alternative)
                case .prev: return Self.ends(before, with: alternative)
                case .near:
                    guard Self.isAlphabetic(alternative) else {
                        return before.contains(alternative) || after.contains(alternative)
                    }
                    if beforeBytes == nil { beforeBytes = Array(before.utf8) }
                    if Self.containsWord(beforeBytes!, alternative) { return true }
                    if afterBytes == nil { afterBytes = Array(after.utf8) }
                    return Self.containsWord(afterBytes!, alternative)
                }
            }
            if found != condition.required { return false }
        }
        return true
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27
    }

    private static func isAlphabetic(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    static func starts(_ text: String, with word: String) -> Bool {
        guard text.hasPrefix(word) else { return false }
        guard isAlphabetic(word) else { return true }
        let rest = text.utf8.dropFirst(word.utf8.count)
        return rest.first.map { !isWordByte($0) } ?? true
    }

    static func ends(_ text: String, with word: String) -> Bool {
        guard text.hasSuffix(word) else { return false }
        guard isAlphabetic(word) else { return true }
        let rest = text.utf8.dropLast(word.utf8.count)
        return rest.last.map { !isWordByte($0) } ?? true
    }

    static func contains(_ text: String, _ word: String) -> Bool {
        guard isAlphabetic(word) else { return text.contains(word) }
        return containsWord(Array(text.utf8), word)
    }

    /// Whether the ASCII `word` occurs in `bytes` as a whole word.
    static func containsWord(_ bytes: [UInt8], _ word: String) -> Bool {
        var word = word
        return word.withUTF8 { target in
            guard bytes.count >= target.count else { return false }
            for start in 0...(bytes.count - target.count) where target.isEmpty || bytes[start] == target[0] {
                var equal = true
                for offset in 1..<max(target.count, 1) where bytes[start + offset] != target[offset] {
                    equal = false
                    break
                }
                guard equal else { continue }
                let beforeOK = start == 0 || !isWordByte(bytes[start - 1])
                let afterOK = start + target.count == bytes.count || !isWordByte(bytes[start + target.count])
                if beforeOK && afterOK { return true }
            }
            return false
        }
    }
}

/// A context column that cannot be read, with the piece that failed.
public struct CueContextError: Error, Sendable, Equatable {
    public var piece: String
}

extension StringProtocol {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
