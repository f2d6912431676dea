import RaterTestSupport
import Testing

@testable import RaterLexicon

/// The trie every scanner walks, against the plain definition of what a walk reports: every term that is a prefix
/// of the text from the start, shortest first. The generated terms share prefixes heavily, so the trie has chain
/// nodes (one child, which the walk follows without reading `edges`), nodes with a few children (the linear scan)
/// and nodes with many (the dense rows), and texts hit every kind of miss: a byte below, between and above a
/// node's children, and a node with none.
@Suite struct ByteTrieTests {
    /// Accepts every end, so the walk reports every term it passes.
    private struct AnyEnd: TermEndRule {
        func accepts(_ end: Int) -> Bool { true }
    }

    /// Accepts the ends in a set: a walk must still pass the ends it may not report.
    private struct SomeEnds: TermEndRule {
        let ends: Set<Int>
        func accepts(_ end: Int) -> Bool { ends.contains(end) }
    }

    private struct Collected: TermEndSink {
        var reached: [(term: Int32, end: Int)] = []
        mutating func reached(term: Int32, end: Int) { reached.append((term, end)) }
    }

    /// Terms over a small alphabet (so that prefixes are shared) with a wide one at the second byte (so that some
    /// nodes get dense rows), a NUL byte among the letters, and a few Chinese ones.
    private static func terms(count: Int, random: inout SplitMix) -> [String] {
        let narrow = Array("abcd\u{0}".unicodeScalars)
        let wide = Array("abcdefghijklmnopqrstuvwxyz0123456789".unicodeScalars)
        let chinese = Array("服务态度好差很不".unicodeScalars)
        return (0..<count).map { _ in
            var scalars = String.UnicodeScalarView()
            let length = 1 + Int(random.next() % 7)
            for position in 0..<length {
                if random.next() % 10 == 0 {
                    scalars.append(chinese[Int(random.next() % UInt64(chinese.count))])
                } else if position == 1 {
                    scalars.append(wide[Int(random.next() % UInt64(wide.count))])
                } else {
                    scalars.append(narrow[Int(random.next() % UInt64(narrow.count))])
                }
            }
            return String(scalars)
        }
    }

    @Test func walksReportExactlyThePrefixTermsShortestFirst() {
        var random = SplitMix(seed: 7)
        let terms = Self.terms(count: 3_000, random: &random)
        let trie = ByteTrie(terms: terms)
        var firstIndex = [[UInt8]: Int32]()
        for (index, term) in terms.enumerated() where firstIndex[Array(term.utf8)] == nil {
            firstIndex[Array(term.utf8)] = Int32(index)
        }
        let texts = Self.terms(count: 2_000, random: &random).map { $0 + "dcba" } + ["", "z", "\u{0}", "很好"]
        for text in texts {
            let bytes = Array(text.utf8)
            for start in bytes.indices {
                var expected = [(term: Int32, end: Int)]()
                for end in (start + 1)...bytes.count {
                    if let term = firstIndex[Array(bytes[start..<end])] { expected.append((term, end)) }
                }
                var sink = Collected()
                bytes.withUnsafeBufferPointer { buffer in
                    trie.walk(in: buffer, from: start, limit: buffer.count, acceptEnd: AnyEnd(), into: &sink)
                }
                #expect(sink.reached.map(\.term) == expected.map(\.term), "\(text.debugDescription) from \(start)")
                #expect(sink.reached.map(\.end) == expected.map(\.end), "\(text.debugDescription) from \(start)")
            }
        }
    }

    @Test func lookupFindsEachTermByItsFirstIndexAndNothingElse() {
        var random = SplitMix(seed: 11)
        let terms = Self.terms(count: 3_000, random: &random)
        let trie = ByteTrie(terms: terms)
        for (index, term) in terms.enumerated() {
            #expect(trie.lookup(term.utf8) == terms.firstIndex(of: term), "\(term.debugDescription) at \(index)")
        }
        let known = Set(terms)
        for probe in Self.terms(count: 2_000, random: &random) + ["", "e", "ab\u{1}"] where !known.contains(probe) {
            #expect(trie.lookup(probe.utf8) == nil, "\(probe.debugDescription)")
        }
    }

