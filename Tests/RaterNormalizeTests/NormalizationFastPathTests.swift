import RaterTestSupport
import Testing

@testable import RaterNormalize
import CRaterICU

/// The shortcuts that skip work must give exactly what the full path gives: ICU's NFKC for `CommonTextNFKC`, and the
/// copying fold for `WhitespaceFolding.isFolded`.
@Suite struct NormalizationFastPathTests {
    private func icuNFKC(_ text: String) throws -> String {
        try applyUTF8Transform(text, operation: "NFKC", { rater_nfkc_utf8($0, $1, $2, $3, $4) }) ?? text
    }

    private func fastNFKC(_ text: String) -> CommonTextNFKC.Outcome {
        var text = text
        return text.withUTF8 { CommonTextNFKC.normalize($0) }
    }

    /// Every three-byte scalar the shortcut accepts, alone and between ASCII letters, against ICU.
    @Test func everyAcceptedCharacterMatchesICU() throws {
        var accepted = 0
        for value in UInt32(0x800)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), CommonTextNFKC.classify(value) != .other else { continue }
            accepted += 1
            for text in [String(Character(scalar)), "a\(Character(scalar))b", "\(Character(scalar))\(Character(scalar))"] {
                let expected = try icuNFKC(text)
                switch fastNFKC(text) {
                case .unchanged: #expect(expected == text, "U+\(String(value, radix: 16))")
                case .mapped(let mapped): #expect(mapped == expected, "U+\(String(value, radix: 16))")
                case .needsICU: Issue.record("accepted U+\(String(value, radix: 16)) sent to ICU")
                }
            }
        }
        #expect(accepted == 20_992 + 2 + 8 + 5 + 94)
    }

    /// The lead-byte shortcut passes over exactly scalars the full classification calls stable: every lead byte it
    /// accepts starts only CJK Unified Ideographs.
    @Test func ideographLeadBytesStartOnlyStableCharacters() {
        var passed = 0
        for lead in UInt8(0xC2)...0xF4 where CommonTextNFKC.isIdeographLead(lead) {
            for value in UInt32(0x800)...0xFFFF {
                guard let scalar = Unicode.Scalar(value), Array(String(Character(scalar)).utf8)[0] == lead else { continue }
                #expect(CommonTextNFKC.classify(value) == .stable, "U+\(String(value, radix: 16))")
                passed += 1
            }
        }
        #expect(passed == 5 * 4_096)
    }

    @Test func otherCharactersGoToICU() {
        for text in ["é", "ｶ", "…", "①", "㍿", "\u{3000}", "😀", "ﬁ", "好\u{0301}", "\u{2026}"] {
            #expect(fastNFKC(text) == .needsICU, "\(text)")
        }
    }

    @Test func fullWidthPunctuationInChineseText() throws {
        let text = "服务很好，下次还来！价格（含税）１２０元"
        #expect(fastNFKC(text) == .mapped(try icuNFKC(text)))
        #expect(try Normalizer.nfkc(text) == "服务很好,下次还来!价格(含税)120元")
    }

    /// Two separators in a row at every position of a long ASCII text, including across the eight-byte chunks the
    /// check reads at once, and a control character at every position.
    @Test func isFoldedFindsADoubleSeparatorOrControlAnywhere() {
        let plain = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        func isFolded(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { WhitespaceFolding.isFolded($0) } }
        #expect(isFolded(plain))
        for position in 1..<(plain.count - 2) {
            for pair: [UInt8] in [[0x20, 0x20], [0x0A, 0x20], [0x20, 0x0A], [0x0A, 0x0A]] {
                var text = plain
                text.replaceSubrange(position..<(position + 2), with: pair)
                #expect(!isFolded(text), "\(pair) at \(position)")
            }
            for control: UInt8 in [0x00, 0x09, 0x0D, 0x1F, 0x7F] {
                var text = plain
                text[position] = control
                #expect(!isFolded(text), "\(control) at \(position)")
            }
            var single = plain
            single[position] = 0x20
            #expect(isFolded(single), "one space at \(position)")
        }
    }

    /// Random texts over an alphabet of everything folding treats specially: `isFolded` says yes only when the
    /// copying fold returns the text unchanged, and says no to an unchanged text only for a kept zero-width joiner.
    @Test func isFoldedAgreesWithTheCopyingFold() {
        let alphabet: [String] = ["a", "Z", " ", "  ", "\n", "\r", "\t", "\u{0}", "\u{7F}", "\u{85}", "\u{A0}", "\u{A1}",
                                  "é", "好", "。", "\u{1680}", "\u{2000}", "\u{200B}", "\u{200D}", "\u{2010}",
                                  "\u{2018}", "\u{2019}", "\u{201C}", "\u{2028}", "\u{202A}", "\u{202F}", "\u{2032}",
                                  "\u{205F}", "\u{2060}", "\u{2066}", "\u{3000}", "\u{3FFF}", "\u{4000}",
                                  "\u{EFFF}", "\u{F000}", "\u{FEFF}", "👍", "🏽", "'"]
        var generator = SplitMix(seed: 7)
        var unchanged = 0
        for trial in 0..<30_000 {
            // Short texts try every pair of neighbours; long ones (a third) reach the eight-byte ASCII scan.
            let length = trial % 3 == 0 ? Int(generator.next() % 40) : Int(generator.next() % 6)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            var copy = text
            let folded = copy.withUTF8 { WhitespaceFolding.isFolded($0) }
            let copied = WhitespaceFolding.copyFolded(text)
            let scalars = text.unicodeScalars.map { String($0.value, radix: 16) }
            if folded {
                #expect(copied == text, "\(scalars)")
            } else if copied == text {
                // The one conservative answer: a zero-width joiner that the copy keeps between two emoji.
                #expect(text.unicodeScalars.contains("\u{200D}"), "\(scalars)")
            }
            #expect(WhitespaceFolding.fold(text) == copied)
            if folded { unchanged += 1 }
        }
        #expect(unchanged > 1_000)  // the shortcut is exercised, not only the copying path
    }
}
