import RaterNormalize

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
/// - `later:` / `not-later:` — the clause text after the cue contains (does not contain) one alternative: a word
///   that closes a phrase with words between, as "again" closes "won't be buying anything from them again", where
///   a negator or modal before the verb still governs it.
/// Alphabetic alternatives match whole words; Chinese ones match characters. Spaces are ignored at the edges. A
/// `prev:` alternative starting with an apostrophe is a contraction's tail and may end a word ("'ll definitely" in
/// "we'll definitely be back", "'d" in "I'd go back"): the modal is written once for every subject.
public struct CueContext: Sendable, Equatable {
    public enum Place: String, Sendable, Equatable, CaseIterable {
        case next, prev, near, later
    }

    public struct Condition: Sendable, Equatable {
        public let place: Place
        public let required: Bool
        public let alternatives: [String]
        /// The alternatives' UTF-8 for the byte search, made once here rather than on every check.
        let words: [Word]
        /// Every alternative is non-empty `SingleScalarText`, so the byte search agrees with the `String` one.
        let isSingleScalar: Bool
        /// `words` by first byte, for the `near:` and `later:` search.
        let leads: LeadIndex

        struct Word: Sendable, Equatable {
            let bytes: [UInt8]
            let isAlphabetic: Bool
            /// The first and last byte (0 for an empty word): a `next:` alternative can start the text after the
            /// cue, or a `prev:` one end the text before it, only where that byte is there. A `prev:` condition of
            /// forty modals ("will", "would", "'ll", "plan to" …) is checked on every loyalty verb ("use", "stay",
            /// "order"), and a byte compared first rejects nearly all of them without a closure and a buffer each.
            let first: UInt8
            let last: UInt8

            init(_ alternative: String) {
                bytes = Array(alternative.utf8)
                isAlphabetic = alternative.utf8.allSatisfy { $0 < 0x80 }
                first = bytes.first ?? 0
                last = bytes.last ?? 0
            }
        }

        public init(place: Place, required: Bool, alternatives: [String]) {
            self.place = place
            self.required = required
            self.alternatives = alternatives
            words = alternatives.map(Word.init)
            isSingleScalar = alternatives.allSatisfy { !$0.isEmpty && SingleScalarText.accepts($0) }
            leads = LeadIndex(words)
        }
    }

    public let conditions: [Condition]
    private let isSingleScalar: Bool

    public init(conditions: [Condition]) {
        self.conditions = conditions
        isSingleScalar = conditions.allSatisfy(\.isSingleScalar)
    }

    /// Parses the context column; nil for an empty column. Throws the offending piece.
    ///
    /// The column is normalised as comments are first (`Normalizer.normalizeEntry`), so full-width separators
    /// (`；`, `｜`, `：`, typed with a Chinese input method) separate, and Traditional alternatives match.
    public init?(parsing text: String) throws(CueContextError) {
        var conditions = [Condition]()
        let text = Normalizer.normalizeEntry(text)
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
        self.init(conditions: conditions)
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
                case .later:
                    guard Self.isAlphabetic(alternative) else { return after.contains(alternative) }
                    if afterBytes == nil { afterBytes = Array(after.utf8) }
                    return Self.containsWord(afterBytes!, alternative)
                }
            }
            if found != condition.required { return false }
        }
        return true
    }

    /// `holds(before:after:)` on the folded UTF-8 of each side, without a `String` per side when the bytes and
    /// every alternative are `SingleScalarText` (then byte prefixes, suffixes and searches are exactly the
    /// `String` ones); anything else goes through the `String` path.
    public func holds(before: UnsafeBufferPointer<UInt8>, after: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isSingleScalar, SingleScalarText.accepts(before), SingleScalarText.accepts(after) else {
            return holds(before: String(decoding: before, as: UTF8.self), after: String(decoding: after, as: UTF8.self))
        }
        // Without carriage returns every space and tab is a character of its own, so this is `trimmingSpaces`.
        let before = Self.trimmingSpaces(before)
        let after = Self.trimmingSpaces(after)
        for condition in conditions {
            let found: Bool
            // The place is switched on once per condition, not once per alternative.
            switch condition.place {
            case .next:
                guard let lead = after.first else { found = false; break }
                found = condition.words.contains { word in
                    word.first == lead && Self.starts(after, with: word.bytes, alphabetic: word.isAlphabetic)
                }
            case .prev:
                guard let tail = before.last else { found = false; break }
                found = condition.words.contains { word in
                    word.last == tail && Self.ends(before, with: word.bytes, alphabetic: word.isAlphabetic)
                }
            case .near:
                found = condition.leads.occurs(in: before) || condition.leads.occurs(in: after)
            case .later:
                found = condition.leads.occurs(in: after)
            }
            if found != condition.required { return false }
        }
        return true
    }

    /// Whether the non-empty `word` starts `text`, a whole word when alphabetic.
    private static func starts(_ text: UnsafeBufferPointer<UInt8>, with word: [UInt8], alphabetic: Bool) -> Bool {
        guard text.count >= word.count, text[..<word.count].elementsEqual(word) else { return false }
        return !alphabetic || text.count == word.count || !isWordByte(text[word.count])
    }

    /// Whether `text` ends with the non-empty `word`, a whole word when alphabetic unless the word is a contraction's
    /// tail ("'ll").
    private static func ends(_ text: UnsafeBufferPointer<UInt8>, with word: [UInt8], alphabetic: Bool) -> Bool {
        let rest = text.count - word.count
        guard rest >= 0, text[rest...].elementsEqual(word) else { return false }
        return !alphabetic || rest == 0 || word[0] == 0x27 || !isWordByte(text[rest - 1])
    }

    private static func trimmingSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var low = 0
        var high = bytes.count
        while low < high && (bytes[low] == 0x20 || bytes[low] == 0x09) { low += 1 }
        while high > low && (bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09) { high -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[low..<high])
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x27
    }

    private static func isAlphabetic(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    static func starts(_ text: String, with word: String) -> Bool {
        guard text.hasPrefix(word) else { return false }
        guard isAlphabetic(word) else { return true }
        let rest = text.utf8.dropFirst(word.utf8.count)
        return rest.first.map { !isWordByte($0) } ?? true
    }

    /// Whether `text` ends with `word`, a whole word when alphabetic. An alternative starting with an apostrophe is a
    /// contraction's tail ("'ll", "'d") and ends a word: "we'll definitely" ends with "'ll definitely".
    static func ends(_ text: String, with word: String) -> Bool {
        guard text.hasSuffix(word) else { return false }
        guard isAlphabetic(word), !word.hasPrefix("'") else { return true }
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
        return word.withUTF8 { target in bytes.withUnsafeBufferPointer { containsWord($0, target) } }
    }

    /// Whether the ASCII `target` occurs in `bytes` as a whole word.
    static func containsWord(_ bytes: UnsafeBufferPointer<UInt8>, _ target: UnsafeBufferPointer<UInt8>) -> Bool {
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