    @Test func walksFromAnIdeographAgreeWithPlainWalks() {
        var random = SplitMix(seed: 5)
        let terms = Self.terms(count: 3_000, random: &random) + ["服务", "服务态度", "态度很好", "好", "不好"]
        let trie = ByteTrie(terms: terms)
        for text in ["服务态度很好", "态度不好服务差", "很不服务d好"] {
            let bytes = Array(text.utf8)
            var start = 0
            while start < bytes.count {
                var plain = Collected()
                var fromIdeograph = Collected()
                bytes.withUnsafeBufferPointer { buffer in
                    trie.walk(in: buffer, from: start, limit: buffer.count, acceptEnd: AnyEnd(), into: &plain)
                    trie.walkFromIdeograph(in: buffer, from: start, limit: buffer.count, acceptEnd: AnyEnd(),
                                           into: &fromIdeograph)
                }
                #expect(plain.reached.map(\.term) == fromIdeograph.reached.map(\.term))
                #expect(plain.reached.map(\.end) == fromIdeograph.reached.map(\.end))
                start += bytes[start] < 0x80 ? 1 : 3
            }
        }
    }

    /// The ASCII-pair shortcut from a token start: random texts over the terms' letters, emoji with a skin tone and
    /// Chinese, walked from every byte, with every end accepted, with every other end, and with the limit cut short
    /// (so that fewer than two bytes remain): the same terms at the same ends as a plain walk.
    @Test func walksFromATokenStartAgreeWithPlainWalks() {
        var random = SplitMix(seed: 11)
        let terms = Self.terms(count: 3_000, random: &random) + ["a", "b", "\u{0}", "ab", "👍", "a👍", "服务", "z"]
        let trie = ByteTrie(terms: terms)
        let alphabet = Array("abcdz\u{0}e 👍🏽服务".unicodeScalars)
        var compared = 0
        var reached = 0
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<(1 + Int(random.next() % 12)) { text.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            let bytes = Array(String(text).utf8)
            let everyOther = SomeEnds(ends: Set(stride(from: 0, through: bytes.count, by: 2)))
            for start in bytes.indices {
                for limit in Set([bytes.count, min(bytes.count, start + 1), min(bytes.count, start + 2)]) {
                    bytes.withUnsafeBufferPointer { buffer in
                        var plain = Collected()
                        var fromStart = Collected()
                        trie.walk(in: buffer, from: start, limit: limit, acceptEnd: AnyEnd(), into: &plain)
                        trie.walkFromTokenStart(in: buffer, from: start, limit: limit, acceptEnd: AnyEnd(),
                                                into: &fromStart)
                        #expect(plain.reached.map(\.term) == fromStart.reached.map(\.term), "\(bytes) from \(start)")
                        #expect(plain.reached.map(\.end) == fromStart.reached.map(\.end), "\(bytes) from \(start)")
                        var plainSome = Collected()
                        var fromStartSome = Collected()
                        trie.walk(in: buffer, from: start, limit: limit, acceptEnd: everyOther, into: &plainSome)
                        trie.walkFromTokenStart(in: buffer, from: start, limit: limit, acceptEnd: everyOther,
                                                into: &fromStartSome)
                        #expect(plainSome.reached.map(\.term) == fromStartSome.reached.map(\.term))
                        #expect(plainSome.reached.map(\.end) == fromStartSome.reached.map(\.end))
                        compared += 1
                        reached += plain.reached.count + plainSome.reached.count
                    }
                }
            }
        }
        // The walks did find terms, one-byte ones among them.
        #expect(compared > 3_000)
        #expect(reached > 3_000)
    }
}
