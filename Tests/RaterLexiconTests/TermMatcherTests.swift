import RaterSegment
import Testing

@testable import RaterLexicon

@Suite struct TermMatcherTests {
    /// A matcher whose every term is a sentiment term with valence 1.
    private func matcher(_ terms: [String]) -> TermMatcher {
        TermMatcher(entries: Dictionary(uniqueKeysWithValues: terms.map { ($0, LexiconEntry(valence: 1)) }))
    }

    private struct Found: Equatable, CustomStringConvertible {
        var term: String
        var quoted: String
        var range: Range<Int>
        var description: String { "\(term)@\(range)" }
    }

    private func find(_ terms: [String], in text: String) throws -> [Found] {
        let matcher = matcher(terms)
        let segmented = try Segmenter().segment(text)
        let matches = matcher.matches(in: segmented)
        return matches.map {
            Found(term: matcher.terms[Int($0.entry)], quoted: segmented.text($0.byteRange), range: $0.byteRange)
        }
    }

    private func terms(_ terms: [String], in text: String) throws -> [String] {
        try find(terms, in: text).map(\.term)
    }

    // MARK: - Longest match and English

    @Test func longestMatchWins() throws {
        #expect(try terms(["性价比", "性价比高", "高"], in: "性价比高") == ["性价比高"])
        #expect(try terms(["took", "took forever", "forever"], in: "It took forever!") == ["took forever"])
    }

    @Test func skinTonesAndVariationSelectorsAreWalkedOver() throws {
        let found = try find(["👍", "❤"], in: "👍🏽 ❤️ 👍")
        #expect(found.map(\.term) == ["👍", "❤", "👍"])
        // The match covers the modifier too, so the whole emoji is the evidence.
        #expect(found.first?.quoted == "👍🏽")
        #expect(LexiconTerm.fold("👍🏿") == "👍")
    }

    @Test func shorterTermsMatchWhenTheLongerOneIsAbsent() throws {
        #expect(try terms(["性价比", "高"], in: "性价比高") == ["性价比", "高"])
        #expect(try terms(["took", "forever"], in: "took forever") == ["took", "forever"])
    }

    @Test func multiWordEnglishMatchesAcrossTokensAndQuotesTheOriginal() throws {
        let found = try find(["took forever"], in: "Delivery TOOK Forever.")
        #expect(found == [Found(term: "took forever", quoted: "TOOK Forever", range: 9..<21)])
    }

    @Test func englishMatchIsCaseInsensitive() throws {
        #expect(try find(["good"], in: "Good GOOD good").map(\.quoted) == ["Good", "GOOD", "good"])
    }

    @Test func noMatchInsideALongerEnglishWord() throws {
        #expect(try terms(["good"], in: "goodness").isEmpty)
        #expect(try terms(["good"], in: "not so goodly").isEmpty)
        #expect(try terms(["ness"], in: "goodness").isEmpty)
        #expect(try find(["good"], in: "goodness, good").map(\.range) == [10..<14])
    }

    @Test func multiWordTermMustEndAtAWordEnd() throws {
        #expect(try terms(["took forever"], in: "took forevermore").isEmpty)
    }

    @Test func multiWordTermNeedsTheExactSpacing() throws {
        // Terms are folded to single spaces; the normalizer folds comment whitespace the same way.
        #expect(try terms(["took forever"], in: "took forever") == ["took forever"])
        #expect(try terms(["took forever"], in: "tookforever").isEmpty)
    }

    @Test func punctuationTermsMatchAcrossTokens() throws {
        #expect(try find([":)"], in: "nice :) ok").map(\.quoted) == [":)"])
    }

    @Test func emojiTermsMatchWholeSymbolTokens() throws {
        #expect(try find(["👍"], in: "👍 great").map(\.quoted) == ["👍"])
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(try find([family], in: "we \(family)").map(\.quoted) == [family])
        // The family sequence starts with 👨 but is one symbol: a 👨 entry must not fire inside it.
        #expect(try terms(["👨"], in: "we \(family)").isEmpty)
    }

    // MARK: - Chinese

    @Test func chineseEntrySpansICUTokens() throws {
        // ICU splits 性价比 as 性|价|比高 and 服务员 as 服务|员.
        let segmented = try Segmenter().segment("性价比高，服务员很好")
        #expect(segmented.tokens.count > 5)
        let found = try find(["性价比", "服务员"], in: "性价比高，服务员很好")
        #expect(found.map(\.term) == ["性价比", "服务员"])
        #expect(found.map(\.quoted) == ["性价比", "服务员"])
    }

