import Foundation
import RaterCore
import Testing

@testable import RaterSinks

/// The README's example result.
func sampleResult(text: String = "环境不错，但是服务员态度很差") -> CommentResult {
    CommentResult(
        id: "H002", source: "hotel.csv", recordNumber: 2, line: 3, language: .zh, text: text,
        sentiment: SentimentSummary(
            label: .negative, score: -0.428571, positive: 0.5, negative: 0.5, neutral: 0, confidence: 0.79,
            terms: [
                TermExplanation(term: "不错", base: 2, rules: ["before_contrast:但是"], weight: 1.2),
                TermExplanation(term: "差", base: -2, rules: ["intensified:很", "after_contrast:但是"], weight: -3.9),
            ]),
        dimensions: [
            DimensionSummary(dimension: .tangibles, label: .positive, score: 0.55, mentions: 1,
                             evidence: [(cue: "环境", clause: "环境不错")]),
            DimensionSummary(dimension: .assurance, label: .negative, score: -0.8, mentions: 2,
                             evidence: [(cue: "态度", clause: "但是服务员态度很差"), (cue: "服务员", clause: "但是服务员态度很差")]),
        ],
        aspects: [AspectSummary(aspect: .price, label: .positive, score: 0.4, mentions: 1,
                                evidence: [CueEvidence(cue: "价格", clause: "价格也实惠")])],
        signals: [SignalSummary(value: .atRisk, evidence: [CueEvidence(cue: "再来", clause: "不会再来了", negator: "不会")])],
        profile: ProfileSummary(name: "hotel", version: "1", serviceScore: -0.1),
        fields: [Field("branch", "上海外滩店"), Field("rating", "2")])
}

/// The top-level keys of a JSON object in the order they appear in the text.
func keyOrder(_ json: String, keys: [String]) -> [String] {
    keys.compactMap { key in json.range(of: "\"\(key)\":").map { (key, $0.lowerBound) } }
        .sorted { $0.1 < $1.1 }.map(\.0)
}

func parseObject(_ bytes: [UInt8]) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
}

@Suite struct ResultEncoderTests {
    @Test func defaultOutputMatchesTheDocumentedLayout() {
        let output = String(decoding: ResultEncoder().encode(sampleResult()), as: UTF8.self)
        let expected = #"{"id":"H002","source":"hotel.csv","record":2,"lang":"zh","#
            + #""sentiment":{"label":"negative","score":-0.4286,"positive":0.5,"negative":0.5,"neutral":0,"confidence":0.79,"#
            + #""terms":[{"term":"不错","base":2,"weight":1.2,"rules":["before_contrast:但是"]},"#
            + #"{"term":"差","base":-2,"weight":-3.9,"rules":["intensified:很","after_contrast:但是"]}]},"#
            + #""dimensions":{"tangibles":{"label":"positive","score":0.55,"weight":0.2,"mentions":1,"evidence":[{"cue":"环境","clause":"环境不错"}]},"#
            + #""assurance":{"label":"negative","score":-0.8,"weight":0.2,"mentions":2,"evidence":[{"cue":"态度","clause":"但是服务员态度很差"},"#
            + #"{"cue":"服务员","clause":"但是服务员态度很差"}]}},"#
            + #""aspects":{"price":{"label":"positive","score":0.4,"mentions":1,"evidence":[{"cue":"价格","clause":"价格也实惠"}]}},"#
            + #""signals":[{"signal":"loyalty","value":"at_risk","evidence":[{"cue":"再来","clause":"不会再来了","negator":"不会"}]}],"#
            + #""profile":{"name":"hotel","version":"1","service_score":-0.1},"#
            + #""fields":{"branch":"上海外滩店","rating":"2"}}"# + "\n"
        #expect(output == expected)
    }

    /// What the score rests on and where each term's weight came from, as `rater explain` says them: the evidence kind
    /// after the confidence (kept without the explanation), and each term's file and learned flag after its rules.
    /// A result without them (one read back from before they were recorded) is written as it was.
    @Test func evidenceKindAndTermSourcesAreWritten() throws {
        var result = sampleResult()
        result.sentiment.evidenceKind = .learnedOnly
        result.sentiment.terms = [
            TermExplanation(term: "staff", base: 0.6, rules: [], weight: 0.6, source: "en/learned-reviews.tsv",
                            isLearned: true),
            TermExplanation(term: "差", base: -2, rules: ["intensified:很"], weight: -2.6, source: "zh/sentiment.tsv"),
            TermExplanation(term: "x", base: 1, rules: [], weight: 1),
        ]
        let output = String(decoding: ResultEncoder().encode(result), as: UTF8.self)
        #expect(output.contains(#""confidence":0.79,"evidence_kind":"learned_only","terms":["#
            + #"{"term":"staff","base":0.6,"weight":0.6,"rules":[],"source":"en/learned-reviews.tsv","learned":true},"#
            + #"{"term":"差","base":-2,"weight":-2.6,"rules":["intensified:很"],"source":"zh/sentiment.tsv"},"#
            + #"{"term":"x","base":1,"weight":1,"rules":[]}]}"#))
        let bare = String(decoding: ResultEncoder(includeExplanation: false).encode(result), as: UTF8.self)
        #expect(bare.contains(#""confidence":0.79,"evidence_kind":"learned_only"},"#))
        let stored = StoredComment(result)
        #expect(stored.evidenceKind == .learnedOnly)
        #expect(stored.explanationJSON.contains(#""source":"en/learned-reviews.tsv","learned":true}"#))
        #expect(ResultEncoder().encodeStoring(result).stored == stored)
    }

