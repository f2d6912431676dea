import Synchronization
import RaterAggregate
import RaterCore
import RaterIngest
import RaterSinks

/// What happened to one ingested record.
enum Outcome: Sendable {
    case delivered(ResultDelivery)
    case rejected(Rejection)
    /// The run cannot go on (see `RunStoppingError`); the thread that hands out outcomes throws it.
    case failed(any RunStoppingError)
    /// A record the run skips (`--incremental`), with the digest of its normalized text: nil when a full analysis
    /// would have rejected it, so that no database would have stored it (see `AnalyzerPool.Job.digest`).
    case skipped(SkippedTexts.Digest?)
}

/// How the workers write JSON lines, when they do, and what else they make of each result for the sinks.
struct LineWriting: Sendable {
    var encoder: ResultEncoder
    var contents: ResultDelivery.Contents
}

/// `count` workers, each with its own `Analyzer` on a thread of its own (see `BatchWorkers`), that analyse batches
/// of records while the thread that owns the pool reads the next batch and hands out the previous one's outcomes.
final class AnalyzerPool {
    /// What a worker does with one ingested record.
    enum Job: Sendable {
        /// Analyses it (or hands on its rejection).
        case analyse(IngestEvent)
        /// Only digests its text, normalized: a record an incremental run skips, which a database would key by that
        /// digest (see `SkippedTexts`). The text alone, as read: a whole record costs the reading thread a copy.
        case digest(String)
    }

    private let workers: BatchWorkers<Job, Outcome>

    init(engine: Engine, count: Int, lines: LineWriting?) throws {
        let analyzers = UncheckedAnalyzers(try (0..<count).map { _ in try Analyzer(engine: engine) })
        workers = BatchWorkers(count: count) { worker, job in
            switch job {
            case let .analyse(event): Self.outcome(of: event, analyzer: analyzers.list[worker], lines: lines)
            case let .digest(text): Self.digest(of: text, analyzer: analyzers.list[worker])
            }
        }
    }

    /// Queues a batch behind the ones already started and returns at once.
    func start(_ jobs: [Job]) { workers.start(jobs) }

    /// Batches started and not yet collected.
    var pending: Int { workers.pending }

    /// Waits for the oldest batch not yet collected and returns its outcomes, in input order.
    func collect() -> [Outcome] { workers.collect() }

    /// Lets the workers finish every batch started, then ends their threads.
    func stop() { workers.stop() }

    private static func outcome(of event: IngestEvent, analyzer: Analyzer, lines: LineWriting?) -> Outcome {
        switch event {
        case let .rejected(rejection):
            return .rejected(rejection)
        case let .record(record):
            do {
                let result = try analyzer.analyze(record)
                // Without line writing (the `run(onResult:)` form) the result itself is what is delivered.
                let contents = lines?.contents ?? .result
                var line: [UInt8] = []
                var stored: StoredComment?
                switch (lines?.encoder, contents.contains(.stored)) {
                case let (encoder?, true): (line, stored) = encoder.encodeStoring(result)
                case let (encoder?, false): line = encoder.encode(result)
                case (nil, true): stored = StoredComment(result)
                case (nil, false): break
                }
                return .delivered(ResultDelivery(
                    line: line, tally: ResultTally(result), result: contents.contains(.result) ? result : nil,
                    stored: stored, observation: contents.contains(.observation) ? Observation(result) : nil))
            } catch {
                return outcome(of: error, analysing: record)
            }
        }
    }

    /// The digest of a skipped record's normalized text. A record whose normalization fails would have been
    /// rejected, and is not counted; one that fails later in the analysis (an ICU error while segmenting) is, as
    /// only the normalization runs here. An error that stops the run stops it here too: the key of every later
    /// repeat of the record's text depends on it.
    static func digest(of text: String, analyzer: Analyzer) -> Outcome {
        do {
            return .skipped(SkippedTexts.Digest(of: try analyzer.normalizedText(of: text)))
        } catch let stopping as any RunStoppingError {
            return .failed(stopping)
        } catch {
            return .skipped(nil)
        }
    }

    /// A failed analysis: the record's rejection, or the run's end when the error says the run cannot go on.
    static func outcome(of error: any Error, analysing record: SourceRecord) -> Outcome {
        if let stopping = error as? any RunStoppingError { return .failed(stopping) }
        return .rejected(Rejection(source: record.source, recordNumber: record.recordNumber, line: record.line,
                                   reason: .analysisFailed(message: "\(error)"), raw: String(record.text.prefix(4_096))))
    }
}

/// The analyzers, handed to the worker threads. `@unchecked Sendable`: worker `i` alone uses `list[i]`.
private struct UncheckedAnalyzers: @unchecked Sendable {
    let list: [Analyzer]
    init(_ list: [Analyzer]) { self.list = list }
}