    @Test func longerChineseTermBeatsItsPrefix() throws {
        #expect(try terms(["服务", "服务员", "态度"], in: "服务员态度很差") == ["服务员", "态度"])
    }

    @Test func oneCharacterTermsMatchWhenTheyCoverTheICUWord() throws {
        // 不好 is one ICU word; 不 and 好 together cover it.
        let found = try find(["不", "好"], in: "不好")
        #expect(found == [Found(term: "不", quoted: "不", range: 0..<3), Found(term: "好", quoted: "好", range: 3..<6)])
    }

    @Test func oneCharacterTermDoesNotFireInsideAnUncoveredWord() throws {
        // 好像 ("seems") is one ICU word; 像 is not in the lexicon, so 好 is left alone.
        #expect(try terms(["好"], in: "好像").isEmpty)
        #expect(try terms(["好"], in: "正好").isEmpty)
    }

    @Test func grammaticalParticlesCountAsCovered() throws {
        // 好了 is one ICU word; the particle 了 does not stop 好 from counting.
        #expect(try terms(["好"], in: "好了") == ["好"])
        // …but the particle alone is not a match.
        #expect(try terms(["好"], in: "了").isEmpty)
    }

    @Test func oneCharacterTermMatchesAsItsOwnICUWord() throws {
        #expect(try terms(["好"], in: "好") == ["好"])
        #expect(try find(["好"], in: "服务好").map(\.range) == [6..<9])
        #expect(try terms(["差"], in: "很差") == ["差"])  // ICU: 很|差
    }

    @Test
    func oneCharacterTermDoesNotFireAtTheEndOfAnUncoveredWord() throws {
        // 只好 ("had no choice but to") and 最好 ("had better") are single ICU words; 只 and 最 are not entries.
        #expect(try terms(["好"], in: "只好").isEmpty)
        #expect(try terms(["好"], in: "最好").isEmpty)
    }

    @Test func learnedCharactersDoNotMakeUpAWordTogether() throws {
        // 银行 ("bank") is one ICU word; learned weights for 银 and 行 are statistics, not its pieces.
        var learned = LexiconEntry(valence: 1)
        learned.isLearnedValence = true
        let matcher = TermMatcher(entries: ["银": learned, "行": learned, "很": LexiconEntry(degree: 1.3),
                                            "好": LexiconEntry(valence: 2)])
        func found(_ text: String) throws -> [String] {
            matcher.matches(in: try Segmenter().segment(text)).map { matcher.terms[Int($0.entry)] }
        }
        #expect(try found("银行") == [])
        #expect(try found("银行很好") == ["很", "好"])
        // Standing alone, or beside a degree word, a learned character still counts.
        #expect(try found("银") == ["银"])
        #expect(try found("行了") == ["行"])
    }

    @Test func twoCharacterTermMatchesInsideALongerICUWord() throws {
        // 太慢 is one ICU word and 太慢了 is 太慢|了; a multi-character term is specific enough on its own.
        #expect(try terms(["慢", "太慢"], in: "太慢了") == ["太慢"])
        #expect(try find(["不错"], in: "环境不错").map(\.range) == [6..<12])
    }

    @Test func mixedScriptText() throws {
        let found = try find(["wifi", "很慢", "slow"], in: "WiFi很慢, so slow")
        #expect(found.map(\.term) == ["wifi", "很慢", "slow"])
        #expect(found.map(\.quoted) == ["WiFi", "很慢", "slow"])
    }

    // MARK: - Order and overlap

    @Test func matchesAreSortedAndNonOverlapping() throws {
        let text = "性价比高，服务员态度不好，took forever to arrive, not good at all 👍"
        let matches = try find(["性价比", "性价比高", "高", "服务", "服务员", "员", "态度", "不", "好", "took",
                                "took forever", "forever", "not", "not good", "good", "👍"], in: text)
        #expect(matches.map(\.term) == ["性价比高", "服务员", "态度", "不", "好", "took forever", "not good", "👍"])
        for (earlier, later) in zip(matches, matches.dropFirst()) {
            #expect(earlier.range.upperBound <= later.range.lowerBound)
        }
    }

