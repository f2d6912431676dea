import RaterCore
import Testing

@testable import RaterSinks

/// `encodeStoring` takes a stored comment's JSON parts out of the line it writes: the line must be the plain line,
/// and the stored comment the one `StoredComment(result)` writes on its own, whatever the result holds.
@Suite struct EncodeStoringTests {
    static func variants() -> [CommentResult] {
        var empty = sampleResult()
        empty.dimensions = []
        empty.aspects = []
        empty.signals = []
        empty.fields = []
        empty.sentiment.terms = []
        var escaped = sampleResult(text: "tab\there \"quoted\" \\ \u{1}")
        escaped.fields = [Field("z\"name", "x\ny"), Field("rating", "4"), Field("rating", "5"), Field("", "")]
        escaped.sentiment.terms = [TermExplanation(term: "\"bad\"\n", base: -2, rules: [], weight: .nan)]
        escaped.dimensions[0].evidence = [(cue: "</script>", clause: "a\u{0}b"), (cue: "", clause: "")]
        escaped.dimensions[1].evidence = []
        escaped.aspects.append(AspectSummary(aspect: .location, label: .neutral, score: 0, mentions: 2,
                                             evidence: [CueEvidence(cue: "\"停车\"", clause: "a\u{0}\n"),
                                                        CueEvidence(cue: "", clause: "")]))
        escaped.profile = ProfileSummary(name: "ho\"tel", version: "2\n", serviceScore: nil)
        escaped.signals.append(SignalSummary(value: .loyal, evidence: []))
        escaped.signals.append(SignalSummary(value: .recovered,
                                             evidence: [CueEvidence(cue: "😡", clause: "😡😡", negator: "\"")]))
        var deep = sampleResult()
        deep.sentiment.terms = (0..<300).map { TermExplanation(term: "词\($0)", base: 1, rules: ["r\($0)"], weight: 1) }
        return [sampleResult(), empty, escaped, deep]
    }

    @Test(arguments: [true, false], [true, false])
    func lineAndStoredFormAreThoseWrittenApart(includeText: Bool, includeExplanation: Bool) {
        let encoder = ResultEncoder(includeText: includeText, includeExplanation: includeExplanation)
        for result in Self.variants() {
            let (line, stored) = encoder.encodeStoring(result)
            #expect(line == encoder.encode(result))
            #expect(stored == StoredComment(result))
        }
    }

    @Test func partsAreTheValuesAlone() {
        let (_, stored) = ResultEncoder().encodeStoring(sampleResult())
        #expect(stored.fieldsJSON == #"{"branch":"上海外滩店","rating":"2"}"#)
        #expect(stored.explanationJSON.hasPrefix(#"[{"term":"不错""#) && stored.explanationJSON.hasSuffix("]"))
        #expect(stored.dimensions.map(\.evidenceJSON) == [
            #"[{"cue":"环境","clause":"环境不错"}]"#,
            #"[{"cue":"态度","clause":"但是服务员态度很差"},{"cue":"服务员","clause":"但是服务员态度很差"}]"#,
        ])
        #expect(stored.signals.map(\.evidenceJSON) == [#"[{"cue":"再来","clause":"不会再来了","negator":"不会"}]"#])
        #expect(stored.aspects.map(\.aspect) == [.price])
        #expect(stored.aspects.map(\.evidenceJSON) == [#"[{"cue":"价格","clause":"价格也实惠"}]"#])
        #expect(stored.profileName == "hotel" && stored.profileVersion == "1" && stored.serviceScore == -0.1)
    }

    @Test func textSinceStartIsTheValueWrittenSinceThen() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("a")
        let start = writer.byteCount
        writer.string("ü\"")
        #expect(writer.text(since: start) == #""ü\"""#)
        #expect(writer.text(since: writer.byteCount) == "")
        writer.endObject()
        #expect(writer.text(since: 0) == #"{"a":"ü\""}"#)
    }
}
