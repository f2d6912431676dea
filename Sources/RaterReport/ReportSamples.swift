import RaterCore

/// What the report shows beside the aggregates: per scope (overall and each RATER dimension), the terms that
/// carried the sentiment and a few representative comments.
///
/// Memory is bounded whatever the input size: each scope keeps only its `keep` most positive and `keep` most
/// negative comments (a bounded selection, ties broken by id so the report is the same for the same input), and
/// term weights are summed in a table capped at `maxTerms` distinct terms per scope (the vocabulary of the
/// lexicons is far smaller; the cap guards against pathological input).
public struct ReportSamples: Sendable, Equatable {
    public struct Comment: Sendable, Equatable {
        public var id: String
        /// The comment text when results were written with `--include-text`, else the clauses the scope was found in.
        public var text: String
        public var score: Double
        public var fields: [Field]

        public init(id: String, text: String, score: Double, fields: [Field]) {
            self.id = id
            self.text = text
            self.score = score
            self.fields = fields
        }
    }

    public struct Term: Sendable, Equatable {
        public var term: String
        /// The sum of the term's final weights over the comments (positive or negative).
        public var weight: Double
        public var count: Int
    }

    /// One scope's samples.
    public struct Scope: Sendable, Equatable {
        public internal(set) var mostPositive: [Comment] = []
        public internal(set) var mostNegative: [Comment] = []
        var terms: [String: (weight: Double, count: Int)] = [:]

        public static func == (lhs: Scope, rhs: Scope) -> Bool {
            lhs.mostPositive == rhs.mostPositive && lhs.mostNegative == rhs.mostNegative
                && lhs.terms.mapValues { [$0.weight, Double($0.count)] } == rhs.terms.mapValues { [$0.weight, Double($0.count)] }
        }

        /// The `limit` terms with the largest summed weight on the positive (or negative) side.
        public func topTerms(positive: Bool, limit: Int) -> [Term] {
            terms.filter { positive ? $0.value.weight > 0 : $0.value.weight < 0 }
                .map { Term(term: $0.key, weight: $0.value.weight, count: $0.value.count) }
                .sorted { abs($0.weight) != abs($1.weight) ? abs($0.weight) > abs($1.weight) : $0.term < $1.term }
                .prefix(limit).map { $0 }
        }
    }

    public let keep: Int
    public let maxTerms: Int
    public private(set) var scopes: [String: Scope] = [:]

    public init(keep: Int = 3, maxTerms: Int = 5_000) {
        self.keep = keep
        self.maxTerms = maxTerms
    }

    public func scope(_ name: String) -> Scope { scopes[name] ?? Scope() }

    /// Adds one comment to a scope: its score in that scope and the terms that count towards it.
    public mutating func add(scope name: String, comment: Comment, terms: [(term: String, weight: Double)]) {
        var scope = scopes[name] ?? Scope()
        if comment.score > 0 { Self.insert(comment, into: &scope.mostPositive, keep: keep, positive: true) }
        if comment.score < 0 { Self.insert(comment, into: &scope.mostNegative, keep: keep, positive: false) }
        for (term, weight) in terms where weight != 0 {
            if scope.terms[term] == nil && scope.terms.count >= maxTerms { continue }
            scope.terms[term, default: (0, 0)].weight += weight
            scope.terms[term, default: (0, 0)].count += 1
        }
        scopes[name] = scope
    }

    /// Keeps `list` as the `keep` most extreme comments, most extreme first, each text once: exports repeat short
    /// comments ("Great service!"), and one text shown three times as the most positive says less than three
    /// (a user-side review).
    static func insert(_ comment: Comment, into list: inout [Comment], keep: Int, positive: Bool) {
        func before(_ a: Comment, _ b: Comment) -> Bool {
            a.score != b.score ? (positive ? a.score > b.score : a.score < b.score) : a.id < b.id
        }
        guard keep > 0 else { return }
        if let same = list.firstIndex(where: { $0.text == comment.text }) {
            guard before(comment, list[same]) else { return }
            list.remove(at: same)
        }
        if list.count == keep, let last = list.last, !before(comment, last) { return }
        let index = list.firstIndex { before(comment, $0) } ?? list.endIndex
        list.insert(comment, at: index)
        if list.count > keep { list.removeLast() }
    }
}
