import Foundation
import RaterNormalize
import Testing

@testable import RaterLexicon

/// Loading the lexicons takes the fast paths of `trimmingBlanks`, `LexiconTerm.fold` and `TermOrder`; each is held
/// here to the slower code it replaced, on every term of the repository's lexicons and on the cases where the two
/// could part: blanks beyond ASCII, combining marks, text NFC rewrites.
@Suite struct StartupParsingTests {
    static let lexiconFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lexicons").path

    /// Every term column of the repository's lexicon files, as written.
    static func writtenTerms() throws -> [String] {
        var terms = [String]()
        for path in try Lexicon.files(in: lexiconFolder) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                if let term = line.split(separator: "\t", omittingEmptySubsequences: false).first {
                    terms.append(String(term))
                }
            }
        }
        return terms
    }

    static let awkward = [
        "", " ", "\t", " \t ", "good", "  good  ", "\tvery\t good ", "GOOD Service", "a\u{3000}", "\u{3000}服务\u{3000}",
        "\u{00A0}x\u{00A0}", "x\n", "\n x \n", "\u{2003}em\u{2009}", "👍🏽", " 👍\u{FE0F} ", "👍 🏽 👍", "e\u{301}", " \u{301}x",
        "服务 态度", "ÉCOLE", "ok\r", "\u{200B}好\u{200B}", "\u{200C}x\u{FEFF}", "\u{180E}x", "\u{85}x\u{85}",
    ]

    @Test func blanksAreTrimmedAsFoundationTrimsThem() throws {
        for text in Self.awkward + (try Self.writtenTerms()) {
            #expect(String(text.trimmingBlanks()) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
        // A slice trims within its bounds, never past them.
        let line = "x  a \t y"
        let slice = line[line.index(after: line.startIndex)..<line.index(before: line.endIndex)]
        #expect(slice == "  a \t ")
        #expect(slice.trimmingBlanks() == "a")
        #expect(String(slice.trimmingBlanks()) == "a")
    }

    /// The fold before it worked on bytes: scalars stripped of emoji modifiers, split on blank `Character`s, joined
    /// by single spaces, lower-cased (ASCII, and beyond where the lower case is as long in UTF-8); after the
    /// normalisation comments get (`Normalizer.normalizeEntry`).
    static func referenceFold(_ term: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in Normalizer.normalizeEntry(term).unicodeScalars
        where !((0x1F3FB...0x1F3FF).contains(scalar.value) || scalar.value == 0xFE0E || scalar.value == 0xFE0F) {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            if scalar.value >= 0xC0, scalar.value < 0x2000, lower.count == 1, let mapped = lower.first,
               UTF8.width(mapped) == UTF8.width(scalar) {
                scalars.append(mapped)
            } else {
                scalars.append(scalar)
            }
        }
        let words = String(scalars).split(whereSeparator: { $0 == " " || $0 == "\t" })
        return String(decoding: words.joined(separator: " ").utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 },
                      as: UTF8.self)
    }

    @Test func termsFoldAsBefore() throws {
        let terms = try Self.writtenTerms()
        #expect(terms.count > 10_000)
        for term in terms + Self.awkward where !term.unicodeScalars.contains(where: { $0.value == 0x301 }) {
            #expect(LexiconTerm.fold(term) == Self.referenceFold(term), "\(term.debugDescription)")
        }
        // The one difference: a blank before a combining mark. Splitting `Character`s kept " \u{301}" as one
        // character, so a run of blanks ending in one stayed as written; now every blank separates, as it does in
        // comments (the segment stage folds bytes).
        #expect(Self.referenceFold("a  \u{301}b") == "a \u{301}b")  // now through normalizeEntry's folding
        #expect(LexiconTerm.fold("a  \u{301}b") == "a \u{301}b")
        #expect(LexiconTerm.fold(" \u{301}x") == "\u{301}x")
        #expect(LexiconTerm.fold("a \u{301}b") == "a \u{301}b")
        #expect(LexiconTerm.fold("  A\t\tB  ") == "a b")
        #expect(LexiconTerm.fold("👍🏽") == "👍")
    }

    @Test func termsAreNumberedInStringOrder() throws {
        let folded = Array(Set(try Self.writtenTerms().map(LexiconTerm.fold)))
        let tricky = ["ex", "e\u{301}x", "éa", "é", "e", "\u{FA10}", "塚", "\u{2F800}", "丽", "Ω", "\u{2126}", "か", "か\u{3099}",
                      "が", "A", "a", "ab", "a\u{300}", "à", "👍", "👍🏽", "\u{1F3FB}", "z", ""]
        // Indices, not the sorted strings: `==` on strings would let canonically equivalent pairs (Ω and U+2126,
        // が and か + U+3099) come out in either order. Both sorts are stable, so the indices are determined.
        for terms in [folded, tricky, folded + tricky, tricky.reversed() + folded] {
            #expect(TermOrder.indices(sorting: terms) == terms.indices.sorted { terms[$0] < terms[$1] })
        }
        #expect(folded.count > 10_000)
        // Most terms take the byte comparison, and NFC's rewrites do not.
        #expect(folded.filter { TermOrder.isTriviallyNFC(Array($0.utf8)) }.count > folded.count * 9 / 10)
        for rewritten in ["e\u{301}", "\u{FA10}", "\u{2126}", "か\u{3099}", "\u{2F800}"] {
            #expect(!TermOrder.isTriviallyNFC(Array(rewritten.utf8)), "\(rewritten.debugDescription)")
        }
    }

    /// A cue phrase's inner parts grow with the square of its length: a paragraph pasted into a lexicon must not
    /// take the start-up's memory with it.
    @Test func longPhrasesHaveNoInnerParts() throws {
        #expect(Lexicon.innerParts(of: "a b c") == ["a", "a b", "b", "b c", "c"])
        #expect(Lexicon.innerParts(of: Array(repeating: "w", count: 16).joined(separator: " ")).count == 135)
        #expect(Lexicon.innerParts(of: Array(repeating: "w", count: 17).joined(separator: " ")).isEmpty)
        let paragraph = (0..<2_000).map { "w\($0 % 7)" }.joined(separator: " ")
        let text = "# kind: dimension\n# language: en\n# provenance: test\n\(paragraph)\tempathy\t0.5\n"
        var lexicon = Lexicon()
        lexicon.add(try LexiconFile(path: "long.tsv", contents: text))
        #expect(lexicon.makeMatcher().terms.contains(paragraph))
    }
}
