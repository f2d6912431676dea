import RaterCore

/// Encodes results as the JSON Lines documented in the README and `Corpora/schema/result.schema.json`.
///
/// Key order is part of the contract: id, source, record, lang, [text], sentiment, dimensions, fields.
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
            json.key("mentions", dimension.mentions)
            if includeExplanation {
                json.key("evidence")
                json.beginArray()
                for item in dimension.evidence {
                    json.beginObject()
                    json.key("cue", item.cue)
                    json.key("clause", item.clause)
                    json.endObject()
                }
                json.endArray()
            }
            json.endObject()
        }
        json.endObject()
        json.key("fields")
        json.fields(result.fields)
        json.endObject()
        return json.bytes + [0x0A]
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
            json.beginArray()
            for term in sentiment.terms {
                json.beginObject()
                json.key("term", term.term)
                json.key("base", term.base)
                json.key("weight", term.weight)
                json.key("rules")
                json.beginArray()
                for rule in term.rules { json.string(rule) }
                json.endArray()
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
    }
}