    @Test func matchTokenIsTheTokenTheMatchStartsIn() throws {
        let matcher = matcher(["took forever", "性价比"])
        let segmented = try Segmenter().segment("性价比 It took forever")
        let matches = matcher.matches(in: segmented)
        #expect(matches.count == 2)
        for match in matches {
            let token = segmented.tokens[Int(match.token)]
            #expect(token.byteRange.contains(Int(match.start)))
        }
    }

    @Test func emptyTextAndEmptyMatcher() throws {
        #expect(try terms(["好"], in: "").isEmpty)
        #expect(try terms([], in: "很好，good").isEmpty)
        #expect(try terms(["好"], in: "，。！").isEmpty)
    }

    // MARK: - lookup and the entry table

    @Test func lookupFindsExactTermsOnly() throws {
        let matcher = matcher(["好", "不错", "took forever"])
        let index = try #require(matcher.lookup(Array("不错".utf8)))
        #expect(matcher.terms[index] == "不错")
        #expect(matcher.lookup("took forever".utf8).map { matcher.terms[$0] } == "took forever")
        #expect(matcher.lookup("took".utf8) == nil)  // a prefix is not a term
        #expect(matcher.lookup("不错了".utf8) == nil)
        #expect(matcher.lookup("Took Forever".utf8) == nil)  // lookup takes folded bytes
        #expect(matcher.lookup([UInt8]()) == nil)
    }

    @Test func entriesAndTermsLineUp() {
        let source: [String: LexiconEntry] = [
            "很": LexiconEntry(degree: 1.3), "不": LexiconEntry(isNegator: true), "好": LexiconEntry(valence: 2),
        ]
        let matcher = TermMatcher(entries: source)
        #expect(matcher.count == 3)
        #expect(matcher.terms.count == matcher.entries.count)
        for (index, term) in matcher.terms.enumerated() {
            #expect(matcher.entries[index] == source[term])
            #expect(matcher.lookup(term.utf8) == index)
        }
    }

    @Test func emptyTermIsIgnored() {
        let matcher = TermMatcher(entries: ["": LexiconEntry(valence: 1), "好": LexiconEntry(valence: 1)])
        #expect(matcher.count == 1)
        #expect(matcher.terms == ["好"])
    }

    @Test func matchEntryPointsAtTheRightLexiconEntry() throws {
        var lexicon = Lexicon()
        lexicon.add(try lexiconFile("sentiment", ["不错\t2", "差\t-2"]))
        lexicon.add(try lexiconFile("degree", ["很\t1.3"]))
        let matcher = lexicon.makeMatcher()
        let segmented = try Segmenter().segment("环境不错，但是态度很差")
        let found = matcher.matches(in: segmented).map { (segmented.text($0.byteRange), matcher.entries[Int($0.entry)]) }
        #expect(found.map(\.0) == ["不错", "很", "差"])
        #expect(found.map(\.1.valence) == [2, nil, -2])
        #expect(found.map(\.1.degree) == [nil, 1.3, nil])
    }
}

@Suite struct ParticleTests {
    @Test func particleSwitchMatchesTheSet() {
        for value in UInt32(0)...0xFFFF {
            #expect(MatchScanner.isParticle(value) == MatchScanner.particles.contains(value), "U+\(String(value, radix: 16))")
        }
    }

    /// `isNeedRelief(entry:)` is worked out once per entry when the matcher is built, and answers as the entry does:
    /// a relief word, a recovery topic (a chore), a recovery outcome word (no chore) and a plain opinion word.
    @Test func needReliefIsTheEntrysOwn() {
        var relief = LexiconEntry(valence: -1)
        relief.isRelief = true
        var chore = LexiconEntry()
        chore.signals = [SignalCue(recovery: .topic)]
        var outcome = LexiconEntry()
        outcome.signals = [SignalCue(recovery: .outcome(.done))]
        let matcher = TermMatcher(entries: ["担心": relief, "退货": chore, "到账": outcome, "好": LexiconEntry(valence: 1)])
        let relieved = matcher.terms.indices.filter { matcher.isNeedRelief(entry: $0) }.map { matcher.terms[$0] }
        #expect(Set(relieved) == ["担心", "退货"])
        for index in matcher.entries.indices {
            #expect(matcher.isNeedRelief(entry: index) == matcher.entries[index].isNeedRelief, "\(matcher.terms[index])")
        }
    }
}