    @Test func endsInExactlyOneNewlineAndHasNoOtherNewline() {
        let bytes = ResultEncoder(includeText: true).encode(sampleResult(text: "line one\nline two"))
        #expect(bytes.last == 0x0A)
        #expect(bytes.filter { $0 == 0x0A }.count == 1)
    }

    @Test func keyOrderWithText() {
        let output = String(decoding: ResultEncoder(includeText: true).encode(sampleResult()), as: UTF8.self)
        let top = ["id", "source", "record", "lang", "text", "sentiment", "dimensions", "aspects", "signals", "profile",
                   "fields"]
        #expect(keyOrder(output, keys: top) == top)
        #expect(output.hasPrefix(#"{"id":"H002","source":"hotel.csv","record":2,"lang":"zh","text":"#))
    }

    @Test func textIsOnlyWrittenWhenAskedFor() throws {
        let without = try parseObject(ResultEncoder().encode(sampleResult()))
        #expect(without["text"] == nil)
        let with = try parseObject(ResultEncoder(includeText: true).encode(sampleResult()))
        #expect(with["text"] as? String == "环境不错，但是服务员态度很差")
    }

    @Test func textIsEscaped() throws {
        let text = "he said \"bad\"\\ \u{0}\ttab\nnew"
        let object = try parseObject(ResultEncoder(includeText: true).encode(sampleResult(text: text)))
        #expect(object["text"] as? String == text)
    }

    @Test func parsesWithJSONSerialization() throws {
        let object = try parseObject(ResultEncoder(includeText: true).encode(sampleResult()))
        #expect(object["id"] as? String == "H002")
        #expect(object["source"] as? String == "hotel.csv")
        #expect(object["record"] as? Int == 2)
        #expect(object["lang"] as? String == "zh")
        let sentiment = try #require(object["sentiment"] as? [String: Any])
        #expect(sentiment["label"] as? String == "negative")
        #expect(sentiment["score"] as? Double == -0.4286)
        #expect(sentiment["confidence"] as? Double == 0.79)
        let terms = try #require(sentiment["terms"] as? [[String: Any]])
        #expect(terms.map { $0["term"] as? String } == ["不错", "差"])
        #expect(terms.last?["rules"] as? [String] == ["intensified:很", "after_contrast:但是"])
        let dimensions = try #require(object["dimensions"] as? [String: [String: Any]])
        #expect(Set(dimensions.keys) == ["tangibles", "assurance"])
        #expect(dimensions["assurance"]?["mentions"] as? Int == 2)
        #expect((dimensions["assurance"]?["evidence"] as? [[String: String]])?.map { $0["cue"] } == ["态度", "服务员"])
        #expect(object["fields"] as? [String: String] == ["branch": "上海外滩店", "rating": "2"])
        #expect(object["line"] == nil)  // the line is not part of the schema
    }

    @Test func withoutExplanationThereAreNoTermsOrEvidence() throws {
        let bytes = ResultEncoder(includeText: false, includeExplanation: false).encode(sampleResult())
        let output = String(decoding: bytes, as: UTF8.self)
        #expect(!output.contains("\"terms\""))
        // Signal evidence stays: a signal is its cue.
        #expect(output.components(separatedBy: "\"evidence\"").count == 2)
        let object = try parseObject(bytes)
        let sentiment = try #require(object["sentiment"] as? [String: Any])
        #expect(Set(sentiment.keys) == ["label", "score", "positive", "negative", "neutral", "confidence"])
        let dimensions = try #require(object["dimensions"] as? [String: [String: Any]])
        #expect(dimensions["tangibles"].map { Set($0.keys) } == ["label", "score", "weight", "mentions"])
        let aspects = try #require(object["aspects"] as? [String: [String: Any]])
        #expect(aspects["price"].map { Set($0.keys) } == ["label", "score", "mentions"])
        #expect(dimensions["tangibles"]?["score"] as? Double == 0.55)
    }

