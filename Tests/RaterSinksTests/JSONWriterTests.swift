import Foundation
import RaterCore
import Testing

@testable import RaterSinks

@Suite struct JSONWriterTests {
    private func text(_ build: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        build(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func string(_ value: String) -> String { text { $0.string(value) } }

    private func number(_ value: Double, digits: Int = 4) -> String { text { $0.number(value, digits: digits) } }

    // MARK: - Strings

    @Test func plainString() {
        #expect(string("hello") == "\"hello\"")
        #expect(string("") == "\"\"")
    }

    @Test func quotesAndBackslashesAreEscaped() {
        #expect(string("say \"hi\"") == #""say \"hi\"""#)
        #expect(string(#"C:\path\"#) == #""C:\\path\\""#)
    }

    @Test func commonControlCharactersUseShortEscapes() {
        #expect(string("a\nb\rc\td") == #""a\nb\rc\td""#)
    }

    @Test func otherControlCharactersUseUnicodeEscapes() {
        #expect(string("\u{0}") == #""\u0000""#)
        #expect(string("a\u{1}b\u{1F}c") == #""a\u0001b\u001fc""#)
        #expect(string("\u{8}\u{C}") == #""\u0008\u000c""#)
        #expect(string("\u{7F}") == #""\u007f""#)
    }

    @Test func nonASCIIIsKeptAsUTF8() {
        let value = "服务员态度很差 👍🏽 café"
        var writer = JSONWriter()
        writer.string(value)
        #expect(writer.bytes == Array("\"\(value)\"".utf8))
    }

    @Test func everyControlCharacterRoundTripsThroughJSONSerialization() throws {
        let value = String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\/中文👨\u{200D}👩\u{200D}👧"
        var writer = JSONWriter()
        writer.beginArray()
        writer.string(value)
        writer.endArray()
        let parsed = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String]
        #expect(parsed == [value])
    }

    /// The escape scan checks eight bytes at a time: every ASCII character, at every position of a string long
    /// enough to need two words and a tail, must come out exactly as a byte-by-byte escaper writes it.
    @Test func everyASCIICharacterAtEveryPositionIsEscapedLikeTheByteByByteRule() {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0..<0x20, 0x7F: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let filler = Array("服务很好 ok, fine!".unicodeScalars)  // multi-byte and ASCII bytes around the probe
        for value in 0..<0x80 {
            for position in 0..<filler.count {
                var scalars = filler
                scalars.insert(Unicode.Scalar(UInt8(value)), at: position)
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                #expect(string(text) == reference(text), "U+\(String(value, radix: 16)) at \(position)")
            }
        }
    }

    /// Short copies (up to 16 bytes) are moved as overlapping words rather than through memcpy: every length from
    /// empty to past the cut-off, with plain runs on both sides of an escape, must keep every byte in place.
    @Test func everyLengthIsCopiedWhole() {
        let alphabet = Array("ab好c\"d\ne😀fgh".unicodeScalars)
        for length in 0...40 {
            for offset in 0..<alphabet.count {
                var text = ""
                for index in 0..<length { text.unicodeScalars.append(alphabet[(offset + index) % alphabet.count]) }
                let written = self.text { $0.beginArray(); $0.string(text); $0.string(text); $0.endArray() }
                let decoded = try? JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String]
                #expect(decoded == [text, text], "length \(length) offset \(offset)")
            }
        }
        #expect(text { $0.beginObject(); $0.member("service_score"); $0.int(1); $0.member("a"); $0.int(2); $0.endObject() }
            == #"{"service_score":1,"a":2}"#)
    }

    @Test func keysAreEscapedToo() {
        #expect(text { $0.beginObject(); $0.key("a\"b\n", 1); $0.endObject() } == #"{"a\"b\n":1}"#)
    }

    // MARK: - Numbers

    @Test func numbersAreRoundedToFourDigitsByDefault() {
        #expect(number(0.123456) == "0.1235")
        #expect(number(-0.42857142) == "-0.4286")
        #expect(number(0.5) == "0.5")
        #expect(number(1.23) == "1.23")
    }

    @Test func wholeNumbersHaveNoFraction() {
        #expect(number(2.0) == "2")
        #expect(number(-3) == "-3")
        #expect(number(0) == "0")
        #expect(number(0.99999) == "1")
    }

    @Test func tinyNumbersRoundToZeroWithoutASign() {
        #expect(number(0.00001) == "0")
        #expect(number(-0.00001) == "0")
        #expect(number(-0.0) == "0")
    }

    @Test func digitsCanBeChosen() {
        #expect(number(3.14159, digits: 2) == "3.14")
        #expect(number(3.14159, digits: 0) == "3")
        #expect(number(2.5, digits: 0) == "3")
    }

