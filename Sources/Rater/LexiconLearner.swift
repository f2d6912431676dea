import Foundation
import RaterCore
import RaterLexicon
import RaterNormalize
import RaterSegment

/// Induces sentiment terms and weights from labelled comments: `rater lexicon learn`.
///
/// Each word (ICU token, lower-cased) and each pair of adjacent words is counted once per comment, separately for
/// positive and negative comments. A term's weight is its log-odds ratio between the classes with an informative
/// Dirichlet prior (Monroe, Colaresi & Quinn 2008), which shrinks rare terms toward zero; only terms whose z-score
/// clears `minimumZ` are kept. Words inside a negation scope are skipped (the rules handle "不好" as 不 + 好), and
/// negators, degree, contrast and irrealis words are never learned: those are the rules' business; nor are
/// connectives (kind `connective`: 倒是, "actually"), which frame a clause and say nothing of it.
///
/// Function words (the, was, did; lexicon kind `function`) are not learned by default and never paired. Measured
/// 2026-11-26: learning them gains about three points on a held-out half of the English UCI set (its complaints are
/// narratives, its praise exclamations) but loses a little on the team's three-way service gold, where "was" in a
/// neutral sentence then reads as a complaint: a style of one data set, not sentiment. `--learn-function-words`
/// turns them on; the scorer never lets them take a negation meant for the word after them (see `Scorer`).
public struct LexiconLearner {
    public struct Options: Sendable {
        public var minimumDocuments = 8
        public var minimumZ = 3.0
        /// Valence = log-odds × scale, clipped to ±maximumValence.
        public var scale = 1.2
        public var maximumValence = 3.0
        /// Total pseudo-count of the prior, spread over terms by their overall frequency.
        public var priorStrength = 500.0
        public var includeBigrams = true
        public var maximumTerms = 20_000
        /// Terms in more than this share of all comments are function words ("it", "that", 的): too common to carry
        /// sentiment, and a weak term between a negator and its target would swallow the negation. A one-sided term
        /// (see `oneSidedShare`) is exempt: a team's slang can be in a quarter of its few hundred corrections, and a
        /// function word is in both kinds of comment.
        public var maximumDocumentShare = 0.2
        /// A term is one-sided when the share of one label's comments holding it is at most this fraction of the
        /// other label's share: rates, not counts, so that on a set of 95% praise "the" (in every comment) is not
        /// one-sided.
        public var oneSidedShare = 0.1
        /// Terms whose valence would be weaker than this are left out for the same reason.
        public var minimumValence = 0.5
        /// Whether function words (lexicon kind `function`) are learned as single words. Off by default: their
        /// skew in a development set ("was", "did" leaning negative) is style of that set, and in other domains
        /// it only adds noise to every sentence.
        public var learnFunctionWords = false
        /// A term is kept only when it leans its way in at least this many sources (the `source` of `add`: a gold
        /// file, or a column such as a product category). A lean seen in one source only is usually that source's
        /// topic (a film's "script", a fruit's 果肉), learned because the source's complaints talk about it, not an
        /// opinion that carries to other comments. In a source, a term leans its way when its rate in the comments
        /// of that label is above its rate in the other label's (rates: sources differ in balance); a source with
        /// comments of one label only cannot show a lean. 1 (the default) turns the check off.
        public var minimumSources = 1
        /// Whether each term is counted again as the scorer matches it before it is kept: in Han text a lexicon
        /// term matches at any character, so an ICU word such as 的地 (from 偏的地方, split 偏|的地|方) also
        /// fires inside every 的地方 and 目的地, where its lean from the few comments ICU split that way says
        /// nothing. The recount runs the scorer's own matcher (the lexicon's terms and the candidates, longest match
        /// first) over the comments; a term is kept only when the comments it is matched in lean the same way with
        /// z at least `minimumZ`, and its valence is the recount's. Matches within three words after a negator
        /// are not counted, as in the first count.
        public var recountMatches = false
        /// The language learned (nil: every comment and term). A comment the normalize stage detects as another
        /// language (`LanguageDetector`, as `analyze` does) is left out, and so is a term of the other script (a
        /// Latin word in a Chinese comment, a Han word in an English one): the file is tagged with this language,
        /// and a `# language: zh` file of English terms would change how English comments are read. Comments of
        /// both scripts (`mixed`) are kept for their terms of this script.
        public var language: Language?

