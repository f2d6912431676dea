import RaterCore
import RaterSegment
import RaterTestSupport
import Testing

@testable import RaterLexicon

/// The lexicon scanner walks one trie for the scoring terms and every cue layer; these tests pin it to the scoring
/// matcher's own scan and to scanning each cue layer with its own trie.
@Suite struct LexiconScannerTests {
    /// Overlapping layers: terms shared between layers, terms that are prefixes or inner parts of another layer's
    /// terms, one-character cues and multi-word English cues.
    private static let layers: [[String]] = [
        ["服务", "服务态度", "快", "态度", "exactly as described", "slow"],
        ["服务态", "务", "乐", "快", "slow service", "as described"],
        ["很快", "快乐", "服", "as described", "described", "度"],
    ]
    /// Scoring terms overlapping the cues, with one-character terms for the cover rule (很 + 快 + 了), and 好服,
    /// which crosses ICU's word boundary in 很好|服务: a cover of 很好 must stop at the word's end (很 + 好).
    private static let scoringTerms = ["很", "快", "乐", "快乐", "很快", "不", "好", "好服", "服务态度好", "slow",
                                       "not slow", "described", "度"]

    private static func scanner() -> (LexiconScanner, [TermMatcher]) {
        let sources = layers.map { terms in
            Dictionary(uniqueKeysWithValues: terms.map { ($0, LexiconEntry(valence: 1)) })
        }
        let scoring = TermMatcher(entries: Dictionary(uniqueKeysWithValues: scoringTerms.map {
            ($0, LexiconEntry(valence: 1))
        }))
        let modifiers: Set<UInt32> = ["很", "不"].map { $0.unicodeScalars.first!.value }.reduce(into: []) { $0.insert($1) }
        return (LexiconScanner(scoring: scoring, cues: CueTerms(layers: sources), modifierCharacters: modifiers),
                sources.map { TermMatcher(entries: $0) })
    }

    /// Every text of up to four pieces over an alphabet of Chinese characters, English words, spaces and
    /// punctuation: the one walk finds exactly what the scoring matcher finds alone and what each cue layer finds
    /// alone.
    @Test func oneWalkFindsWhatEachLayerFindsAlone() throws {
        let pieces = ["服", "务", "很", "不", "快", "乐", "态", "度", "好", "了", " ", "exactly ", "as ", "described", "slow",
                      "not ", "。"]
        let (scanner, matchers) = Self.scanner()
        let segmenter = try Segmenter()
        var texts = [""]
        var frontier = [""]
        for _ in 1...4 {
            frontier = frontier.flatMap { prefix in pieces.map { prefix + $0 } }
            texts += frontier
        }
        var found = 0
        var scored = 0
        for text in texts {
            let segmented = try segmenter.segment(text)
            let scan = scanner.scan(segmented)
            let scoringAlone = scanner.scoring.matches(in: segmented)
            #expect(scan.scoring == scoringAlone, "\(text) scoring")
            scored += scoringAlone.count
            #expect(scan.cues.count == matchers.count)
            for (layer, matcher) in matchers.enumerated() {
                let alone = Self.scanAlone(segmented, matcher: matcher, modifiers: ["很", "不"])
                #expect(scan.cues[layer] == alone, "\(text) layer \(layer)")
                found += alone.count
            }
        }
        // The texts do hold terms and cues, in every layer.
        #expect(found > 100_000)
        #expect(scored > 100_000)
    }

    /// A worker reuses one scratch for all its comments, longer and shorter ones in any order: what a comment's scan
    /// finds must not depend on what the tables held before (token ends of a longer comment, rows of another).
    @Test func aReusedScratchFindsWhatAFreshOneFinds() throws {
        let (scanner, _) = Self.scanner()
        let segmenter = try Segmenter()
        let words = ["exactly as described", "slow service", "not slow", "described", "as", "x", "服务态度好", "很快乐",
                     "不好服务", "度", "。", " "]
        // Deterministic texts of 0 to 40 pieces, long and short interleaved so that a table always last held a
        // comment of another length with other token ends.
        var generator = SplitMix(seed: 7)
        var texts = [String]()
        for round in 0..<400 {
            let length = round.isMultiple(of: 2) ? 30 + Int(generator.next() % 11) : Int(generator.next() % 6)
            texts.append((0..<length).map { _ in words[Int(generator.next() % UInt64(words.count))] }
                .joined(separator: generator.next() % 3 == 0 ? "" : " "))
        }
        let scratch = ScanScratch()
        var found = 0
        for text in texts {
            let segmented = try segmenter.segment(text)
            let reused = scanner.scan(segmented, scratch: scratch)
            let fresh = scanner.scan(segmented)
            #expect(reused.scoring == fresh.scoring, "\(text)")
            #expect(reused.cues == fresh.cues, "\(text)")
            found += fresh.scoring.count + fresh.cues.joined().count
        }
        #expect(found > 5_000)
    }

