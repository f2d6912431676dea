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
}