    /// The text Swift itself gives the rounded number: what the writer's integer formatting must reproduce.
    private func referenceNumber(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    @Test func roundedNumbersReadAsSwiftWritesThem() {
        // A fixed linear congruential sequence: the same values on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func nextUnit() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var values: [Double] = [0.5, -0.5, 0.00005, -0.00005, 0.00015, 1.00005, 999_999.99995, 0.1 + 0.2, 2.675,
                                1e10 + 0.12345, -1e10 - 0.5, 99_999_999_999.9999]
        for magnitude in [1.0, 10, 1_000, 1e6, 1e10, 1e12, 1e14] {
            for _ in 0..<2_000 { values.append((nextUnit() * 2 - 1) * magnitude) }
        }
        // Values a hair either side of a rounding step, where a wrong scale would show.
        for step in 0..<2_000 { values.append(Double(step) / 10_000 + 0.00005 * (step.isMultiple(of: 2) ? 1 : -1)) }
        var mismatches: [String] = []
        for value in values {
            for digits in 0...4 where number(value, digits: digits) != referenceNumber(value, digits: digits) {
                mismatches.append("\(value) to \(digits) digits: \(number(value, digits: digits)) vs "
                                  + referenceNumber(value, digits: digits))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func nonFiniteNumbersAreNull() {
        #expect(number(.nan) == "null")
        #expect(number(.infinity) == "null")
        #expect(number(-.infinity) == "null")
    }

    @Test func largeNumbersStayValidJSON() throws {
        for value in [1e15, 1e20, -1e20, 123456789.123456] {
            let output = text { $0.beginArray(); $0.number(value); $0.endArray() }
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [Double])
            #expect(parsed.count == 1)
            #expect(abs(parsed[0] - value) <= abs(value) * 1e-12 + 0.0001, "\(output)")
        }
    }

    @Test
    func hugeFiniteNumbersStayValidJSON() throws {
        let output = number(1e305)
        #expect(output != "inf")
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data("[\(output)]".utf8)) }
    }

    @Test func integersBoolsAndNull() {
        #expect(text { $0.beginArray(); $0.int(-42); $0.bool(true); $0.bool(false); $0.null(); $0.endArray() }
            == "[-42,true,false,null]")
    }

    // MARK: - Structure and commas

    @Test func emptyContainers() {
        #expect(text { $0.beginObject(); $0.endObject() } == "{}")
        #expect(text { $0.beginArray(); $0.endArray() } == "[]")
    }

    @Test func objectKeysAreSeparatedByCommas() {
        let output = text {
            $0.beginObject()
            $0.key("a", "x")
            $0.key("b", 2)
            $0.key("c", 0.5)
            $0.key("d")
            $0.null()
            $0.endObject()
        }
        #expect(output == #"{"a":"x","b":2,"c":0.5,"d":null}"#)
    }

    @Test func nestedObjectsAndArrays() throws {
        let output = text {
            $0.beginObject()
            $0.key("list")
            $0.beginArray()
            $0.beginObject(); $0.key("n", 1); $0.endObject()
            $0.beginObject(); $0.endObject()
            $0.beginArray(); $0.int(1); $0.int(2); $0.endArray()
            $0.string("s")
            $0.endArray()
            $0.key("inner")
            $0.beginObject()
            $0.key("deep")
            $0.beginObject(); $0.key("x", "y"); $0.endObject()
            $0.key("after", 1)
            $0.endObject()
            $0.key("last", "z")
            $0.endObject()
        }
        #expect(output == #"{"list":[{"n":1},{},[1,2],"s"],"inner":{"deep":{"x":"y"},"after":1},"last":"z"}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(parsed["last"] as? String == "z")
        #expect((parsed["list"] as? [Any])?.count == 4)
    }

    @Test func topLevelValuesAreCommaSeparated() {
        #expect(text { $0.int(1); $0.int(2) } == "1,2")
    }
}

/// `terms` and `evidence` write their elements in one run each rather than key by key; they must write exactly what
/// the key-by-key calls write, inside other containers and after other values.
@Suite struct FixedShapeWritingTests {
    private static let texts = ["", "不错", "before_contrast:但是", "say \"hi\"", "a\\b", "line\nbreak", "\u{1}",
                                "emoji 😀", "tab\there"]
    private static let numbers: [Double] = [0, -0.0, 1, -1, 0.5, -0.4286, 1.23456, 2.675, 12_345.6789, 1e11, -3e12,
                                            .nan, .infinity, 0.00004, -0.00005]