    /// A long comment's tables are given back at the next shorter comment's scan, so a worker does not keep them;
    /// a short comment's are kept for the next. Either way the scan finds what a fresh scratch finds.
    @Test func aScratchKeepsOnlyShortCommentsTables() throws {
        let (scanner, _) = Self.scanner()
        let segmenter = try Segmenter()
        let scratch = ScanScratch()
        let short = try segmenter.segment("服务态度好, not slow")
        let long = try segmenter.segment(String(repeating: "服务态度好，很快乐。exactly as described ", count: 3_000))
        #expect(long.folded.count > 100_000)
        for text in [short, long, long, short, long, short] {
            #expect(scanner.scan(text, scratch: scratch).cues == scanner.scan(text).cues)
            #expect(scanner.scan(text, scratch: scratch).scoring == scanner.scan(text).scoring)
            let capacities = scratch.capacities
            if text.folded.count < 1_000 {
                #expect(capacities.allSatisfy { $0 > 0 && $0 <= ScanScratch.keptCapacity }, "\(capacities)")
            }
        }
    }

    /// The match lists handed back with `keep` are refilled by the next scan in place; a result still held (kept
    /// here, as `rater explain` keeps an analysis) is not overwritten by the scans after it.
    @Test func keptMatchListsAreReusedWithoutChangingHeldResults() throws {
        let (scanner, _) = Self.scanner()
        let segmenter = try Segmenter()
        let scratch = ScanScratch()
        var held = [(LexiconMatches, LexiconMatches)]()
        for text in ["服务态度好, not slow", "很快乐", "", "exactly as described 服务态度好", "不好服务", "slow service"] {
            let segmented = try segmenter.segment(text)
            let reused = scanner.scan(segmented, scratch: scratch)
            let fresh = scanner.scan(segmented)
            #expect(reused.scoring == fresh.scoring, "\(text)")
            #expect(reused.cues == fresh.cues, "\(text)")
            scratch.keep(reused)
            held.append((reused, fresh))
        }
        for (reused, fresh) in held {
            #expect(reused.scoring == fresh.scoring)
            #expect(reused.cues == fresh.cues)
        }
        let last = try segmenter.segment("服务态度好, not slow")
        scratch.keep(scanner.scan(last, scratch: scratch))
        #expect(scratch.matchCapacities.count == 1 + scanner.cues.layers.count)
        #expect(scratch.matchCapacities.allSatisfy { $0 > 0 }, "\(scratch.matchCapacities)")
    }

    /// Ideographic words with combining marks (two bytes each), variation selectors and four-byte ideographs have
    /// more or fewer walk starts than three bytes apiece; the scan still agrees with the scoring matcher's own.
    @Test func unusualCharactersInIdeographicWords() throws {
        let (scanner, _) = Self.scanner()
        let segmenter = try Segmenter()
        for text in ["好\u{0301}\u{0301}\u{0301}\u{0301}快乐", "很快\u{FE0F}了", "𠀀好𠀁很快", "快\u{0301}乐 很好服务",
                     String(repeating: "很\u{0300}", count: 200) + "快乐"] {
            let segmented = try segmenter.segment(text)
            #expect(scanner.scan(segmented).scoring == scanner.scoring.matches(in: segmented), "\(text)")
        }
    }

    @Test func aLongerCueInOneLayerDoesNotHideAShorterOneInAnother() throws {
        let (scanner, _) = Self.scanner()
        let segmented = try Segmenter().segment("Exactly as described")
        let found = scanner.scan(segmented).cues.enumerated().map { layer, matches in
            matches.map { scanner.cues.layers[layer].terms[Int($0.entry)] }
        }
        #expect(found == [["exactly as described"], ["as described"], ["as described"]])
    }