        public init() {}
    }

    public struct LearnedTerm: Sendable, Equatable {
        public var term: String
        public var valence: Double
        public var z: Double
        public var positiveDocuments: Int
        public var negativeDocuments: Int
    }

    private let normalizer: Normalizer
    private let segmenter: Segmenter
    private let ruleWords: TermMatcher
    /// Function words (lexicon kind `function`): learned alone, never paired (see `add`).
    private let functionWords: Set<String>
    /// The lexicon's entries as the scorer matches them (function-word-only entries dropped), for the recount.
    private let scoringEntries: [String: LexiconEntry]
    public var options: Options
    private var positive = [String: Int]()
    private var negative = [String: Int]()
    public private(set) var positiveComments = 0
    public private(set) var negativeComments = 0
    /// Labelled comments left out because they are of another language than `options.language`.
    public private(set) var otherLanguageComments = 0
    /// Per source (indexed by `sourceIndex`): comments and term counts of each label, for `minimumSources`.
    private var sourceIndex = [String: Int]()
    private var sources = [SourceCounts]()
    /// The normalised comments and their labels, kept for the recount when `recountMatches` is on.
    private var comments = [(text: String, label: SentimentLabel)]()

    /// One source's comments and term counts by label.
    private struct SourceCounts {
        var positiveComments = 0
        var negativeComments = 0
        var positive = [String: Int]()
        var negative = [String: Int]()
    }

    /// The number of distinct sources seen so far.
    public var sourceCount: Int { sources.count }

    /// - Parameter lexicon: the lexicon whose negators, degree, contrast, irrealis and connective words are excluded.
    public init(lexicon: Lexicon, options: Options = Options()) throws {
        normalizer = try Normalizer()
        segmenter = try Segmenter()
        ruleWords = TermMatcher(entries: lexicon.entries.filter {
            $0.value.isNegator || $0.value.degree != nil || $0.value.contrast != nil || $0.value.irrealis != nil
                || $0.value.isConnective
        })
        functionWords = Set(lexicon.entries.filter { $0.value.isFunctionWord }.keys)
        scoringEntries = lexicon.entries.filter { !$0.value.isOnlyFunctionWord }
        self.options = options
    }

