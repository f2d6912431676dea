import RaterCore
import RaterSegment

/// Finds cue words (dimension, aspect and signal terms) in a comment, independently of the sentiment terms.
///
/// Cues are matched on their own so that a sentiment phrase (环境不错, "rude staff") never hides the cue inside
/// it, and so that adding a cue never changes sentiment. Longest match first, non-overlapping:
/// - Alphabetic text: a cue starts at a token start and ends at a token end ("wait staff" across two tokens,
///   never "wait" inside "waiter").
/// - Han text: a cue of two or more characters matches anywhere (its length makes it specific). A one-character
///   cue (快, 慢, 贵) matches only when the rest of its ICU word is particles or modifiers (很快, 太贵了): inside
///   快乐 or 愉快 it is part of another word. Context conditions on the cue line do the rest (快到了 is "almost").
public struct CueScanner: Sendable {
    public let matcher: TermMatcher
    /// Single characters that may share an ICU word with a one-character cue: degree words and negators.
    private let modifiers: Set<UInt32>

    /// - Parameter modifierCharacters: one-character modifier terms (很, 太, 不 …), usually the degree words and
    ///   negators of the scoring lexicon.
    public init(matcher: TermMatcher, modifierCharacters: Set<UInt32>) {
        self.matcher = matcher
        self.modifiers = modifierCharacters
    }

    public func scan(_ text: SegmentedText) -> [TermMatch] {
        let tokens = text.tokens
        guard !tokens.isEmpty else { return [] }
        let byteCount = text.folded.count
        var isTokenEnd = [Bool](filledWith: false, count: byteCount + 1)
        for token in tokens { isTokenEnd[Int(token.end)] = true }
        var matches = [TermMatch]()
        text.folded.withUnsafeBufferPointer { bytes in
            func isCharacterStart(_ offset: Int) -> Bool { offset >= byteCount || bytes[offset] & 0xC0 != 0x80 }
            func nextCharacter(_ offset: Int) -> Int {
                var next = offset + 1
                while !isCharacterStart(next) { next += 1 }
                return next
            }
            /// Whether every character of start..<end other than the cue at cueStart..<cueEnd is a particle or
            /// a modifier.
            func onlyModifiersAround(_ start: Int, _ end: Int, cueStart: Int, cueEnd: Int) -> Bool {
                var offset = start
                while offset < end {
                    if offset == cueStart {
                        offset = cueEnd
                        continue
                    }
                    let scalar = UTF8Scalar.decode(bytes, at: offset).value
                    guard modifiers.contains(scalar) || MatchScanner.isParticle(bytes, at: offset) else { return false }
                    offset = nextCharacter(offset)
                }
                return true
            }
            var position = 0
            for (index, token) in tokens.enumerated() {
                let start = Int(token.start)
                let end = Int(token.end)
                guard end > position else { continue }
                switch token.kind {
                case .whitespace, .lineBreak:
                    continue
                case .ideographic:
                    var offset = max(position, start)
                    while offset < end {
                        if let match = matcher.longestMatch(in: bytes, from: offset, limit: byteCount,
                                                            acceptEnd: isCharacterStart) {
                            let isSingle = nextCharacter(offset) == match.end
                            if !isSingle || onlyModifiersAround(start, end, cueStart: offset, cueEnd: match.end) {
                                matches.append(TermMatch(start: Int32(offset), end: Int32(match.end),
                                                         token: Int32(index), entry: match.entry))
                                offset = match.end
                                continue
                            }
                        }
                        offset = nextCharacter(offset)
                    }
                    position = max(position, offset)
                default:
                    guard start >= position,
                          let match = matcher.longestMatch(in: bytes, from: start, limit: byteCount,
                                                           acceptEnd: { isTokenEnd[$0] }) else { continue }
                    matches.append(TermMatch(start: Int32(start), end: Int32(match.end), token: Int32(index),
                                             entry: match.entry))
                    position = match.end
                }
            }
        }
        return matches
    }
}
