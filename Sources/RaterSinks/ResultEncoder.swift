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
        var json = JSONWriter()
        json.beginObject()
        json.key("id", result.id)
        json.key("source", result.source)
        json.key("record", result.recordNumber)
        json.key("lang", result.language.rawValue)
        if includeText { json.key("text", result.text) }
        json.key("sentiment")
        encode(result.sentiment, into: &json)
        json.key("dimensions")
        json.beginObject()
        for dimension in result.dimensions {
            json.key(dimension.dimension.rawValue)
            json.beginObject()
            json.key("label", dimension.label.rawValue)
            json.key("score", dimension.score)
            json.key("weight", dimension.weight)
            json.key("mentions", dimension.mentions)
            if includeExplanation {
                encode(evidence: dimension.evidence.map { CueEvidence(cue: $0.cue, clause: $0.clause) }, into: &json)
            }
            json.endObject()
        }
        json.endObject()
        json.key("aspects")
        json.beginObject()
        for aspect in result.aspects {
            json.key(aspect.aspect.rawValue)
            json.beginObject()
            json.key("label", aspect.label.rawValue)
            json.key("score", aspect.score)
            json.key("mentions", aspect.mentions)
            if includeExplanation { encode(evidence: aspect.evidence, into: &json) }
            json.endObject()
        }
        json.endObject()
        json.key("signals")
        json.beginArray()
        for signal in result.signals {
            json.beginObject()
            json.key("signal", signal.kind.rawValue)
            json.key("value", signal.value.rawValue)
            // Signals are few and their cue is the whole point, so the evidence is kept even without explanations.
            encode(evidence: signal.evidence, into: &json)
            json.endObject()
        }
        json.endArray()
        json.key("profile")
        json.beginObject()
        json.key("name", result.profile.name)
        json.key("version", result.profile.version)
        json.key("service_score")
        if let score = result.profile.serviceScore { json.number(score) } else { json.null() }
        json.endObject()
        json.key("fields")
        json.fields(result.fields)
        json.endObject()
        json.newline()
        return json.bytes
    }

    private func encode(evidence: [CueEvidence], into json: inout JSONWriter) {
        json.key("evidence")
        json.evidence(evidence)
    }

    private func encode(_ sentiment: SentimentSummary, into json: inout JSONWriter) {
        json.beginObject()
        json.key("label", sentiment.label.rawValue)
        json.key("score", sentiment.score)
        json.key("positive", sentiment.positive)
        json.key("negative", sentiment.negative)
        json.key("neutral", sentiment.neutral)
        json.key("confidence", sentiment.confidence)
        if includeExplanation {
            json.key("terms")
            json.terms(sentiment.terms)
        }
        json.endObject()
    }
}
