import RaterCore

/// Encodes results as the JSON Lines documented in the README and `Corpora/schema/result.schema.json`.
///
/// Key order is part of the contract: id, source, record, lang, [text], sentiment, dimensions, aspects, signals,
/// profile, fields.
public struct ResultEncoder: Sendable {
    /// Write the normalized comment text into each result.
    public var includeText: Bool
    /// Write the explanation (contributing terms) and dimension evidence.
    public var includeExplanation: Bool

    public init(includeText: Bool = false, includeExplanation: Bool = true) {
        self.includeText = includeText
        self.includeExplanation = includeExplanation
    }

    public func encode(_ result: CommentResult) -> [UInt8] {
        var nothing = NoLineParts()
        return encode(result, recording: &nothing)
    }

    /// The result's line, and the result as the databases store it (the same as `StoredComment(result)`), whose
    /// JSON parts are taken from the line where it holds them rather than written again.
    public func encodeStoring(_ result: CommentResult) -> (line: [UInt8], stored: StoredComment) {
        // Without the explanation the line has no terms and no dimension evidence, which the databases keep anyway.
        guard includeExplanation else { return (encode(result), StoredComment(result)) }
        var parts = StoredParts(dimensions: result.dimensions.count, aspects: result.aspects.count,
                                signals: result.signals.count)
        let line = encode(result, recording: &parts)
        return (line, StoredComment(result, parts: parts))
    }

    private func encode<Recorder: LinePartRecorder>(_ result: CommentResult, recording parts: inout Recorder)
        -> [UInt8]
    {
        var json = JSONWriter()
        json.beginObject()
        json.member("id", result.id)
        json.member("source", result.source)
        json.member("record", result.recordNumber)
        json.member("lang", result.language.rawValue)
        if includeText { json.member("text", result.text) }
        json.member("sentiment")
        encode(result.sentiment, into: &json, recording: &parts)
        json.member("dimensions")
        json.beginObject()
        for dimension in result.dimensions {
            json.key(dimension.dimension.rawValue)
            json.beginObject()
            json.member("label", dimension.label.rawValue)
            json.member("score", dimension.score)
            json.member("weight", dimension.weight)
            json.member("mentions", dimension.mentions)
            if includeExplanation {
                json.member("evidence")
                let start = json.byteCount
                json.evidence(dimension.evidence)
                parts.record(.dimensionEvidence, in: json, since: start)
            }
            json.endObject()
        }
        json.endObject()
        json.member("aspects")
        json.beginObject()
        for aspect in result.aspects {
            json.key(aspect.aspect.rawValue)
            json.beginObject()
            json.member("label", aspect.label.rawValue)
            json.member("score", aspect.score)
            json.member("mentions", aspect.mentions)
            if includeExplanation {
                json.member("evidence")
                let start = json.byteCount
                json.evidence(aspect.evidence)
                parts.record(.aspectEvidence, in: json, since: start)
            }
            json.endObject()
        }
        json.endObject()
        json.member("signals")
        json.beginArray()
        for signal in result.signals {
            json.beginObject()
            json.member("signal", signal.kind.rawValue)
            json.member("value", signal.value.rawValue)
            // Signals are few and their cue is the whole point, so the evidence is kept even without explanations.
            json.member("evidence")
            let start = json.byteCount
            json.evidence(signal.evidence)
            parts.record(.signalEvidence, in: json, since: start)
            json.endObject()
        }
        json.endArray()
        json.member("profile")
        json.beginObject()
        json.member("name", result.profile.name)
        json.member("version", result.profile.version)
        json.member("service_score")
        if let score = result.profile.serviceScore { json.number(score) } else { json.null() }
        json.endObject()
        json.member("fields")
        let start = json.byteCount
        json.fields(result.fields)
        parts.record(.fields, in: json, since: start)
        json.endObject()
        json.newline()
        return json.bytes
    }

    private func encode<Recorder: LinePartRecorder>(_ sentiment: SentimentSummary, into json: inout JSONWriter,
                                                    recording parts: inout Recorder) {
        json.beginObject()
        json.member("label", sentiment.label.rawValue)
        json.member("score", sentiment.score)
        json.member("positive", sentiment.positive)
        json.member("negative", sentiment.negative)
        json.member("neutral", sentiment.neutral)
        json.member("confidence", sentiment.confidence)
        // Kept even with `--no-explanation`, like signals: one word that says whether to trust the score.
        if let kind = sentiment.evidenceKind { json.member("evidence_kind", kind.rawValue) }
        if includeExplanation {
            json.member("terms")
            let start = json.byteCount
            json.terms(sentiment.terms)
            parts.record(.terms, in: json, since: start)
        }
        json.endObject()
    }
}