    /// Counts one labelled comment (neutral comments are ignored: the weights contrast the two poles). `source`
    /// names where the comment comes from (a file, a category), for `minimumSources`.
    public mutating func add(text: String, label: SentimentLabel, source: String = "") throws {
        guard label != .neutral else { return }
        let normalized = try normalizer.normalize(SourceRecord(source: "-", recordNumber: 1, text: text))
        if let language = options.language, normalized.language != language, normalized.language != .mixed {
            otherLanguageComments += 1
            return
        }
        if options.recountMatches { comments.append((normalized.text, label)) }
        let segmented = try segmenter.segment(normalized.text)
        var terms = Set<String>()
        for clause in segmented.clauses {
            var previous: (text: String, isHan: Bool)?
            var negationLeft = 0
            for index in clause.tokens {
                let token = segmented.tokens[index]
                guard token.kind == .word || token.kind == .ideographic else {
                    if token.kind != .whitespace { previous = nil }
                    continue
                }
                let word = String(decoding: segmented.folded[token.byteRange], as: UTF8.self)
                let isHan = token.kind == .ideographic
                if let entry = ruleWords.lookup(segmented.folded[token.byteRange]) {
                    if ruleWords.entries[entry].isNegator { negationLeft = 3 }
                    previous = nil
                    continue
                }
                if negationLeft > 0 {
                    negationLeft -= 1
                    previous = nil
                    continue
                }
                // ICU words such as 不好 or 一点都不 fold a negator into the word; the rules handle those, so a
                // word that starts or ends with a rule word is not learned (nor paired). Only a word that *ends*
                // with a negator (一点都不, 并不) opens a negation scope over the words after it: in 不好 or 不错 the
                // negator has already found its target inside the word, so the next words are not negated.
                if isHan, startsOrEndsWithRuleWord(segmented.folded[token.byteRange]) {
                    if endsWithNegator(segmented.folded[token.byteRange]) { negationLeft = 3 }
                    previous = nil
                    continue
                }
                // A word of the other script is not learned nor paired (see `Options.language`); it still counts
                // in a negation's reach above, as the scorer counts it.
                if let language = options.language, isHan != (language == .zh) {
                    previous = nil
                    continue
                }
                if options.learnFunctionWords || !functionWords.contains(word) { terms.insert(word) }
                // A pair with a function word in it ("i could", "was great") is not learned: it adds nothing the
                // content word does not say, and as a longer match it would swallow the start of a hand-written
                // phrase at scoring time ("I could not be happier" lost "could not be happier" to "i could").
                if options.includeBigrams, let before = previous, before.isHan == isHan,
                   !functionWords.contains(before.text), !functionWords.contains(word) {
                    terms.insert(isHan ? before.text + word : before.text + " " + word)
                }
                previous = (word, isHan)
            }
        }
        let index = sourceIndex[source] ?? sources.count
        if index == sources.count {
            sourceIndex[source] = index
            sources.append(SourceCounts())
        }
        if label == .positive {
            positiveComments += 1
            sources[index].positiveComments += 1
            for term in terms {
                positive[term, default: 0] += 1
                sources[index].positive[term, default: 0] += 1
            }
        } else {
            negativeComments += 1
            sources[index].negativeComments += 1
            for term in terms {
                negative[term, default: 0] += 1
                sources[index].negative[term, default: 0] += 1
            }
        }
    }

    /// Whether a Han word begins or ends with a negator, degree, contrast or irrealis word (不好, 很好, 好吗).
    private func startsOrEndsWithRuleWord(_ bytes: ArraySlice<UInt8>) -> Bool {
        var prefixEnd = bytes.startIndex
        var suffixStart = bytes.endIndex
        while prefixEnd < bytes.endIndex - 1 {
            prefixEnd += 1
            while prefixEnd < bytes.endIndex, bytes[prefixEnd] & 0xC0 == 0x80 { prefixEnd += 1 }
            if prefixEnd < bytes.endIndex, ruleWords.lookup(bytes[bytes.startIndex..<prefixEnd]) != nil { return true }
        }
        while suffixStart > bytes.startIndex + 1 {
            suffixStart -= 1
            while suffixStart > bytes.startIndex, bytes[suffixStart] & 0xC0 == 0x80 { suffixStart -= 1 }
            if suffixStart > bytes.startIndex, ruleWords.lookup(bytes[suffixStart..<bytes.endIndex]) != nil { return true }
        }
        return false
    }

    /// Whether a Han word ends with a negator (一点都不, 并不, 从没): its negation reaches past the word's end.
    /// Suffixes are tried at every character boundary, so multi-character negators (没有) are found too.
    func endsWithNegator(_ bytes: ArraySlice<UInt8>) -> Bool {
        var suffixStart = bytes.endIndex
        while suffixStart > bytes.startIndex {
            suffixStart -= 1
            while suffixStart > bytes.startIndex, bytes[suffixStart] & 0xC0 == 0x80 { suffixStart -= 1 }
            if let entry = ruleWords.lookup(bytes[suffixStart..<bytes.endIndex]), ruleWords.entries[entry].isNegator {
                return true
            }
        }
        return false
    }