    private func written(_ build: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("before", 1)
        writer.member("list")
        build(&writer)
        writer.member("after", "x")
        writer.endObject()
        return writer.bytes
    }

    @Test func termsAreWrittenAsKeyByKey() {
        var terms = [TermExplanation]()
        for (index, text) in Self.texts.enumerated() {
            for ruleCount in 0...3 {
                let rules = (0..<ruleCount).map { Self.texts[($0 + index) % Self.texts.count] }
                terms.append(TermExplanation(term: text, base: Self.numbers[(index + ruleCount) % Self.numbers.count],
                                             rules: rules,
                                             weight: Self.numbers[(2 * index + ruleCount) % Self.numbers.count],
                                             source: ruleCount == 1 ? nil : Self.texts[(index + 2) % Self.texts.count],
                                             isLearned: (index + ruleCount).isMultiple(of: 2)))
            }
        }
        for prefix in [0, 1, 2, terms.count] {
            let chosen = Array(terms.prefix(prefix))
            let fast = written { $0.terms(chosen) }
            let keyByKey = written { writeKeyByKey(chosen, &$0) }
            #expect(String(decoding: fast, as: UTF8.self) == String(decoding: keyByKey, as: UTF8.self))
        }
    }

    /// The terms as `terms(_:)` must write them, member by member: what its fast paths are compared with.
    func writeKeyByKey(_ terms: [TermExplanation], _ json: inout JSONWriter) {
        json.beginArray()
        for term in terms {
            json.beginObject()
            json.member("term", term.term)
            json.member("base", term.base)
            json.member("weight", term.weight)
            json.member("rules")
            json.beginArray()
            for rule in term.rules { json.string(rule) }
            json.endArray()
            if let source = term.source { json.member("source", source) }
            if term.isLearned {
                json.member("learned")
                json.bool(true)
            }
            json.endObject()
        }
        json.endArray()
    }

    /// A term of the same file as the one before copies that term's `source` bytes (`terms(_:)`): the copy must read
    /// as the name written afresh, for a name that needs escaping, an equal name held in another string, a run
    /// broken by a term of no file or of another file, and a line long enough that the buffer grows between the
    /// first writing and the copy.
    @Test func repeatedTermSourcesAreWrittenAsKeyByKey() {
        let long = String(repeating: "lexicons/", count: 60) + "en/sentiment.tsv"
        let sources: [String?] = ["en/sentiment.tsv", "en/sentiment.tsv", String("en/" + "sentiment.tsv"), nil,
                                  "en/sentiment.tsv", "a \"b\"\\c.tsv", "a \"b\"\\c.tsv", "zh/情感.tsv", "zh/情感.tsv",
                                  "en/sentiment.tsv", long, long, long, "", ""]
        var terms = [TermExplanation]()
        for round in 0..<4 {
            for (index, source) in sources.enumerated() {
                terms.append(TermExplanation(term: "t\(round)-\(index)", base: 0.5, rules: index.isMultiple(of: 3)
                                                 ? [] : ["negated:not"],
                                             weight: -0.5, source: source, isLearned: index.isMultiple(of: 2)))
            }
        }
        let keyByKey = written { writeKeyByKey(terms, &$0) }
        #expect(keyByKey.count > 4_096, "the line outgrows the writer's first buffer")
        #expect(String(decoding: written { $0.terms(terms) }, as: UTF8.self) == String(decoding: keyByKey, as: UTF8.self))
    }

    @Test func evidenceIsWrittenAsKeyByKey() {
        var items = [CueEvidence]()
        for (index, text) in Self.texts.enumerated() {
            items.append(CueEvidence(cue: text, clause: Self.texts[(index + 3) % Self.texts.count],
                                     negator: index.isMultiple(of: 3) ? nil : Self.texts[(index + 5) % Self.texts.count]))
        }
        func keyByKey(_ items: [CueEvidence]) -> [UInt8] {
            written { json in
                json.beginArray()
                for item in items {
                    json.beginObject()
                    json.member("cue", item.cue)
                    json.member("clause", item.clause)
                    if let negator = item.negator { json.member("negator", negator) }
                    json.endObject()
                }
                json.endArray()
            }
        }
        for prefix in [0, 1, 2, items.count] {
            let chosen = Array(items.prefix(prefix))
            #expect(written { $0.evidence(chosen) } == keyByKey(chosen))
            let pairs = chosen.map { (cue: $0.cue, clause: $0.clause) }
            let withoutNegators = chosen.map { CueEvidence(cue: $0.cue, clause: $0.clause) }
            #expect(written { $0.evidence(pairs) } == keyByKey(withoutNegators))
        }
    }
}
