import Foundation

/// Splits a comment's text into plain runs and marked runs: the words that moved its score, by polarity, and the
/// cue words that placed it in a dimension.
///
/// Terms are matched in the text case-insensitively; longer terms win over the shorter ones inside them, and a
/// character is marked at most once (sentiment terms before cues, since the polarity is what the analyst checks).
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

    public static func runs(_ text: String, marks: [Mark]) -> [Run] {
        var taken = [Range<String.Index>: Mark]()
        var covered = [Range<String.Index>]()
        // Sentiment terms first, then cues; within each, longest first.
        let ordered = marks.enumerated().sorted { lhs, rhs in
            let lhsCue = lhs.element.kind == .cue, rhsCue = rhs.element.kind == .cue
            if lhsCue != rhsCue { return !lhsCue }
            if lhs.element.needle.count != rhs.element.needle.count {
                return lhs.element.needle.count > rhs.element.needle.count
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
        for mark in ordered where !mark.needle.trimmingCharacters(in: .whitespaces).isEmpty {
            var start = text.startIndex
            while start < text.endIndex,
                  let range = text.range(of: mark.needle, options: [.caseInsensitive], range: start..<text.endIndex) {
                if !covered.contains(where: { $0.overlaps(range) }) && isWholeWord(range, in: text) {
                    taken[range] = mark
                    covered.append(range)
                }
                start = range.upperBound
            }
        }
        var runs = [Run]()
        var position = text.startIndex
        for range in covered.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if position < range.lowerBound { runs.append(Run(text: String(text[position..<range.lowerBound]), mark: nil)) }
            runs.append(Run(text: String(text[range]), mark: taken[range]))
            position = range.upperBound
        }
        if position < text.endIndex { runs.append(Run(text: String(text[position...]), mark: nil)) }
        return runs
    }

    /// Latin terms match whole words only ("bad" is not marked inside "badge"); Chinese has no spaces, so a Han
    /// term matches anywhere.
    static func isWholeWord(_ range: Range<String.Index>, in text: String) -> Bool {
        func isWordCharacter(_ character: Character) -> Bool {
            character.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
                && !character.unicodeScalars.contains { $0.properties.isIdeographic }
        }
        if range.lowerBound > text.startIndex, let first = text[range].first, isWordCharacter(first),
           isWordCharacter(text[text.index(before: range.lowerBound)]) {
            return false
        }
        if range.upperBound < text.endIndex, let last = text[range].last, isWordCharacter(last),
           isWordCharacter(text[range.upperBound]) {
            return false
        }
        return true
    }
}
