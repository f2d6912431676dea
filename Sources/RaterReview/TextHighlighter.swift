import Foundation

/// Splits a comment's text into plain runs and marked runs: the words that moved its score, by polarity, and the
/// cue words that placed it in a dimension.
///
/// Terms are matched in the text case-insensitively, character by character (a term never matches part of a
/// character, such as the 🔥 inside the ❤️‍🔥 sequence); longer terms win over the shorter ones inside them, and
/// a character is marked at most once (sentiment terms before cues, since the polarity is what the analyst checks).
///
/// Comments are untrusted and may be large (a comment repeating one term thousands of times), so the work is
/// bounded: each distinct term is searched once, coverage is a per-character bitmap, and the number of marks,
/// of distinct terms and of search steps are capped; past a cap the rest of the text stays plain.
public enum TextHighlighter {
    public enum Kind: String, Sendable {
        case positive
        case negative
        case neutral
        case cue
    }

    public struct Mark: Sendable, Equatable {
        public var needle: String
        public var kind: Kind
        /// Shown on hover: the term's base weight and the rules that changed it.
        public var title: String

        public init(needle: String, kind: Kind, title: String) {
            self.needle = needle
            self.kind = kind
            self.title = title
        }
    }

    public struct Run: Sendable, Equatable {
        public var text: String
        /// nil for plain text.
        public var mark: Mark?
    }

    /// The runs of one comment, and whether a limit stopped the marking early.
    public struct Highlight: Sendable, Equatable {
        public var runs: [Run]
        /// True when a limit (marks, distinct terms or search steps) left some occurrences unmarked.
        public var isTruncated: Bool
        /// Search steps taken: candidate positions visited plus characters compared and marked. For tests.
        var work: Int
    }

    /// At most this many marks in one comment.
    public static let markLimit = 500
    /// At most this many distinct terms are searched for in one comment (the highest priority ones).
    public static let needleLimit = 256

    /// The search-step budget for a text of `characters` characters: linear in the text. A genuine comment stays
    /// far below it (each term visits only the positions where its first character occurs).
    static func workBudget(characters: Int) -> Int { 16 * characters + 100_000 }

    public static func runs(_ text: String, marks: [Mark]) -> [Run] { highlight(text, marks: marks).runs }

    public static func highlight(_ text: String, marks: [Mark], limit: Int = markLimit) -> Highlight {
        let folded = FoldedText(text)
        let count = folded.ids.count

        // One needle per distinct term (as folded characters), keeping the mark that comes first in priority
        // order: sentiment terms before cues, longer before shorter, then the order given. A duplicate could never
        // mark anything the first had not (it finds the same occurrences), so dropping it changes nothing.
        var best = [[Int]: (mark: Mark, offset: Int, isCue: Bool, length: Int)]()
        for (offset, mark) in marks.enumerated() where !mark.needle.trimmingCharacters(in: .whitespaces).isEmpty {
            // A needle with a character the text does not have cannot match.
            guard let key = folded.needleIDs(mark.needle) else { continue }
            let isCue = mark.kind == .cue
            if let existing = best[key], existing.isCue == isCue || !existing.isCue { continue }
            best[key] = (mark, offset, isCue, key.count)
        }
        let ordered = best.sorted { lhs, rhs in
            if lhs.value.isCue != rhs.value.isCue { return !lhs.value.isCue }
            if lhs.value.length != rhs.value.length { return lhs.value.length > rhs.value.length }
            return lhs.value.offset < rhs.value.offset
        }
        var isTruncated = ordered.count > needleLimit

        var covered = [Bool](repeating: false, count: count)
        var accepted = [(start: Int, length: Int, mark: Mark)]()
        var work = 0
        let budget = workBudget(characters: count)
        search: for (needle, entry) in ordered.prefix(needleLimit) {
            let length = needle.count
            // Leftmost occurrences, each search resuming after the previous occurrence (accepted or not).
            var resume = 0
            var position = folded.first(needle[0])
            while let candidate = position {
                work += 1
                if work > budget { isTruncated = true; break search }
                position = folded.next(candidate)
                guard candidate >= resume else { continue }
                guard candidate + length <= count else { break }
                var index = 1
                while index < length && folded.ids[candidate + index] == needle[index] { index += 1 }
                work += index
                guard index == length else { continue }
                resume = candidate + length
                work += length
                guard !covered[candidate..<resume].contains(true), folded.isWholeWord(candidate, length) else { continue }
                if accepted.count >= limit { isTruncated = true; break search }
                for offset in candidate..<resume { covered[offset] = true }
                accepted.append((candidate, length, entry.mark))
            }
        }

        var runs = [Run]()
        var position = 0
        for match in accepted.sorted(by: { $0.start < $1.start }) {
            if position < match.start { runs.append(Run(text: folded.text(position..<match.start), mark: nil)) }
            runs.append(Run(text: folded.text(match.start..<match.start + match.length), mark: match.mark))
            position = match.start + match.length
        }
        if position < count { runs.append(Run(text: folded.text(position..<count), mark: nil)) }
        return Highlight(runs: runs, isTruncated: isTruncated, work: work)
    }

