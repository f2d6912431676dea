import RaterCore
import RaterTestSupport
import Testing

@testable import RaterNormalize

@Suite struct NormalizerTests {
    private func normalize(_ text: String) throws -> NormalizedComment {
        try Normalizer().normalize(SourceRecord(source: "t", recordNumber: 1, text: text))
    }

    /// The ASCII check reads eight bytes at a time: one non-ASCII character anywhere (in a word or in the tail)
    /// must send the text through NFKC.
    @Test func asciiCheckFindsANonASCIICharacterAtAnyPosition() {
        let plain = String(repeating: "good food ", count: 3)
        #expect(Normalizer.isASCII(plain))
        #expect(Normalizer.isASCII(""))
        for position in 0...plain.count {
            for character in ["é", "好", "Ａ", "\u{80}", "👍"] {
                var text = plain
                text.insert(contentsOf: character, at: text.index(text.startIndex, offsetBy: position))
                #expect(!Normalizer.isASCII(text), "\(character) at \(position)")
            }
        }
    }

    @Test func fullWidthBecomesHalfWidth() throws {
        #expect(try normalize("ＷＩＦＩ很慢！１２３").text == "WIFI很慢!123")
    }

    @Test func whitespaceIsFoldedAndTrimmed() throws {
        #expect(try normalize("  good \t\t food  \u{3000} ").text == "good food")
        #expect(try normalize("first line \r\n\r\n second").text == "first line\nsecond")
    }

    @Test func controlAndBidiCharactersAreRemoved() throws {
        #expect(try normalize("bad\u{0}service\u{7}").text == "bad service")
        #expect(try normalize("abc\u{202E}def\u{200C}g").text == "abcdefg")
        // A zero-width space between letters is a word boundary (InvisibleCharacterTests).
        #expect(try normalize("abc\u{202E}def\u{200B}g").text == "abcdef g")
    }

    @Test func emojiZeroWidthJoinerSurvives() throws {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(try normalize("nice \(family)").text == "nice \(family)")
    }

    @Test func typographicApostropheBecomesASCII() throws {
        #expect(try normalize("don\u{2019}t").text == "don't")
    }

    @Test func traditionalChineseIsTransliterated() throws {
        let result = try normalize("這個飯店的服務態度很好")
        #expect(result.text == "这个饭店的服务态度很好")
        #expect(result.wasTransliterated)
        #expect(try !normalize("这个饭店很好").wasTransliterated)
    }

    @Test func languageDetection() {
        let detector = LanguageDetector()
        #expect(detector.detect("服务很好") == .zh)
        #expect(detector.detect("The staff were lovely") == .en)
        #expect(detector.detect("wifi 很慢") == .mixed)
        #expect(detector.detect("这家酒店的wifi很慢,但是前台很热情") == .zh)
        #expect(detector.detect("服务 excellent, staff friendly") == .mixed)
        #expect(detector.detect("12345 !!! 👍") == .und)
        #expect(detector.detect("") == .und)
    }

    /// The detector counts ASCII eight bytes at a time: on random mixes of letters, separators and Han it must
    /// decide as a count of one character at a time does.
    @Test func languageMatchesACharacterByCharacterCount() {
        let pieces = ["a", "Z", "b", " ", ".", "'", "9", "\n", "é", "好", "服务", "。", "👍", "x1", "_"]
        var generator = SplitMix(seed: 3)
        let detector = LanguageDetector()
        for _ in 0..<5_000 {
            let text = (0..<Int(generator.next() % 30)).map { _ in pieces[Int(generator.next() % 15)] }.joined()
            var han = 0
            var words = 0
            var inWord = false
            for scalar in text.unicodeScalars {
                let value = scalar.value
                let isLatin = (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
                    || (value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7)
                if isLatin && !inWord { words += 1 }
                inWord = isLatin
                if value >= 0x4E00 && value <= 0x9FFF { han += 1 }
            }
            let expected: Language
            if han + words == 0 {
                expected = .und
            } else if Double(min(han, words)) / Double(han + words) >= detector.mixedShare {
                expected = .mixed
            } else {
                expected = han > words ? .zh : .en
            }
            #expect(detector.detect(text) == expected, "\(text)")
        }
    }

    /// The edges of the Han blocks: Extension A ends at U+4DBF, the Yijing hexagrams (not Han) fill U+4DC0…U+4DFF,
    /// and the unified ideographs run U+4E00…U+9FFF; U+A000 (Yi) is not Han either.
    @Test func hanBlockEdges() {
        let detector = LanguageDetector()
        for han in ["\u{3400}", "\u{3FFF}", "\u{4000}", "\u{4DBF}", "\u{4E00}", "\u{9FFF}", "\u{F900}", "\u{20000}"] {
            #expect(detector.detect(han + han) == .zh, "\(han.unicodeScalars.first!.value)")
        }
        for other in ["\u{33FF}", "\u{4DC0}", "\u{4DFF}", "\u{A000}", "\u{3002}"] {
            #expect(detector.detect(other + other) == .und, "\(other.unicodeScalars.first!.value)")
        }
    }
}

/// The Traditional → Simplified table is built from the ideographs ICU's rules name, not from every ideograph, and
/// only when a comment needs it.
@Suite struct SimplifiedChineseTableTests {
    @Test func tableFromTheSourceSetEqualsTheTableFromEveryIdeograph() throws {
        let fromSourceSet = try SimplifiedChineseTable.build(everyIdeograph: false).get()
        #expect(fromSourceSet.count > 2_000)
        #expect(fromSourceSet == (try SimplifiedChineseTable.build(everyIdeograph: true).get()))
        #expect(fromSourceSet == (try SimplifiedChineseTable.table.get()))
        #expect(fromSourceSet["們"] == "们")
        #expect(fromSourceSet["们"] == nil)
        // `build()` trusts the source set only when every probe is in the table.
        #expect(SimplifiedChineseTable.probes.count == 20)
        #expect(SimplifiedChineseTable.probes.allSatisfy { fromSourceSet[$0] != nil })
    }

    /// Without the table (a libicu without its transliteration data) a Traditional comment stops the run: the
    /// error is a `RunStoppingError`, which the workers hand on instead of rejecting the comment.
    @Test func aMissingTableStopsTheRun() {
        let failed: Result<[Unicode.Scalar: String], ICUError> = .failure(ICUError(operation: "test", code: 2))
        #expect(throws: TraditionalChineseUnavailable.self) { try SimplifiedChineseTable.simplify("這個", table: failed) }
        do {
            _ = try SimplifiedChineseTable.simplify("這個", table: failed)
        } catch {
            #expect(error is any RunStoppingError)
            #expect("\(error)".contains("UErrorCode 2"))
        }
    }

    @Test func traditionalCommentsAreStillSimplified() throws {
        let normalizer = try Normalizer()
        let comment = try normalizer.normalize(SourceRecord(source: "t", recordNumber: 1, text: "服務態度很好，這個價錢還可以"))
        #expect(comment.text == "服务态度很好,这个价钱还可以")  // NFKC makes the comma ASCII
        #expect(comment.wasTransliterated)
    }
}