    @Test func oneCharacterCueNeedsModifiersAroundIt() throws {
        let (scanner, _) = Self.scanner()
        func quoted(_ text: String, layer: Int) throws -> [String] {
            let segmented = try Segmenter().segment(text)
            return scanner.scan(segmented).cues[layer].map { segmented.text($0.byteRange) }
        }
        #expect(try quoted("很快", layer: 0) == ["快"])
        #expect(try quoted("很快", layer: 2) == ["很快"])
        // 快乐 is one ICU word: 快 alone would be part of another word.
        #expect(try quoted("快乐", layer: 0) == [])
        #expect(try quoted("快乐", layer: 2) == ["快乐"])
    }

    /// 客服说会核实: the promise 说会 is the longest cue at 说, but the longer pending check 会核实 starts inside it and runs
    /// on beyond it, and says more: it replaces 说会. A shorter or equally long cue inside does not, nor does any cue
    /// replace a compound that only keeps cues out of itself.
    @Test func aLongerCueRunningOnBeyondTheLastReplacesIt() throws {
        func cues(_ text: String, layer terms: [String: LexiconEntry]) throws -> [String] {
            let scanner = LexiconScanner(scoring: TermMatcher(entries: [:]), cues: CueTerms(layers: [terms]),
                                         modifierCharacters: [])
            let segmented = try Segmenter().segment(text)
            return scanner.scan(segmented).cues[0].map { segmented.text(Int($0.start)..<Int($0.end)) }
        }
        let cue = LexiconEntry(valence: 1)
        var blocker = LexiconEntry()
        blocker.isCompound = true
        #expect(try cues("客服说会核实", layer: ["说会": cue, "会核实": cue]) == ["会核实"])
        #expect(try cues("说会核实退款", layer: ["说会": cue, "会核实": cue, "退款": cue]) == ["会核实", "退款"])
        #expect(try cues("客服说会退", layer: ["说会": cue, "会退": cue]) == ["说会"])
        // The blocker is matched and then dropped (`LexiconScanner`); the cue inside it stays out.
        #expect(try cues("手续费用", layer: ["手续费": blocker, "续费用": cue]) == [])
    }

    @Test func emptyTextHasAnEmptyListPerLayer() throws {
        let (scanner, _) = Self.scanner()
        let scan = scanner.scan(try Segmenter().segment(""))
        #expect(scan.scoring.isEmpty)
        #expect(scan.cues == [[], [], []])
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
                switch token.kind {
                case .whitespace, .lineBreak:
                    continue
                case .ideographic:
                    // Every character is a start: one inside the last match may begin a longer cue that runs on
                    // beyond it and replaces it (说会 + 会核实).
                    var offset = start
                    while offset < end {
                        defer { offset = nextCharacter(offset) }
                        guard let match = matcher.longestMatch(in: bytes, from: offset, limit: byteCount,
                                                               acceptEnd: EndWhere(rule: isCharacterStart)) else {
                            continue
                        }
                        if offset < position {
                            if let last = matches.last, Int(last.start) < offset, Int(last.end) == position,
                               match.end > position, match.end - offset > Int(last.end) - Int(last.start) {
                                matches[matches.count - 1] = TermMatch(start: Int32(offset), end: Int32(match.end),
                                                                       token: Int32(index), entry: match.entry)
                                position = match.end
                            }
                        } else if nextCharacter(offset) != match.end
                            || onlyModifiersAround(start, end, cueStart: offset, cueEnd: match.end) {
                            matches.append(TermMatch(start: Int32(offset), end: Int32(match.end), token: Int32(index),
                                                     entry: match.entry))
                            position = match.end
                        }
                    }
                    position = max(position, end)
                default:
                    guard end > position, start >= position,
                          let match = matcher.longestMatch(in: bytes, from: start, limit: byteCount,
                                                           acceptEnd: EndWhere { frozenTokenEnds[$0] }) else { continue }
                    matches.append(TermMatch(start: Int32(start), end: Int32(match.end), token: Int32(index),
                                             entry: match.entry))
                    position = match.end
                }
            }
        }
        return matches
    }
}

/// A term end rule from a closure, for the reference scans.
private struct EndWhere: TermEndRule {
    let rule: (Int) -> Bool
    func accepts(_ end: Int) -> Bool { rule(end) }
}
