import RaterCore
import RaterSegment
import Testing

@testable import RaterLexicon

/// The cue scanner walks one trie for all layers; these tests pin it to scanning each layer with its own matcher.
@Suite struct CueScannerTests {
    /// Overlapping layers: terms shared between layers, terms that are prefixes or inner parts of another layer's
    /// terms, one-character cues and multi-word English cues.
    private static let layers: [[String]] = [
        ["服务", "服务态度", "快", "态度", "exactly as described", "slow"],
        ["服务态", "务", "乐", "快", "slow service", "as described"],
        ["很快", "快乐", "服", "as described", "described", "度"],
    ]

    private static func scanner() -> (CueScanner, [TermMatcher]) {
        let sources = layers.map { terms in
            Dictionary(uniqueKeysWithValues: terms.map { ($0, LexiconEntry(valence: 1)) })
        }
        let modifiers: Set<UInt32> = ["很", "不"].map { $0.unicodeScalars.first!.value }.reduce(into: []) { $0.insert($1) }
        return (CueScanner(matcher: CueMatcher(layers: sources), modifierCharacters: modifiers),
                sources.map { TermMatcher(entries: $0) })
    }

    /// Every text of up to four pieces over an alphabet of Chinese characters, English words, spaces and
    /// punctuation: the layered scan finds exactly what each layer's own scan finds.
    @Test func oneWalkFindsWhatEachLayerFindsAlone() throws {
        let pieces = ["服", "务", "很", "快", "乐", "态", "度", " ", "exactly ", "as ", "described", "slow", "。"]
        let (scanner, matchers) = Self.scanner()
        let segmenter = try Segmenter()
        var texts = [""]
        var frontier = [""]
        for _ in 1...4 {
            frontier = frontier.flatMap { prefix in pieces.map { prefix + $0 } }
            texts += frontier
        }
        var found = 0
        for text in texts {
            let segmented = try segmenter.segment(text)
            let layered = scanner.scan(segmented)
            #expect(layered.count == matchers.count)
            for (layer, matcher) in matchers.enumerated() {
                let alone = Self.scanAlone(segmented, matcher: matcher, modifiers: ["很", "不"])
                #expect(layered[layer] == alone, "\(text) layer \(layer)")
                found += alone.count
            }
        }
        #expect(found > 50_000)  // the texts do hold cues, in every layer
    }

    @Test func aLongerCueInOneLayerDoesNotHideAShorterOneInAnother() throws {
        let (scanner, _) = Self.scanner()
        let segmented = try Segmenter().segment("Exactly as described")
        let layered = scanner.scan(segmented)
        let found = layered.enumerated().map { layer, matches in
            matches.map { scanner.matcher.layers[layer].terms[Int($0.entry)] }
        }
        #expect(found == [["exactly as described"], ["as described"], ["as described"]])
    }

    @Test func oneCharacterCueNeedsModifiersAroundIt() throws {
        let (scanner, _) = Self.scanner()
        func quoted(_ text: String, layer: Int) throws -> [String] {
            let segmented = try Segmenter().segment(text)
            return scanner.scan(segmented)[layer].map { segmented.text($0.byteRange) }
        }
        #expect(try quoted("很快", layer: 0) == ["快"])
        #expect(try quoted("很快", layer: 2) == ["很快"])
        // 快乐 is one ICU word: 快 alone would be part of another word.
        #expect(try quoted("快乐", layer: 0) == [])
        #expect(try quoted("快乐", layer: 2) == ["快乐"])
    }

    @Test func emptyTextHasAnEmptyListPerLayer() throws {
        let (scanner, _) = Self.scanner()
        #expect(scanner.scan(try Segmenter().segment("")) == [[], [], []])
    }

    /// The scan of one layer with its own trie, as the scanner worked before the layers shared one: the reference
    /// the shared walk must reproduce.
    private static func scanAlone(_ text: SegmentedText, matcher: TermMatcher, modifiers: Set<Character>)
        -> [TermMatch]
    {
        let tokens = text.tokens
        let byteCount = text.folded.count
        var isTokenEnd = [Bool](repeating: false, count: byteCount + 1)
        for token in tokens { isTokenEnd[Int(token.end)] = true }
        let frozenTokenEnds = isTokenEnd
        var matches = [TermMatch]()
        text.folded.withUnsafeBufferPointer { bytes in
            func isCharacterStart(_ offset: Int) -> Bool { offset >= byteCount || bytes[offset] & 0xC0 != 0x80 }
            func nextCharacter(_ offset: Int) -> Int {
                var next = offset + 1
                while !isCharacterStart(next) { next += 1 }
                return next
            }
            func character(at offset: Int) -> Character {
                Character(String(decoding: bytes[offset..<nextCharacter(offset)], as: UTF8.self))
            }
            func onlyModifiersAround(_ start: Int, _ end: Int, cueStart: Int, cueEnd: Int) -> Bool {
                var offset = start
                while offset < end {
                    if offset == cueStart {
                        offset = cueEnd
                        continue
                    }
                    guard modifiers.contains(character(at: offset)) || MatchScanner.isParticle(bytes, at: offset)
                    else { return false }
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
                                                            acceptEnd: isCharacterStart),
                           nextCharacter(offset) != match.end
                            || onlyModifiersAround(start, end, cueStart: offset, cueEnd: match.end) {
                            matches.append(TermMatch(start: Int32(offset), end: Int32(match.end), token: Int32(index),
                                                     entry: match.entry))
                            offset = match.end
                            continue
                        }
                        offset = nextCharacter(offset)
                    }
                    position = max(position, offset)
                default:
                    guard start >= position,
                          let match = matcher.longestMatch(in: bytes, from: start, limit: byteCount,
                                                           acceptEnd: { frozenTokenEnds[$0] }) else { continue }
                    matches.append(TermMatch(start: Int32(start), end: Int32(match.end), token: Int32(index),
                                             entry: match.entry))
                    position = match.end
                }
            }
        }
        return matches
    }
}
