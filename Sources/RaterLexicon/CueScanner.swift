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
///
/// Every layer follows these rules on its own (see `CueMatcher`); one walk per position serves all of them.
public struct CueScanner: Sendable {
    public let matcher: CueMatcher
    /// Single characters that may share an ICU word with a one-character cue: degree words and negators.
    private let modifiers: Set<UInt32>

    /// - Parameter modifierCharacters: one-character modifier terms (很, 太, 不 …), usually the degree words and
    ///   negators of the scoring lexicon.
    public init(matcher: CueMatcher, modifierCharacters: Set<UInt32>) {
        self.matcher = matcher
        self.modifiers = modifierCharacters
    }

    /// Each layer's matches, in order and non-overlapping within the layer; a match's entry indexes its layer's
    /// `CueMatcher.Layer.entries`.
    public func scan(_ text: SegmentedText) -> [[TermMatch]] {
        let layerCount = matcher.layerCount
        var matches = [[TermMatch]](filledWith: [], count: layerCount)
        let tokens = text.tokens
        guard !tokens.isEmpty, layerCount > 0 else { return matches }
        let byteCount = text.folded.count
        // A constant once built: the closure below captures it, and a captured `var` costs a dynamic exclusivity
        // check on every read.
        let isTokenEnd = MatchScanner.tokenEnds(tokens, byteCount: byteCount)
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
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * layerCount) { scratch in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: layerCount) { entries in
                    // positions[layer]: that layer never matches before this offset (its matches do not overlap).
                    let positions = UnsafeMutableBufferPointer(rebasing: scratch[0..<layerCount])
                    let ends = UnsafeMutableBufferPointer(rebasing: scratch[layerCount..<(2 * layerCount)])
                    positions.update(repeating: 0)
                    for (index, token) in tokens.enumerated() {
                        let start = Int(token.start)
                        let end = Int(token.end)
                        switch token.kind {
                        case .whitespace, .lineBreak:
                            continue
                        case .ideographic:
                            var offset = start
                            while offset < end {
                                if positions.contains(where: { $0 <= offset }) {
                                    matcher.longestMatches(in: bytes, from: offset, limit: byteCount,
                                                           acceptEnd: isCharacterStart, ends: ends, entries: entries)
                                    for layer in 0..<layerCount where positions[layer] <= offset && entries[layer] >= 0 {
                                        let isSingle = nextCharacter(offset) == ends[layer]
                                        if !isSingle
                                            || onlyModifiersAround(start, end, cueStart: offset, cueEnd: ends[layer]) {
                                            matches[layer].append(TermMatch(start: Int32(offset), end: Int32(ends[layer]),
                                                                            token: Int32(index), entry: entries[layer]))
                                            positions[layer] = ends[layer]
                                        }
                                    }
                                }
                                offset = nextCharacter(offset)
                            }
                            for layer in 0..<layerCount { positions[layer] = max(positions[layer], end) }
                        default:
                            guard positions.contains(where: { $0 <= start }) else { continue }
                            matcher.longestMatches(in: bytes, from: start, limit: byteCount,
                                                   acceptEnd: { isTokenEnd[$0] }, ends: ends, entries: entries)
                            for layer in 0..<layerCount where positions[layer] <= start && entries[layer] >= 0 {
                                matches[layer].append(TermMatch(start: Int32(start), end: Int32(ends[layer]),
                                                                token: Int32(index), entry: entries[layer]))
                                positions[layer] = ends[layer]
                            }
                        }
                    }
                }
            }
        }
        return matches
    }
}
