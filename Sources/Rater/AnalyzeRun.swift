import Dispatch
import Foundation
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
    /// With a state, records that earlier runs delivered are skipped (see `IncrementalState`). When the stored form
    /// is delivered (databases are written), the skipped records' texts are still normalized and digested, on the
    /// workers, and each stored comment carries their counts (`StoredComment.skippedTexts`), so that a repeated
    /// text's key is numbered as a run over the whole input numbers it.
    public var incremental: IncrementalState?
    /// Called when an input has been opened (format, charset) and after each batch (records and bytes so far).
    public var onInputOpened: ((String, OpenedInput) -> Void)?
    public var onProgress: ((_ records: Int, _ bytes: Int) -> Void)?
    /// Called for an input that held no record at all (an empty file, a header line alone): an export that failed
    /// upstream must not pass for a quiet night.
    public var onInputWithoutRecords: ((String) -> Void)?
    /// Called for an input whose last record has no line break after it, in an incremental run: the checkpoint
    /// stays before that record (with the line it starts at, and whether it was rejected rather than analysed), so
    /// the next run reads it again.
    public var onUnterminatedLastRecord: ((_ path: String, _ line: Int?, _ rejected: Bool) -> Void)?
    /// Called once for an input whose first `UniformRejections.earlyNotice` records were all rejected for one
    /// reason (a wrong option, most likely), so the log says so before thousands of identical rejections; an input
    /// whose records were all rejected alike is named in the summary too (`RunSummary.uniformlyRejected`).
    public var onUniformRejections: ((UniformRejections) -> Void)?
    /// Stop at the first rejected record (`--strict`): it is handed out, nothing after it is, and the run returns
    /// the summary so far with `stoppedAt` set (read = analysed + rejected still holds) instead of going on.
    public var stopAtFirstRejection = false
    /// Called for an input that an incremental checkpoint no longer matches, before it is read whole again.
    public var onInputChanged: ((String) -> Void)?
    /// Called, when databases are written (the stored form is delivered), for a record an earlier run held back and
    /// this run reads again, just before its outcome is handed out, whatever it is: the databases delete the row the
    /// half record left (`SupersededRecord`). Also, before the first outcome of the input, for such a row left by a
    /// record that a run writing no databases has read again since.
    public var onSupersededRecord: ((SupersededRecord) throws -> Void)?
    /// Called after each batch's results and rejections have been handed out, so a streaming output can flush them
    /// (a pipe reader then sees results batch by batch, and a broken pipe stops the run within one batch).
    public var onBatchEnd: (() throws -> Void)?
    /// Whether an `empty_text` rejection's fields hold a rating (`AggregationOptions.hasRatingAnswer`): such a record
    /// is a survey answer without a comment, handed to `onRatingOnly` and counted as rating-only, not rejected (and
    /// so neither stops `stopAtFirstRejection` nor makes the run's exit status 3). Nil (no rating column): every
    /// empty comment is rejected.
    public var isRatingOnly: (@Sendable ([Field]) -> Bool)?
    /// The columns `isRatingOnly` reads: a record's rating is no comment under another name, whatever the column's
    /// name (`Rejection.mayBeRatingOnly(besides:)`).
    public var ratingColumns: [String] = []
    /// Called in input order, between the results and rejections around it, for each rating-only answer.
    public var onRatingOnly: ((RatingOnlyAnswer) throws -> Void)?
    /// After a run with `incremental`: the state to save once the outputs are committed.
    public private(set) var updatedState: IncrementalState?
    /// A signal's request to stop (`rater analyze` watches `SIGTERM` and `SIGINT`): the run throws
    /// `RunInterrupted` at the next record it reads, or at once from a read that waits for a pipe.
    public var interruption: RunInterruption?

    public init(inputs: [String], options: IngestOptions, engine: Engine, jobs: Int) {
        self.inputs = inputs
        self.options = options
        self.engine = engine
        self.jobs = max(1, jobs)
    }

    /// Runs every input, handing each result and rejection to the sinks in input order.
    ///
    /// Inputs (files, `-`, patterns) are all checked before the first is read. An input that breaks off while
    /// being read (a truncated `.gz`, an I/O error) ends with one `unreadable_input` rejection and the run goes on
    /// with the next, so one bad file in a nightly drop does not cost the others; the exit code still says so.
    public mutating func run(onResult: (CommentResult) throws -> Void, onRejection: (Rejection) throws -> Void) throws
        -> RunSummary
    {
        try run(lines: nil, onDelivery: { delivery in try onResult(delivery.result!) }, onRejection: onRejection)
    }

    /// Runs every input as `run(onResult:onRejection:)` does, but each result's JSON line is written by the worker
    /// that analysed it.
    ///
    /// This is how `rater analyze` runs. Writing the lines on the workers takes the JSON off the one thread that
    /// reads the input and feeds the sinks, which otherwise caps what a second core adds. The workers also make
    /// what `contents` asks for (the stored form for databases, the observation for aggregates) and then free the
    /// result, so its memory goes back where it was allocated instead of crossing threads; ask for the whole
    /// result only for sinks that need more of it.
    public mutating func run(writingLinesWith encoder: ResultEncoder, delivering contents: ResultDelivery.Contents,
                             onDelivery: (ResultDelivery) throws -> Void,
                             onRejection: (Rejection) throws -> Void) throws -> RunSummary
    {
        try run(lines: LineWriting(encoder: encoder, contents: contents), onDelivery: onDelivery,
                onRejection: onRejection)
    }

    private mutating func run(lines: LineWriting?, onDelivery: (ResultDelivery) throws -> Void,
                              onRejection: (Rejection) throws -> Void) throws -> RunSummary
    {
        // The sinks are called from `FileSource.whenInputStalls` on standard input, a stored closure that is
        // cleared before `runInputs` returns.
        do {
            return try withoutActuallyEscaping(onDelivery) { onDelivery in
                try withoutActuallyEscaping(onRejection) { onRejection in
                    try runInputs(lines: lines, onDelivery: onDelivery, onRejection: onRejection)
                }
            }
        } catch let stop as StoppedAtRejection {
            return stop.summary
        }
    }

    private mutating func runInputs(lines: LineWriting?, onDelivery: @escaping (ResultDelivery) throws -> Void,
                                    onRejection: @escaping (Rejection) throws -> Void) throws -> RunSummary
    {
        let started = DispatchTime.now()
        var summary = RunSummary()
        let pool = try AnalyzerPool(engine: engine, count: jobs, lines: lines)
        defer { pool.stop() }
        var nextState = incremental
        var bytesBefore = 0
        let onBatchEnd = self.onBatchEnd
        let onProgress = self.onProgress
        let onSupersededRecord = self.onSupersededRecord
        let interruption = self.interruption
        let onUniformRejections = self.onUniformRejections
        let stopAtFirstRejection = self.stopAtFirstRejection
        let isRatingOnly = self.isRatingOnly
        let ratingColumns = self.ratingColumns
        let onRatingOnly = self.onRatingOnly
        for input in try InputList.expand(inputs) {
            try interruption?.check()
            let opened = try InputOpener.open(path: input, options: options, checksummed: incremental != nil,
                                              interruption: interruption)
            onInputOpened?(input, opened)
            var reader = opened.reader
            let resumption = incremental?.resumption(path: input) ?? .noCheckpoint
            if resumption == .changed { onInputChanged?(input) }
            let skip = if case let .unchanged(records, _) = resumption { records } else { 0 }
            // A file that has not grown since a run held its last record back: nothing is new, and the checkpoint
            // stays as it was, so the record is read again once the writer finishes it.
            let untouched: IncrementalState.Checkpoint? =
                if case let .unchanged(_, checkpoint) = resumption { checkpoint } else { nil }
            // A file that has grown since a run held its last record back and wrote it to the databases: that
            // record comes first now, whole, and the databases delete the row the half record left
            // (`SupersededRecord`) before its outcome, whatever it is, is written. A run that writes no databases
            // leaves the row where it is and keeps it in the state, with its record number, for the next run that
            // writes them, which deletes it before its first outcome of this input: the record is past by then, so
            // the databases lack it as they lack every record such a run read. A file rewritten or rotated since
            // keeps the row and the state forgets it: the record may have been whole (a finished export that lacked
            // its last line break, rotated away), and only a file that grew says it was read again.
            let storing = lines?.contents.contains(.stored) == true
            let earlier = incremental?.inputs[IncrementalState.key(input)]
            var superseded: (record: Int?, row: SupersededRecord.Row)? =
                if case .unchanged(_, nil) = resumption { earlier?.heldBackRow.map { (earlier?.heldBackRecord, $0) } }
                else { nil }
            // The record read again: the first one after those skipped.
            var rereadRecord: Int?
            func supersede(source: String) throws {
                guard storing, let pending = superseded, let record = pending.record ?? rereadRecord else { return }
                superseded = nil
                try onSupersededRecord?(SupersededRecord(source: source, recordNumber: record, row: pending.row))
            }
            // The last comment delivered in stored form and the last record rejected, for the row a held-back one
            // leaves.
            var lastStored: StoredComment?
            var lastRejected: Int?
            // The last record rejected, whether or not databases are written: for the note on a held-back record.
            var lastRejectedAny: Int?
            var uniform = UniformRejections(source: input)
            var commentPlace = CommentPlaceCheck(source: input)
            // A database keys a comment without an export id by its text's digest, with `#2`, `#3` … for the text's
            // repeats in its source counted from the source's first record, skipped or not: the skipped records'
            // texts are counted (not analysed, not written) whenever databases are, and the stored comments of the
            // input carry the counts, sealed before the first is handed out.
            let skippedTexts = skip > 0 && storing ? SkippedTexts() : nil
            var skippedTextsSealed = false
            var events = 0
            var skippedDigests = [SkippedTexts.Digest]()
            func deliver(_ outcomes: [Outcome]) throws {
                for outcome in outcomes {
                    switch outcome {
                    case var .delivered(delivery):
                        if let skippedTexts {
                            if !skippedTextsSealed {
                                try skippedTexts.add(contentsOf: skippedDigests)
                                skippedDigests = []
                                try skippedTexts.seal()
                                skippedTextsSealed = true
                            }
                            delivery.stored?.skippedTexts = skippedTexts
                        }
                        if let stored = delivery.stored {
                            try supersede(source: stored.source)
                            lastStored = stored
                        }
                        summary.add(delivery.tally)
                        uniform.analysed()
                        commentPlace.sawPlace()
                        try onDelivery(delivery)
                    case let .skipped(digest):
                        if let digest { skippedDigests.append(digest) }
                    case let .rejected(rejection) where isRatingOnly?(rejection.fields) == true
                        && rejection.mayBeRatingOnly(besides: ratingColumns):
                        commentPlace.read(rejection, countedAsAnswer: true)
                        let answer = RatingOnlyAnswer(rejection)
                        // Its row is keyed by record, as a rejection's: a held-back one is superseded the same way.
                        if storing {
                            try supersede(source: answer.source)
                            lastRejected = answer.recordNumber
                        }
                        summary.add(answer)
                        uniform.analysed()
                        try onRatingOnly?(answer)
                    case let .rejected(rejection):
                        if storing {
                            try supersede(source: rejection.source)
                            lastRejected = rejection.recordNumber
                        }
                        lastRejectedAny = rejection.recordNumber
                        commentPlace.read(rejection, countedAsAnswer: false)
                        summary.add(rejection)
                        try onRejection(rejection)
                        if uniform.rejected(rejection) { onUniformRejections?(uniform) }
                        if stopAtFirstRejection {
                            // The counts are those handed out, up to this rejection; the bytes, those read so far.
                            var stopped = summary
                            stopped.stoppedAt = rejection
                            stopped.bytes += opened.file?.bytesRead ?? 0
                            stopped.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                            stopped.peakMemoryBytes = ProcessMetrics.peakResidentBytes
                            throw StoppedAtRejection(summary: stopped)
                        }
                    case let .failed(error):
                        throw error
                    }
                }
                if !skippedDigests.isEmpty {
                    try skippedTexts?.add(contentsOf: skippedDigests)
                    skippedDigests.removeAll(keepingCapacity: true)
                }
                try onBatchEnd?()
                onProgress?(summary.read, bytesBefore + (opened.file?.bytesRead ?? 0))
            }
            // Standard input, or a FIFO or process substitution named as an input (`<(zcat …)`), may come from a
            // program that waits for these results before it sends more: whenever the next read would wait for it,
            // every batch started is finished and handed out first. (Only for `-` before: a named FIFO gave no
            // result until its producer closed it; a user-side review.) A regular file never waits, so the closure
            // is never called for one. A failure there (a closed output) ends the input and is thrown once the
            // reader returns, so that it is not taken for a failure to read the input.
            var stalledFailure: (any Error)?
            if let file = opened.file {
                file.whenInputStalls = {
                    guard stalledFailure == nil else { return false }
                    do { while pool.pending > 0 { try deliver(pool.collect()) } } catch { stalledFailure = error }
                    return stalledFailure == nil
                }
            }
            defer { opened.file?.whenInputStalls = nil }  // the closure holds the input: let both go
            var finished = false
            // Whether the input ended in a read error (a truncated .gz, an I/O error): see the checkpoint below.
            var endedUnreadable = false
            // The line the last record started at, for the note on an unterminated one.
            var lastLine: Int?
            var lastRecordNumber: Int?
            while !finished {
                var batch = [AnalyzerPool.Job]()
                batch.reserveCapacity(batchSize)
                while batch.count < batchSize, let event = try reader.next() {
                    if let stalledFailure { throw stalledFailure }
                    try interruption?.check()
                    events += 1
                    switch event {
                    case let .record(record):
                        lastLine = record.line
                        lastRecordNumber = record.recordNumber
                    case let .rejected(rejection):
                        lastLine = rejection.line
                        lastRecordNumber = rejection.recordNumber
                        if case .unreadableInput = rejection.reason { endedUnreadable = true }
                    }
                    if events == skip + 1 { rereadRecord = lastRecordNumber }
                    if events <= skip {
                        // A record an earlier run read: the input has the comment's place.
                        if case .record = event { commentPlace.sawPlace() }
                        // Only the records a database would key by their text: an export with an id column skips
                        // as before.
                        if skippedTexts != nil, case let .record(record) = event, record.id.map({
                            !StoredComment.hasExportID(id: $0, source: record.source, recordNumber: record.recordNumber)
                        }) ?? true {
                            batch.append(.digest(record.text))
                        }
                        continue
                    }
                    batch.append(.analyse(event))
                }
                if let stalledFailure { throw stalledFailure }
                finished = batch.count < batchSize
                // While the workers analyse one batch, this thread reads the next and queues it before handing out
                // the previous one's outcomes, so the workers go from batch to batch without waiting for this
                // thread. Two batches queued at most: the workers always have the next one, and memory stays flat.
                pool.start(batch)
                if pool.pending > 1 { try deliver(pool.collect()) }
            }
            while pool.pending > 0 { try deliver(pool.collect()) }
            summary.skipped += min(skip, events)
            if events == 0 { onInputWithoutRecords?(input) }
            if uniform.allRejected { summary.uniformlyRejected.append(uniform) }
            if commentPlace.isSuspect { summary.inputsWithoutCommentPlace.append(commentPlace) }
            if let file = opened.file {
                summary.bytes += file.bytesRead
                bytesBefore += file.bytesRead
                // An input that ended in a read error keeps its earlier checkpoint: the bytes read stop somewhere
                // inside a record, and counting the `unreadable_input` rejection as a record made the next run skip
                // the first record after the break, which no run had delivered. Its records come again next run.
                // A pipe gets none either: it cannot be read again to check one (`IncrementalState.resumption`).
                if input != "-" && !endedUnreadable && PathKind(path: input) == .regularFile {
                    // A last record the input ended inside (no line break after it yet) may be half written: it is
                    // analysed, but the checkpoint stays before it, so the next run reads it again, whole once the
                    // writer has finished it, and deletes the row it left in the databases before that record's
                    // outcome is written (`Checkpoint.heldBackRow`). Checkpointed, the rest of it was read next night
                    // as a record of its own, or lost. The bytes checked stay all that were read: an append keeps
                    // them.
                    let unterminated = nextState != nil && events > skip && reader.lastRecordUnterminated
                    if unterminated {
                        onUnterminatedLastRecord?(input, lastLine, lastRecordNumber != nil && lastRejectedAny == lastRecordNumber)
                    }
                    // Its comment's key (the text's digest, or the export id as far as it was written), or its
                    // rejection.
                    let heldBackRow: SupersededRecord.Row? = !unterminated || lastRecordNumber == nil ? nil
                        : lastStored.flatMap { stored -> SupersededRecord.Row? in
                            guard stored.recordNumber == lastRecordNumber else { return nil }
                            return StoredComment.hasExportID(id: stored.id, source: stored.source,
                                                             recordNumber: stored.recordNumber)
                                ? .exportID(stored.id) : .digest(SkippedTexts.Digest(of: stored.text).hex)
                        } ?? (lastRejected == lastRecordNumber ? .rejection : nil)
                    // A row an earlier held-back record left that this run did not delete (it wrote no databases,
                    // or handed out nothing of this input): kept for the next run that writes them. This run's own
                    // held-back record left none then.
                    let leftover = superseded.flatMap { pending in
                        (pending.record ?? rereadRecord).map { (record: $0, row: pending.row) }
                    }
                    nextState?.inputs[IncrementalState.key(input)] = events <= skip ? untouched ?? IncrementalState.Checkpoint(
                        bytes: file.bytesRead, records: events, checksum: file.checksum, heldBackRow: leftover?.row,
                        heldBackRecord: leftover?.record)
                        : IncrementalState.Checkpoint(bytes: file.bytesRead, records: events - (unterminated ? 1 : 0),
                                                      checksum: file.checksum, heldBack: unterminated ? 1 : nil,
                                                      heldBackRow: heldBackRow ?? leftover?.row,
                                                      heldBackRecord: heldBackRow != nil ? lastRecordNumber
                                                          : leftover?.record)
                }
            }
        }
        updatedState = nextState
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        summary.peakMemoryBytes = ProcessMetrics.peakResidentBytes
        return summary
    }
}

/// Thrown from a delivery to end a `stopAtFirstRejection` run at its first rejection, with the summary so far; the
/// run returns that summary.
private struct StoppedAtRejection: Error {
    var summary: RunSummary
}