    /// The learned terms, strongest evidence first.
    public func learn() throws -> [LearnedTerm] {
        let positiveTotal = Double(positive.values.reduce(0, +))
        let negativeTotal = Double(negative.values.reduce(0, +))
        guard positiveTotal > 0, negativeTotal > 0 else { return [] }
        var learned = [LearnedTerm]()
        for term in Set(positive.keys).union(negative.keys) where ruleWords.lookup(term.utf8) == nil {
            let p = positive[term] ?? 0
            let n = negative[term] ?? 0
            guard p + n >= options.minimumDocuments, !isTooCommon(p: Double(p), n: Double(n)),
                  let weighed = weigh(term, p: p, n: n, positiveTotal: positiveTotal, negativeTotal: negativeTotal),
                  leaningSources(of: term, sign: weighed.valence) >= options.minimumSources else { continue }
            learned.append(weighed)
        }
        if options.recountMatches {
            learned = try recounted(learned, positiveTotal: positiveTotal, negativeTotal: negativeTotal)
        }
        learned.sort { abs($0.z) != abs($1.z) ? abs($0.z) > abs($1.z) : $0.term < $1.term }
        return Array(learned.prefix(options.maximumTerms))
    }

    /// The term's log-odds, z-score and valence from `p` positive and `n` negative comments, or nil when its z or
    /// valence is too weak.
    private func weigh(_ term: String, p: Int, n: Int, positiveTotal: Double, negativeTotal: Double) -> LearnedTerm? {
        let (p, n) = (Double(p), Double(n))
        let alpha = options.priorStrength * (p + n) / (positiveTotal + negativeTotal)
        let alpha0 = options.priorStrength
        let delta = log((p + alpha) / (positiveTotal + alpha0 - p - alpha))
            - log((n + alpha) / (negativeTotal + alpha0 - n - alpha))
        let variance = 1 / (p + alpha) + 1 / (n + alpha)
        let z = delta / variance.squareRoot()
        guard abs(z) >= options.minimumZ else { return nil }
        // No stronger than its evidence: |valence| is at most |z|. The prior's pseudo-count for a term is its share
        // of all words, so a word in three complaints and no praise of a few dozen comments has a pseudo-count of
        // about 0.06 on the praise side and a log-odds of −4 (−3.0 after clipping, the strongest valence) at z ≈ 1:
        // 一, 一个, 等 came out so from 52 comments. At the default --min-z 3 the bound is the clip, so large
        // sets learn as before.
        let bound = min(options.maximumValence, abs(z))
        let valence = max(-bound, min(bound, delta * options.scale))
        guard abs(valence) >= options.minimumValence else { return nil }
        return LearnedTerm(term: term, valence: (valence * 100).rounded() / 100, z: z,
                           positiveDocuments: Int(p), negativeDocuments: Int(n))
    }

    /// In how many sources the term leans the way `sign` says: its rate among that source's comments of the label
    /// it leans to is above its rate among the other label's.
    private func leaningSources(of term: String, sign: Double) -> Int {
        guard options.minimumSources > 1 else { return options.minimumSources }
        var count = 0
        for source in sources where source.positiveComments > 0 && source.negativeComments > 0 {
            let lean = Double(source.positive[term] ?? 0) / Double(source.positiveComments)
                - Double(source.negative[term] ?? 0) / Double(source.negativeComments)
            if lean * sign > 0 { count += 1 }
        }
        return count
    }