    @Test func dimensionsKeepTheirOrder() {
        let output = String(decoding: ResultEncoder().encode(sampleResult()), as: UTF8.self)
        let tangibles = output.range(of: "\"tangibles\"")
        let assurance = output.range(of: "\"assurance\"")
        #expect(tangibles != nil && assurance != nil)
        if let tangibles, let assurance { #expect(tangibles.lowerBound < assurance.lowerBound) }
    }

    @Test func emptyDimensionsFieldsAndTerms() throws {
        var result = sampleResult()
        result.dimensions = []
        result.aspects = []
        result.signals = []
        result.profile = ProfileSummary()
        result.fields = []
        result.sentiment.terms = []
        result.language = .und
        let output = String(decoding: ResultEncoder().encode(result), as: UTF8.self)
        #expect(output.contains(#""terms":[]"#))
        #expect(output.hasSuffix(#""dimensions":{},"aspects":{},"signals":[],"#
            + #""profile":{"name":"generic","version":"1","service_score":null},"fields":{}}"# + "\n"))
        #expect(output.contains(#""lang":"und""#))
        #expect(try parseObject(Array(output.utf8))["dimensions"] as? [String: Any] != nil)
    }

    /// A name that repeats (an XML record with several `<rating>` children) becomes one key with an array of its
    /// values, at the place of its first occurrence; names that do not repeat stay single values.
    @Test func repeatedFieldNamesBecomeOneArray() {
        var writer = JSONWriter()
        writer.fields([Field("rating", "4"), Field("branch", "外滩"), Field("rating", "5"), Field("rating", "2")])
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"rating":["4","5","2"],"branch":"外滩"}"#)
        var many = JSONWriter()
        let names = (0..<20).map { "f\($0)" } + ["f3"]
        many.fields(names.enumerated().map { Field($0.element, "\($0.offset)") })
        let text = String(decoding: many.bytes, as: UTF8.self)
        #expect(text.contains(#""f3":["3","20"]"#))
        #expect(text.contains(#""f19":"19""#))
    }

    @Test func fieldsKeepSourceOrderAndEscapeNames() throws {
        var result = sampleResult()
        result.fields = [Field("z\"last", "1"), Field("a", "x\ny")]
        let bytes = ResultEncoder().encode(result)
        let output = String(decoding: bytes, as: UTF8.self)
        #expect(output.hasSuffix(#""fields":{"z\"last":"1","a":"x\ny"}}"# + "\n"))
        #expect(try parseObject(bytes)["fields"] as? [String: String] == ["z\"last": "1", "a": "x\ny"])
    }

    @Test func nonFiniteScoresBecomeNullAndStillParse() throws {
        var result = sampleResult()
        result.sentiment.score = .nan
        let object = try parseObject(ResultEncoder().encode(result))
        let sentiment = try #require(object["sentiment"] as? [String: Any])
        #expect(sentiment["score"] is NSNull)
    }
}

@Suite struct RejectionEncoderTests {
    @Test func fullRejection() throws {
        let rejection = Rejection(source: "in.csv", recordNumber: 7, line: 9, byteOffset: 120,
                                  reason: .missingColumn(name: "text", columnCount: 2), raw: "a,\"b\"")
        let bytes = RejectionEncoder().encode(rejection)
        let output = String(decoding: bytes, as: UTF8.self)
        #expect(output == #"{"source":"in.csv","record":7,"line":9,"byte_offset":120,"reason":"missing_column","#
            + #""message":"the row has 2 field(s), so it has no 'text' column","raw":"a,\"b\""}"# + "\n")
        let object = try parseObject(bytes)
        #expect(object["raw"] as? String == "a,\"b\"")
    }

    @Test func missingPositionsAreNull() throws {
        let rejection = Rejection(source: "-", recordNumber: 1, reason: .emptyText, raw: "")
        let bytes = RejectionEncoder().encode(rejection)
        let output = String(decoding: bytes, as: UTF8.self)
        #expect(output.contains(#""line":null,"byte_offset":null"#))
        let object = try parseObject(bytes)
        #expect(object["line"] is NSNull)
        #expect(object["byte_offset"] is NSNull)
        #expect(object["reason"] as? String == "empty_text")
        #expect(object["message"] as? String == "the comment text is empty")
    }

    @Test func keyOrderAndOneNewline() {
        let rejection = Rejection(source: "x.xml", recordNumber: 3, line: 4, byteOffset: 5,
                                  reason: .malformedXML(message: "bad <tag>"), raw: "<r>\n</x>")
        let bytes = RejectionEncoder().encode(rejection)
        let output = String(decoding: bytes, as: UTF8.self)
        let keys = ["source", "record", "line", "byte_offset", "reason", "message", "raw"]
        #expect(keyOrder(output, keys: keys) == keys)
        #expect(bytes.filter { $0 == 0x0A }.count == 1)
        #expect(bytes.last == 0x0A)
    }

    @Test func rawRecordWithControlBytesAndChineseParses() throws {
        let raw = "评论\u{0}\u{1B}[31m\r\n\"引号\""
        let rejection = Rejection(source: "s", recordNumber: 1, reason: .invalidEncoding(encoding: "UTF-8"), raw: raw)
        let object = try parseObject(RejectionEncoder().encode(rejection))
        #expect(object["raw"] as? String == raw)
        #expect(object["reason"] as? String == "invalid_encoding")
    }
}
