import Foundation
import RaterAggregate
import RaterCore

/// Reads result lines (what `rater analyze` writes) back into observations for `rater aggregate`.
///
/// Only what aggregation needs is read: the sentiment label and score, each dimension's and aspect's label and score, signal
/// values and the passthrough fields. A line that is not a result names its file and line. Its figures are checked
/// against what an analysis writes (`ResultRanges`), the shares and confidence too though nothing here adds them up:
/// a hand-edited `"score": 7` or `"confidence": 3` is no result, and went into the means as it was.
public enum ResultLineDecoder {
    public static func observation(_ line: Data, path: String, lineNumber: Int) throws -> Observation {
        func fail(_ reason: String) -> AggregationError {
            .unreadableResult(path: path, line: lineNumber, reason: reason)
        }
        guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
            throw fail("not a JSON object")
        }
        return try observation(object: object, path: path, lineNumber: lineNumber)
    }

    /// The observation of an already parsed result line, for readers (`rater report`) that read more of the line.
    public static func observation(object: [String: Any], path: String, lineNumber: Int) throws -> Observation {
        func fail(_ reason: String) -> AggregationError {
            .unreadableResult(path: path, line: lineNumber, reason: reason)
        }
        guard let sentiment = object["sentiment"] as? [String: Any],
              let labelText = sentiment["label"] as? String, let label = SentimentLabel(rawValue: labelText),
              let score = (sentiment["score"] as? NSNumber)?.doubleValue else {
            throw fail("no sentiment label and score")
        }
        try check(sentiment["score"], field: "sentiment.score", within: ResultRanges.score, fail: fail)
        for share in ["positive", "negative", "neutral"] {
            try check(sentiment[share], field: "sentiment." + share, within: ResultRanges.share, fail: fail)
        }
        try check(sentiment["confidence"], field: "sentiment.confidence", within: ResultRanges.confidence, fail: fail)
        var mentions = [Observation.Mention]()
        for (name, value) in object["dimensions"] as? [String: Any] ?? [:] {
            guard let dimension = ServiceDimension(rawValue: name), let summary = value as? [String: Any],
                  let text = summary["label"] as? String, let label = SentimentLabel(rawValue: text),
                  let score = (summary["score"] as? NSNumber)?.doubleValue else {
                throw fail("dimension '\(name)' has no label and score")
            }
            try check(summary["score"], field: "dimensions.\(name).score", within: ResultRanges.score, fail: fail)
            mentions.append(.init(dimension: dimension, label: label, score: score))
        }
        mentions.sort { ServiceDimension.allCases.firstIndex(of: $0.dimension)! < ServiceDimension.allCases.firstIndex(of: $1.dimension)! }
        var aspects = [Observation.AspectMention]()
        for (name, value) in object["aspects"] as? [String: Any] ?? [:] {
            // An aspect this version does not know (a later version's) has no aggregate row, as in the databases.
            guard let aspect = Aspect(rawValue: name) else { continue }
            guard let summary = value as? [String: Any], let text = summary["label"] as? String,
                  let label = SentimentLabel(rawValue: text), let score = (summary["score"] as? NSNumber)?.doubleValue else {
                throw fail("aspect '\(name)' has no label and score")
            }
            try check(summary["score"], field: "aspects.\(name).score", within: ResultRanges.score, fail: fail)
            aspects.append(.init(aspect: aspect, label: label, score: score))
        }
        var fields = [Field]()
        // By name: a parsed JSON object has no order, and whoever shows the fields (a report's sample comments)
        // must show the same ones each time.
        for (name, value) in (object["fields"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let text = value as? String {
                fields.append(Field(name, text))
            } else if let values = value as? [String] {
                fields.append(contentsOf: values.map { Field(name, $0) })
            }
        }
        return Observation(label: label, score: score, mentions: mentions, aspects: aspects,
                           signals: signals(object["signals"]),
                           fields: fields)
    }

    /// Refuses a figure that is there but is no number (`true` reads as the number 1) or lies outside `range`.
    private static func check(_ value: Any?, field: String, within range: ClosedRange<Double>,
                              fail: (String) -> AggregationError) throws {
        guard let value else { return }
        guard let number = value as? NSNumber, !number.isJSONBoolean else {
            throw fail("\(field) is not a number")
        }
        guard range.contains(number.doubleValue) else {
            throw fail("\(field) is \(number.stringValue), outside [\(shown(range.lowerBound)), \(shown(range.upperBound))]")
        }
    }

    /// `-1` rather than `-1.0`.
    private static func shown(_ bound: Double) -> String {
        bound == bound.rounded() ? String(Int(bound)) : String(bound)
    }

    /// Signals as `signal.value`, from the results' `[{"signal": "loyalty", "value": "at_risk", …}]`.
    static func signals(_ value: Any?) -> [String] {
        guard let signals = value as? [[String: Any]] else { return [] }
        return signals.compactMap { entry in
            guard let signal = entry["signal"] as? String, let value = entry["value"] as? String else { return nil }
            return "\(signal).\(value)"
        }.sorted()
    }
}
