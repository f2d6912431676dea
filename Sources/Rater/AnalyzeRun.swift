import Dispatch
import Foundation
import Synchronization
import RaterAggregate
import RaterCore
import RaterIngest
import RaterSinks

/// A whole `rater analyze` run: inputs in order → results and rejects, with a summary that reconciles.
///
/// Records are read in batches on the calling thread and analysed on `jobs` workers, each with its own
/// `Analyzer`; results are written in input order, so output is identical whatever the number of jobs.
public struct AnalyzeRun {
    public var inputs: [String]
    public var options: IngestOptions
    public var engine: Engine
    public var jobs: Int
    public var batchSize = 1_024
    /// With a state, records that earlier runs delivered are skipped (see `IncrementalState`).
    public var incremental: IncrementalState?
    /// Called when an input has been opened (format, charset) and after each batch (records and bytes so far).
    public var onInputOpened: ((String, OpenedInput) -> Void)?
    public var onProgress: ((_ records: Int, _ bytes: Int) -> Void)?
    /// Called after each batch's results and rejections have been handed out, so a streaming output can flush them
    /// (a pipe reader then sees results batch by batch, and a broken pipe stops the run within one batch).
    public var onBatchEnd: (() throws -> Void)?
    /// After a run with `incremental`: the state to save once the outputs are committed.
    public private(set) var updatedState: IncrementalState?

    public init(inputs: [String], options: IngestOptions, engine: Engine, jobs: Int) {
        self.inputs = inputs
        self.options = options
        self.engine = engine
        self.jobs = max(1, jobs)
    }

    /// Runs every input, handing each result and rejection to the sinks in input order.
    public mutating func run(onResult: (CommentResult) throws -> Void, onRejection: (Rejection) throws -> Void) throws
        -> RunSummary
    {
        try run(lines: nil, onDelivery: { delivery in try onResult(delivery.result!) }, onRejection: onRejection)
    }

    /// Runs every input as `run(onResult:onRejection:)` does, but each result's JSON line is written by the worker
    /// that analysed it.
    ///
    /// This is how `rater analyze` runs. Writing the lines on the workers takes the JSON off the one thread that
    /// reads the input and feeds the sinks, which otherwise caps what a second core adds. Without `keepingResults`
    /// the worker also frees the result once its line is written, so its memory goes back where it was allocated
    /// instead of crossing threads; keep results only for sinks that need more than the line (aggregates,
    /// databases).
    public mutating func run(writingLinesWith encoder: ResultEncoder, keepingResults: Bool,
                             onDelivery: (ResultDelivery) throws -> Void,
                             onRejection: (Rejection) throws -> Void) throws -> RunSummary
    {
        try run(lines: LineWriting(encoder: encoder, keepsResults: keepingResults), onDelivery: onDelivery,
                onRejection: onRejection)
    }

