import RaterCore
import RaterDimensions
import RaterNormalize
import RaterScore
import RaterSegment

/// One worker's pipeline from a source record to a result: normalize → segment → score → dimensions.
///
/// Owns ICU objects that are not thread-safe, so it is a class used by one worker at a time.
public final class Analyzer {
    public let engine: Engine
    private let normalizer: Normalizer
    private let segmenter: Segmenter
    /// The lexicon scan's tables, reused from comment to comment by this analyzer's one worker.
    private let scanScratch = ScanScratch()
    /// The dimension stage's working arrays, reused from comment to comment by this analyzer's one worker.
    private var mappingScratch = MappingScratch()
    /// The cue layers handed to the dimension stage: each layer's entries, with a comment's matches put in for its
    /// mapping and taken out after, so that the array is not made again for every comment and the next scan finds
    /// the match lists unshared.
    private var cueLayers: [CueLayer]

    public init(engine: Engine) throws {
        self.engine = engine
        cueLayers = engine.scanner.cues.layers.map {
            CueLayer(matches: [], entries: $0.entries, shorterEntry: $0.shorterEntry, shorterLength: $0.shorterLength)
        }
        normalizer = try Normalizer()
        segmenter = try Segmenter()
    }

    /// The full analysis with every intermediate stage's output, for `rater explain` and tests.
    public struct Analysis: Sendable {
        public var scored: ScoredComment
        public var report: DimensionReport
        public var dimensions: [DimensionResult] { report.dimensions }
        public var aspects: [AspectResult] { report.aspects }
        public var signals: [SignalResult] { report.signals }
    }

    public func analysis(of record: SourceRecord) throws -> Analysis {
        let normalized = try normalizer.normalize(record)
        let segmented = try segmenter.segment(normalized.text)
        let matches = engine.scanner.scan(segmented, scratch: scanScratch)
        var scored = engine.scorer.score(normalized, segmented: segmented, matches: matches.scoring)
        for layer in cueLayers.indices { cueLayers[layer].matches = matches.cues[layer] }
        var report = engine.mapper.map(scored, cues: cueLayers, scoring: engine.scorer.matcher,
                                       scratch: &mappingScratch)
        // 退款三天就到账了: a refund made. The negative learned leanings in its clause (退款, 客服, 联系, 打电话: complaints
        // name them) and the complaint that opens the story (投诉, "complained") are no opinion of this case; the
        // comment is scored again without them, and mapped again, since the dimensions read the scores. Rare: only
        // comments with a recovered case and such a weight.
        if !report.recoveredUnits.isEmpty {
            let units = Set(report.recoveredUnits)
            // The complaint that opens the story may stand in a clause before the one that reads recovered
            // (我投诉之后，客服主管马上道歉), when the comment's recovery reads recovered.
            let storyEnd = report.signals.contains { $0.value == .recovered }
                ? report.recoveredUnits.max() ?? -1 : -1
            let entries = engine.scorer.matcher.entries
            var waived = Set<Int>()
            for contribution in scored.contributions where contribution.weight < 0 && contribution.match >= 0 {
                let entry = entries[Int(scored.matches[contribution.match].entry)]
                if contribution.isLearned
                    ? units.contains(contribution.clause)
                    : contribution.clause <= storyEnd && entry.opensRecoveryStory {
                    waived.insert(contribution.match)
                }
            }
            if !waived.isEmpty {
                // Only the units the waiver reaches are scored again (`Scorer.score(again:waiving:)`), and the
                // mapping keeps the cues it found in the first pass (`DimensionMapper.map(again:…)`).
                scored = engine.scorer.score(again: scored, waiving: waived)
                report = engine.mapper.map(again: scored, cues: cueLayers, scoring: engine.scorer.matcher,
                                           scratch: &mappingScratch)
            }
        }
        for layer in cueLayers.indices { cueLayers[layer].matches = [] }
        // The match lists are done with (the scored comment still holds its own until the result is built): the
        // next comment's scan refills them in place.
        scanScratch.keep(matches)
        return Analysis(scored: scored, report: report)
    }

    /// A record's text as its result has it (normalized; the rest of the record plays no part): what the databases
    /// digest to key a comment without an export id. Only the first stage runs: what an incremental run's skipped
    /// records need (see `SkippedTexts`).
    public func normalizedText(of text: String) throws -> String {
        try normalizer.normalize(SourceRecord(source: "", recordNumber: 0, text: text)).text
    }

    public func analysis(of text: String) throws -> Analysis {
        try analysis(of: SourceRecord(source: "-", recordNumber: 1, text: text))
    }

    public func analyze(_ record: SourceRecord) throws -> CommentResult {
        ResultBuilder.result(from: try analysis(of: record), engine: engine)
    }
}
