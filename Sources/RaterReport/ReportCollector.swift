import Foundation
import Rater
import RaterAggregate
import RaterCore

/// Reads result lines (what `rater analyze` writes) into an aggregation and the report's samples in one pass.
///
/// The aggregation is made by the same decoder as `rater aggregate`, so the report's numbers are the aggregates'
/// numbers; the samples take what the aggregates drop: the terms and the comments themselves.
public struct ReportCollector: Sendable {
    public private(set) var aggregation: Aggregation
    public private(set) var samples: ReportSamples
    public private(set) var results = 0

    public init(options: AggregationOptions, samples: ReportSamples = ReportSamples()) {
        aggregation = Aggregation(options: options)
        self.samples = samples
    }

    public mutating func add(line: Data, path: String, lineNumber: Int) throws {
        guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
            throw AggregationError.unreadableResult(path: path, line: lineNumber, reason: "not a JSON object")
        }
        let observation = try ResultLineDecoder.observation(object: object, path: path, lineNumber: lineNumber)
        let sentiment = object["sentiment"] as? [String: Any] ?? [:]
        let terms: [(term: String, weight: Double)] = (sentiment["terms"] as? [[String: Any]] ?? []).compactMap {
            guard let term = $0["term"] as? String, let weight = ($0["weight"] as? NSNumber)?.doubleValue else { return nil }
            return (term, weight)
        }
        let dimensions = object["dimensions"] as? [String: Any] ?? [:]
        var clauses = [ServiceDimension: [String]]()
        for mention in observation.mentions {
            let evidence = (dimensions[mention.dimension.rawValue] as? [String: Any])?["evidence"] as? [[String: Any]] ?? []
            clauses[mention.dimension] = evidence.compactMap { $0["clause"] as? String }
        }
        add(observation, id: object["id"] as? String ?? "\(path):\(lineNumber)", text: object["text"] as? String,
            terms: terms, clauses: clauses)
    }

    /// Adds a result read back from a database (`rater report --db`).
    public mutating func add(result: CommentResult) {
        var clauses = [ServiceDimension: [String]]()
        for summary in result.dimensions { clauses[summary.dimension] = summary.evidence.map(\.clause) }
        add(Observation(result), id: result.id, text: result.text.isEmpty ? nil : result.text,
            terms: result.sentiment.terms.map { ($0.term, $0.weight) }, clauses: clauses)
    }

    /// Adds a survey answer with a rating and no comment read back from a database (`rater report --db`): its
    /// ratings count in the figures, and it is no result and no sample.
    public mutating func add(answer: RatingOnlyAnswer) {
        aggregation.add(answer)
    }

    private mutating func add(_ observation: Observation, id: String, text: String?,
                              terms: [(term: String, weight: Double)], clauses: [ServiceDimension: [String]]) {
        aggregation.add(observation)
        results += 1
        // Without the text (results written without --include-text), the clauses the dimensions were found in
        // stand for the comment, else its sentiment terms.
        var allClauses = [String]()
        for mention in observation.mentions {
            for clause in clauses[mention.dimension] ?? [] where !allClauses.contains(clause) { allClauses.append(clause) }
        }
        let stand = allClauses.isEmpty ? terms.map(\.term).joined(separator: " · ") : allClauses.joined(separator: " … ")
        samples.add(scope: GroupAggregate.overall,
                    comment: .init(id: id, text: text ?? stand, score: observation.score, fields: observation.fields),
                    terms: terms)
        for mention in observation.mentions {
            var unique = [String]()
            for clause in clauses[mention.dimension] ?? [] where !unique.contains(clause) { unique.append(clause) }
            // A term counts towards a dimension when it sits in a clause the dimension was found in: the terms are
            // the comment's, the evidence says which clauses speak to which dimension.
            let inScope = terms.filter { term in unique.contains { $0.contains(term.term) } }
            samples.add(scope: mention.dimension.rawValue,
                        comment: .init(id: id, text: text ?? unique.joined(separator: " … "), score: mention.score,
                                       fields: observation.fields),
                        terms: inScope)
        }
    }

    /// Reads a whole JSON Lines byte stream; `next` yields bytes until nil.
    public mutating func addLines(path: String, next: () throws -> UInt8?) throws {
        var line = [UInt8]()
        var lineNumber = 0
        func flush() throws {
            lineNumber += 1
            defer { line.removeAll(keepingCapacity: true) }
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { return }
            try add(line: Data(line), path: path, lineNumber: lineNumber)
        }
        while let byte = try next() {
            if byte == 0x0A { try flush() } else { line.append(byte) }
        }
        if !line.isEmpty { try flush() }
    }
}