    /// A text as a sequence of characters, each folded to lower case and numbered (equal folded characters, equal
    /// numbers), with where each character starts in the UTF-8 and the next position of the same character.
    struct FoldedText {
        let source: String
        /// Per character: its folded form's number. ASCII letters and digits are their lower-case byte.
        private(set) var ids = [Int]()
        /// Per character, and one past the end: its UTF-8 offset.
        private var offsets = [Int]()
        /// Per character: the next position holding the same folded character, or -1.
        private var nextSame = [Int]()
        /// Per folded character number: its first position, or -1.
        private var firstSame = [Int]()
        private var numbers = [String: Int]()

        init(_ text: String) {
            source = text
            ids.reserveCapacity(text.utf8.count)
            offsets.reserveCapacity(text.utf8.count + 1)
            var offset = 0
            for character in text {
                offsets.append(offset)
                offset += character.utf8.count
                switch Self.fold(character) {
                case let .ascii(number):
                    ids.append(number)
                case let .other(key):
                    if let known = numbers[key] {
                        ids.append(known)
                    } else {
                        numbers[key] = 128 + numbers.count
                        ids.append(128 + numbers.count - 1)
                    }
                }
            }
            offsets.append(offset)
            firstSame = [Int](repeating: -1, count: 128 + numbers.count)
            nextSame = [Int](repeating: -1, count: ids.count)
            for position in ids.indices.reversed() {
                nextSame[position] = firstSame[ids[position]]
                firstSame[ids[position]] = position
            }
        }

        private enum Folded {
            case ascii(Int)
            case other(String)
        }

        /// A character in lower case: an ASCII byte (without building a string), or the lower-cased text.
        private static func fold(_ character: Character) -> Folded {
            if character.utf8.count == 1, let byte = character.utf8.first { return .ascii(lowerASCII(byte)) }
            let key = character.lowercased()
            if key.utf8.count == 1, let byte = key.utf8.first { return .ascii(lowerASCII(byte)) }
            return .other(key)
        }

        private static func lowerASCII(_ byte: UInt8) -> Int {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? Int(byte) + 32 : Int(byte)
        }

        /// A needle's characters as numbers, or nil when one of them is nowhere in the text.
        func needleIDs(_ needle: String) -> [Int]? {
            var result = [Int]()
            for character in needle {
                let number: Int
                switch Self.fold(character) {
                case let .ascii(byte): number = byte
                case let .other(key):
                    guard let known = numbers[key] else { return nil }
                    number = known
                }
                guard firstSame[number] >= 0 else { return nil }
                result.append(number)
            }
            return result.isEmpty ? nil : result
        }

        func first(_ number: Int) -> Int? {
            let position = firstSame[number]
            return position >= 0 ? position : nil
        }

        func next(_ position: Int) -> Int? {
            let following = nextSame[position]
            return following >= 0 ? following : nil
        }

        private func index(_ position: Int) -> String.Index {
            source.utf8.index(source.utf8.startIndex, offsetBy: offsets[position])
        }

        func text(_ positions: Range<Int>) -> String {
            String(source[index(positions.lowerBound)..<index(positions.upperBound)])
        }

        private func character(_ position: Int) -> Character { source[index(position)] }

        /// Latin terms match whole words only ("bad" is not marked inside "badge"); Chinese has no spaces, so a
        /// Han term matches anywhere.
        func isWholeWord(_ start: Int, _ length: Int) -> Bool {
            let end = start + length
            if start > 0, Self.isWordCharacter(character(start)), Self.isWordCharacter(character(start - 1)) {
                return false
            }
            if end < ids.count, Self.isWordCharacter(character(end - 1)), Self.isWordCharacter(character(end)) {
                return false
            }
            return true
        }

        static func isWordCharacter(_ character: Character) -> Bool {
            character.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
                && !character.unicodeScalars.contains { $0.properties.isIdeographic }
        }
    }
}
