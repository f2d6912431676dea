import Synchronization
import RaterAggregate
import RaterCore
import RaterIngest

/// What happened to one ingested record.
enum Outcome: Sendable {
    case delivered(ResultDelivery)
    case rejected(Rejection)
}

/// How the workers write JSON lines, when they do.
struct LineWriting: Sendable {
    var encoder: ResultEncoder
    var keepsResults: Bool
}

/// `count` workers, each with its own `Analyzer` on a thread of its own (see `WorkerThreads`), that analyse one
/// batch of records at a time while the thread that owns the pool reads the next batch and hands out the previous
/// one's outcomes.
///
/// `@unchecked Sendable`: `batch` is set by `start` before the workers run and cleared by `collect` after they
/// finish, and worker `i` alone uses `analyzers[i]`.
final class AnalyzerPool: @unchecked Sendable {
    private let analyzers: [Analyzer]
    private let lines: LineWriting?
    private let threads: WorkerThreads
    private var batch: Batch?

    init(engine: Engine, count: Int, lines: LineWriting?) throws {
        analyzers = try (0..<count).map { _ in try Analyzer(engine: engine) }
        self.lines = lines
        threads = WorkerThreads(count: count, name: "rater-worker")
    }

    /// Hands `events` to the workers and returns at once. The previous batch must have been collected.
    func start(_ events: [IngestEvent]) {
        let batch = Batch(events)
        self.batch = batch
        threads.start { [self] worker in batch.analyze(with: analyzers[worker], lines: lines) }
    }

    /// Waits for the batch handed to `start` and returns its outcomes, in input order.
    func collect() -> [Outcome] {
        threads.wait()
        defer { batch = nil }
        return batch?.outcomes() ?? []
    }

    /// Lets the workers finish the batch in hand, then ends their threads.
    func stop() { threads.stop() }

    /// Records a worker claims at a time: enough to keep the shared counter off the hot path, few enough that the
    /// workers finish a batch within a record or two of each other.
    static let recordsPerClaim = 8

    /// One batch's records and the slots their outcomes go to. Workers claim records a few at a time instead of a
    /// fixed share: the reading thread runs alongside them, and a worker sharing its core with it would otherwise
    /// keep the other waiting at the end of every batch.
    private final class Batch: @unchecked Sendable {
        let events: [IngestEvent]
        let slots: UnsafeMutableBufferPointer<Outcome?>
        let cursor = Atomic<Int>(0)

        init(_ events: [IngestEvent]) {
            self.events = events
            slots = .allocate(capacity: events.count)
            slots.initialize(repeating: nil)
        }

        // Deinitialize before freeing: the slots hold results (strings, arrays), and freeing without it leaked every
        // comment's result — peak memory grew with the input (274 MB for 20 MB).
        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func analyze(with analyzer: Analyzer, lines: LineWriting?) {
            while true {
                let start = cursor.add(AnalyzerPool.recordsPerClaim, ordering: .relaxed).oldValue
                if start >= events.count { return }
                for index in start..<min(start + AnalyzerPool.recordsPerClaim, events.count) {
                    slots[index] = AnalyzerPool.outcome(of: events[index], analyzer: analyzer, lines: lines)
                }
            }
        }

        func outcomes() -> [Outcome] { slots.map { $0! } }
    }

    private static func outcome(of event: IngestEvent, analyzer: Analyzer, lines: LineWriting?) -> Outcome {
        switch event {
        case let .rejected(rejection):
            return .rejected(rejection)
        case let .record(record):
            do {
                let result = try analyzer.analyze(record)
                guard let lines else { return .delivered(ResultDelivery(line: [], tally: ResultTally(result), result: result)) }
                return .delivered(ResultDelivery(line: lines.encoder.encode(result), tally: ResultTally(result),
                                                 result: lines.keepsResults ? result : nil))
            } catch {
                return .rejected(Rejection(source: record.source, recordNumber: record.recordNumber,
                                           line: record.line, reason: .analysisFailed(message: "\(error)"),
                                           raw: String(record.text.prefix(4_096))))
            }
        }
    }
}
