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
/// - Han text, overlaps: a cue that starts inside the layer's last match and runs on beyond it, longer than that match,
///   replaces it (客服说会核实: the promise 说会 would hide the pending check 会核实, which says more). A compound
///   matched only to keep cues out of it (`CueTerms.Layer.isBlocker`) is never replaced, but it does replace, as any
///   longer match does, a cue it starts inside and runs on beyond, so that cue is lost: the cue crosses into an
///   ordinary word the lexicon lists as one, and reads across a word boundary (新手续费 is 新 + 手续费, "the new handling
///   fee", not the "novice" 新手 of the assurance cue). `LexiconScanner` then drops the compound's match, and
///   neither reads anything in that layer.
///
/// Every layer follows these rules on its own (see `CueTerms`); the walks come from the scan's `WalkTable`, where
/// the cue layers follow the scoring layer.
enum CueScanner {
    /// Each cue layer's matches, in order and non-overlapping within the layer; a match's entry indexes its layer's
    /// `CueTerms.Layer.entries`.
    /// - Parameter modifiers: single characters that may share an ICU word with a one-character cue: the degree
    ///   words and negators (很, 太, 不 …).
    /// - Parameter isBlocker: per layer, whether an entry is a blocker (`CueTerms.Layer.isBlocker`); empty when none is.
    /// - Parameter kept: arrays to fill in place, emptied first (a worker's `ScanScratch.cueMatches`).
    static func scan(_ tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, table: WalkTable, cueLayers: Range<Int>,
                     modifiers: Set<UInt32>, isBlocker: [[Bool]] = [],
                     reusing kept: consuming [[TermMatch]] = []) -> [[TermMatch]] {
        let layerCount = cueLayers.count
        var reused = consume kept
        if reused.count == layerCount {
            for layer in 0..<layerCount { reused[layer].removeAll(keepingCapacity: true) }
        } else {
            reused = [[TermMatch]](filledWith: [], count: layerCount)
        }
        guard !tokens.isEmpty, layerCount > 0 else { return reused }
        let byteCount = bytes.count
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
        func isBlocked(_ match: TermMatch, layer: Int) -> Bool {
            layer < isBlocker.count && !isBlocker[layer].isEmpty && isBlocker[layer][Int(match.entry)]
        }
        // The table's bits for the cue layers.
        let cueMask = Int32((1 << cueLayers.upperBound) - (1 << cueLayers.lowerBound))
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: layerCount) { positions in
            // positions[layer]: that layer never matches before this offset (its matches do not overlap).
            positions.update(repeating: 0)
            // The matches live inside the closure: captured from outside it, every append paid a dynamic
            // exclusivity check.
            var matches = [[TermMatch]]()
            swap(&matches, &reused)
            func record(_ match: TermMatch, inLayer layer: Int) {
                // A layer's first cue makes room for several: grown one at a time from empty, a comment's cues cost
                // an allocation and a copy each.
                if matches[layer].capacity == 0 { matches[layer].reserveCapacity(8) }
                matches[layer].append(match)
            }
            for (index, token) in tokens.enumerated() {
                let start = Int(token.start)
                let end = Int(token.end)
                switch token.kind {
                case .whitespace, .lineBreak, .address:
                    continue
                case .ideographic:
                    var offset = start
                    while offset < end {
                        let mask = table.layerMask(at: offset)
                        guard mask & cueMask != 0 else {
                            offset = nextCharacter(offset)
                            continue
                        }
                        for layer in 0..<layerCount where mask & Int32(1 << (cueLayers.lowerBound + layer)) != 0 {
                            guard let match = table.longest(at: offset, layer: cueLayers.lowerBound + layer) else {
                                continue
                            }
                            if positions[layer] > offset {
                                // Inside the layer's last match: a longer cue running on beyond it replaces it,
                                // unless the last match is a compound; a compound replaces a cue, by design (above).
                                guard match.end > positions[layer], let last = matches[layer].last,
                                      Int(last.start) < offset, Int(last.end) == positions[layer],
                                      match.end - offset > Int(last.end) - Int(last.start),
                                      !isBlocked(last, layer: layer) else { continue }
                                matches[layer][matches[layer].count - 1] = TermMatch(
                                    start: Int32(offset), end: Int32(match.end), token: Int32(index), entry: match.entry)
                                positions[layer] = match.end
                                continue
                            }
                            let isSingle = nextCharacter(offset) == match.end
                            if !isSingle || onlyModifiersAround(start, end, cueStart: offset, cueEnd: match.end) {
                                record(TermMatch(start: Int32(offset), end: Int32(match.end), token: Int32(index),
                                                 entry: match.entry), inLayer: layer)
                                positions[layer] = match.end
                            }
                        }
                        offset = nextCharacter(offset)
                    }
                    for layer in 0..<layerCount { positions[layer] = max(positions[layer], end) }
                default:
                    guard table.layerMask(at: start) & cueMask != 0 else { continue }
                    for layer in 0..<layerCount where positions[layer] <= start {
                        guard let match = table.longest(at: start, layer: cueLayers.lowerBound + layer) else {
                            continue
                        }
                        record(TermMatch(start: Int32(start), end: Int32(match.end), token: Int32(index),
                                         entry: match.entry), inLayer: layer)
                        positions[layer] = match.end
                    }
                }
            }
            return matches
        }
    }
}