    /// The candidates weighed again on the comments the scorer would match them in (see `recountMatches`).
    private func recounted(_ candidates: [LearnedTerm], positiveTotal: Double,
                           negativeTotal: Double) throws -> [LearnedTerm] {
        var entries = scoringEntries
        for candidate in candidates where entries[candidate.term]?.valence == nil {
            var entry = entries[candidate.term] ?? LexiconEntry()
            entry.valence = candidate.valence
            entry.isLearnedValence = true
            entries[candidate.term] = entry
        }
        let matcher = TermMatcher(entries: entries)
        let candidateTerms = Set(candidates.map(\.term))
        let isCandidate = matcher.terms.map(candidateTerms.contains)
        var matchedPositive = [Int: Int]()
        var matchedNegative = [Int: Int]()
        for comment in comments {
            let segmented = try segmenter.segment(comment.text)
            var clauseOfToken = [Int](repeating: -1, count: segmented.tokens.count)
            for (index, clause) in segmented.clauses.enumerated() {
                for token in clause.tokens { clauseOfToken[token] = index }
            }
            // Each token's number of words before it, so that the negation reach counts words as `add` does.
            var wordOrdinal = [Int](repeating: 0, count: segmented.tokens.count)
            var words = 0
            for (index, token) in segmented.tokens.enumerated() {
                wordOrdinal[index] = words
                if token.kind == .word || token.kind == .ideographic { words += 1 }
            }
            var matched = Set<Int>()
            var negator: (token: Int, clause: Int)?
            for match in matcher.matches(in: segmented) {
                let token = Int(match.token)
                if matcher.entries[Int(match.entry)].isNegator {
                    negator = (token, clauseOfToken[token])
                    continue
                }
                // Within three words after a negator in its clause: the first count skips these too (see `add`).
                if let negator, negator.clause == clauseOfToken[token],
                   wordOrdinal[token] - wordOrdinal[negator.token] <= 3 { continue }
                if isCandidate[Int(match.entry)] { matched.insert(Int(match.entry)) }
            }
            for entry in matched {
                if comment.label == .positive { matchedPositive[entry, default: 0] += 1 }
                else { matchedNegative[entry, default: 0] += 1 }
            }
        }
        var kept = [LearnedTerm]()
        for candidate in candidates {
            guard let entry = matcher.lookup(candidate.term.utf8),
                  let weighed = weigh(candidate.term, p: matchedPositive[entry] ?? 0, n: matchedNegative[entry] ?? 0,
                                      positiveTotal: positiveTotal, negativeTotal: negativeTotal),
                  (weighed.valence > 0) == (candidate.valence > 0) else { continue }
            kept.append(weighed)
        }
        return kept
    }

    /// Whether a term in `p` positive and `n` negative comments is left out as a function word: in more than
    /// `maximumDocumentShare` of the comments, and not one-sided.
    private func isTooCommon(p: Double, n: Double) -> Bool {
        let comments = Double(positiveComments + negativeComments)
        guard comments > 0, (p + n) / comments > options.maximumDocumentShare else { return false }
        let positiveRate = p / Double(max(positiveComments, 1))
        let negativeRate = n / Double(max(negativeComments, 1))
        return min(positiveRate, negativeRate) > options.oneSidedShare * max(positiveRate, negativeRate)
    }

    /// The terms `learn()` leaves out as too common (with at least `minimumDocuments` comments), most common first,
    /// with the share of comments each is in: a run that learns little can say why.
    public func tooCommonTerms() -> [(term: String, share: Double)] {
        let comments = Double(positiveComments + negativeComments)
        var terms = [(term: String, share: Double)]()
        for term in Set(positive.keys).union(negative.keys) where ruleWords.lookup(term.utf8) == nil {
            let p = Double(positive[term] ?? 0)
            let n = Double(negative[term] ?? 0)
            if Int(p + n) >= options.minimumDocuments, isTooCommon(p: p, n: n) {
                terms.append((term, (p + n) / comments))
            }
        }
        return terms.sorted { $0.share != $1.share ? $0.share > $1.share : $0.term < $1.term }
    }

    /// The lexicon file text for the learned terms, with a header a reviewer can trust.
    public static func fileText(_ terms: [LearnedTerm], language: String, provenance: String) -> String {
        var text = """
            # kind: sentiment
            # language: \(language)
            # provenance: \(provenance)
            # Learned by `rater lexicon learn`: log-odds ratio with an informative Dirichlet prior, one count per
            # comment; valence = log-odds × scale, clipped. Review before relying on it. Files named learned-*
            # load before hand-written ones, so a hand-written entry for the same term wins.
            # columns: term<TAB>valence<TAB>note (z-score, positive/negative comment counts)

            """
        for term in terms.sorted(by: { $0.valence != $1.valence ? $0.valence > $1.valence : $0.term < $1.term }) {
            let z = (term.z * 10).rounded() / 10
            text += "\(term.term)\t\(term.valence)\tz=\(z) pos=\(term.positiveDocuments) neg=\(term.negativeDocuments)\n"
        }
        return text
    }
}