    /// Inputs (files, `-`, patterns) are all checked before the first is read. An input that breaks off while
    /// being read (a truncated `.gz`, an I/O error) ends with one `unreadable_input` rejection and the run goes on
    /// with the next, so one bad file in a nightly drop does not cost the others; the exit code still says so.
    private mutating func run(lines: LineWriting?, onDelivery: (ResultDelivery) throws -> Void,
                              onRejection: (Rejection) throws -> Void) throws -> RunSummary
    {
        let started = DispatchTime.now()
        var summary = RunSummary()
        let pool = try AnalyzerPool(engine: engine, count: jobs)
        var nextState = incremental
        var bytesBefore = 0
        for input in try InputList.expand(inputs) {
            let opened = try InputOpener.open(path: input, options: options)
            onInputOpened?(input, opened)
            var reader = opened.reader
            let skip = incremental?.recordsToSkip(path: input) ?? 0
            var events = 0
            // While the workers analyse one batch, this thread reads the next and hands the previous one's
            // outcomes to the sinks, so reading and writing overlap the analysis instead of idling the workers —
            // except on standard input, where a read can block on the producer.
            let overlapsReading = input != "-"
            var inFlight: InFlightBatch?
            defer { inFlight?.wait() }
            func deliver(_ outcomes: [Outcome]) throws {
                for outcome in outcomes {
                    switch outcome {
                    case let .delivered(delivery):
                        summary.add(delivery.tally)
                        try onDelivery(delivery)
                    case let .rejected(rejection):
                        summary.add(rejection)
                        try onRejection(rejection)
                    }
                }
                try onBatchEnd?()
                onProgress?(summary.read, bytesBefore + (opened.file?.bytesRead ?? 0))
            }
            var finished = false
            while !finished {
                var batch = [IngestEvent]()
                batch.reserveCapacity(batchSize)
                while batch.count < batchSize, let event = try reader.next() {
                    events += 1
                    if events <= skip { continue }
                    batch.append(event)
                }
                finished = batch.count < batchSize
                let previous = inFlight?.wait()
                inFlight = InFlightBatch(batch, pool: pool, lines: lines)
                if let previous { try deliver(previous) }
                if !overlapsReading, let current = inFlight?.wait() {
                    // Standard input may be another program that waits for these results before sending more:
                    // hand each batch out before blocking on the next read.
                    inFlight = nil
                    try deliver(current)
                }
            }
            if let last = inFlight?.wait() {
                inFlight = nil
                try deliver(last)
            }
            summary.skipped += min(skip, events)
            if let file = opened.file {
                summary.bytes += file.bytesRead
                bytesBefore += file.bytesRead
                if input != "-" {
                    nextState?.inputs[IncrementalState.key(input)] = IncrementalState.Checkpoint(bytes: file.bytesRead, records: events,
                                                                            checksum: file.checksum)
                }
            }
        }
        updatedState = nextState
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        summary.peakMemoryBytes = ProcessMetrics.peakResidentBytes
        return summary
    }
}

/// A batch being analysed on the pool's workers in the background.
final class InFlightBatch: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written by the background task before `group.leave()`, read after `group.wait()`.
    private var outcomes: [Outcome] = []

    init(_ batch: [IngestEvent], pool: AnalyzerPool, lines: LineWriting?) {
        group.enter()
        DispatchQueue.global().async {
            self.outcomes = pool.analyze(batch, lines: lines)
            self.group.leave()
        }
    }

    /// Waits for the analysis and returns its outcomes, in input order.
    @discardableResult
    func wait() -> [Outcome] {
        group.wait()
        return outcomes
    }
}

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

/// One `Analyzer` per worker. `@unchecked Sendable` because worker `i` only ever touches `analyzers[i]`.
final class AnalyzerPool: @unchecked Sendable {
    private let analyzers: [Analyzer]

    init(engine: Engine, count: Int) throws {
        analyzers = try (0..<count).map { _ in try Analyzer(engine: engine) }
    }

    func analyze(_ batch: [IngestEvent], lines: LineWriting?) -> [Outcome] {
        let workers = min(analyzers.count, max(1, batch.count / 64))
        let results = UnsafeMutableBufferPointer<Outcome?>.allocate(capacity: batch.count)
        results.initialize(repeating: nil)
        // Deinitialize before freeing: the slots hold results (strings, arrays), and freeing without it leaked every
        // comment's result — peak memory grew with the input (274 MB for 20 MB).
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let sendableResults = SendableBuffer(results)
        // Workers take the next few records as they finish instead of a fixed share: the reading and writing thread
        // runs alongside them, and a worker sharing its core with it would otherwise keep the other waiting at the
        // end of every batch.
        let cursor = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let analyzer = analyzers[worker]
            while true {
                let start = cursor.add(Self.recordsPerClaim, ordering: .relaxed).oldValue
                if start >= batch.count { break }
                for index in start..<min(start + Self.recordsPerClaim, batch.count) {
                    sendableResults.buffer[index] = Self.outcome(of: batch[index], analyzer: analyzer, lines: lines)
                }
            }
        }
        return results.map { $0! }
    }

    /// Records a worker claims at a time: enough to keep the shared counter off the hot path, few enough that the
    /// workers finish a batch within a record or two of each other.
    static let recordsPerClaim = 8

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

/// Lets disjoint slots of one buffer be written from several workers.
struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
