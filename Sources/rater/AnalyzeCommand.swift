import ArgumentParser
import Foundation
import Logging
import Rater
import RaterCore
import RaterDatabase

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyse exports of comments and write one JSON result per record (JSON Lines).")

    @Argument(help: "Input files (plain text, CSV, TSV or XML); none or '-' reads standard input.")
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: "Where to write results: a file (written atomically) or '-' for standard output.")
    var output: String = "-"

    @Option(help: "Write rejected records here as JSON Lines (source, line, reason, raw record).")
    var rejects: String?

    @Flag(help: "Stop with exit code 4 at the first rejected record.")
    var strict = false

    @Flag(help: "Include the normalized comment text in each result.")
    var includeText = false

    @Flag(help: "Leave out explanations (terms and dimension evidence) for smaller output.")
    var noExplanation = false

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Keep a state file here and analyse only records appended since the last successful run.",
                               valueName: "state-file"))
    var incremental: String?

    @Option(help: """
        Also write the run to this SQLite database (created if missing; one transaction per run). Its aggregates \
        table is made again from every comment it holds; --aggregate-csv/--aggregate-json cover this run's only.
        """)
    var db: String?

    @Option(help: "Also write the run to this PostgreSQL database (a libpq URL: postgresql://user@host:5432/dbname).")
    var postgres: String?

    @Option(help: "Write a JSON run manifest here: inputs and lexicons with sizes and SHA-256, counts, timings, exit code.")
    var manifest: String?

    @Option(help: ArgumentHelp("""
        The name the input is stored under in --db and --postgres (one input per run; default: its path as typed, \
        or the name its file was stored under before). Keeps exports of the same name from several folders or \
        hosts apart in one database.
        """, valueName: "name"))
    var sourceName: String?

    @Flag(help: """
        Each input is the whole of its source: rows earlier runs stored in --db/--postgres for its source that this \
        run did not write (records a corrected re-export dropped) are deleted. Not with --incremental.
        """)
    var replaceSource = false

    @OptionGroup var ingest: IngestArguments

    @OptionGroup var engineOptions: EngineOptions

    @OptionGroup(title: "Aggregation") var aggregation: AggregationArguments

    @OptionGroup(title: "Aggregate outputs") var aggregateOutputs: AggregateOutputs

    @OptionGroup(title: "Logging") var logging: LoggingArguments

    /// More workers than this do not go faster, and each holds an analyser: `--jobs 40000` ran past a minute at
    /// 780 MB on four records and `--jobs 100000` ran out of threads.
    static var maximumJobs: Int { 4 * ProcessInfo.processInfo.activeProcessorCount }

    /// Every place the run writes, checked before anything is read.
    var outputPlaces: OutputPlaces {
        var places = OutputPlaces()
        places.add("--output", output)
        places.add("--rejects", rejects)
        aggregateOutputs.add(to: &places)
        places.add("--incremental", incremental)
        places.add("--manifest", manifest)
        places.add("--db", db, dashIsStandardOutput: false, inPlace: true)
        return places
    }

    func validate() throws {
        try outputPlaces.checkSpelling()
        if jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        if let sourceName {
            if sourceName.isEmpty { throw ValidationError("--source-name must not be empty") }
            if inputs.count > 1 {
                throw ValidationError("--source-name names one input, and \(inputs.count) are given: run once per "
                    + "input, each with its own --source-name")
            }
        }
        try aggregateOutputs.validate(for: aggregation.options())
        if replaceSource {
            if incremental != nil {
                throw ValidationError("--replace-source deletes what a run did not write, and --incremental writes "
                    + "only the records appended since the last run: give one of them")
            }
            if db == nil && postgres == nil {
                throw ValidationError("--replace-source replaces a source's rows in --db or --postgres, and neither "
                    + "is given")
            }
        }
    }

    func run() throws {
        let logger = logging.makeLogger()
        let runID = UUID().uuidString.lowercased()
        let startedAt = Date()
        // SIGTERM (`timeout`, cron) and SIGINT (Ctrl-C) stop the run as a failure, recorded as such; the process
        // then ends by the signal (see `RunSignals`).
        let signals = RunSignals()
        // The manifest's temporary file comes first: a place it cannot be written fails the run before anything is
        // read, and from here on every failure replaces the previous run's manifest with a failed one, so a nightly
        // job's monitor never reads yesterday's `complete` after a run that failed tonight.
        let manifestFile = try manifest.map { try ManifestFile(path: $0) }
        do {
            try run(logger: logger, runID: runID, startedAt: startedAt, manifestFile: manifestFile,
                    interruption: signals.interruption)
        } catch {
            // A manifest at another output's place, or an input's, would replace it: that one is not written.
            let manifestInConflict = (error as? OutputConflict)?.options.contains("--manifest") ?? false
            if let manifestFile, !manifestFile.isWritten, !manifestInConflict {
                var failed = RunManifest.failedBeforeStart(
                    runID: runID, startedAt: startedAt, error: error, inputs: inputs.isEmpty ? ["-"] : inputs)
                // The status the process exits with, whatever the error: 1 for every failure of a run (128 + the
                // signal for one a signal stopped), as checks that the command line alone can fail are made in
                // `validate()`, before this file is touched.
                failed.exitCode = Int(Self.exitCode(for: error).rawValue)
                if (try? manifestFile.write(failed)) == nil, let failure = manifestFile.failure {
                    logger.critical("\(failure)")
                }
            }
            // A run that failed because a signal stopped it ends by that signal, as the parent expects.
            if let signal = signals.interruption.signal, Self.exitCode(for: error).rawValue == 128 + signal {
                RunSignals.end(by: signal)
            }
            throw error
        }
    }

    /// The run: every output is opened before the first record is read (its temporary file beside it), written
    /// during the run, and moved into place only after the databases have committed (`commitFiles`), so a run
    /// that fails replaces no output file.
    private func run(logger: Logger, runID: String, startedAt: Date, manifestFile: ManifestFile?,
                     interruption: RunInterruption) throws {
        let engine = try engineOptions.makeEngine()
        let files = try InputList.expand(inputs) { logger.warning("\(InputList.repeatNote(input: $0, first: $1))") }
        if sourceName != nil, files.count > 1 {
            throw SourceNameError.severalInputs(pattern: inputs.first ?? "-", count: files.count)
        }
        try outputPlaces.check(inputs: files)
        let output = try OutputFile(path: output)
        let rejectsFile = try rejects.map { try OutputFile(path: $0) }
        let encoder = ResultEncoder(includeText: includeText, includeExplanation: !noExplanation)
        let rejectionEncoder = RejectionEncoder()
        if jobs > Self.maximumJobs {
            logger.warning("--jobs \(jobs) is more than \(Self.maximumJobs) (four workers a core); \(Self.maximumJobs) are used")
        }
        var run = AnalyzeRun(inputs: files, options: ingest.options, engine: engine, jobs: min(jobs, Self.maximumJobs))
        run.interruption = interruption
        run.incremental = try incremental.map { try IncrementalState.load(path: $0) }
        let stateFile = try incremental.map { try OutputFile(path: $0) }
        let aggregationOptions = try aggregation.options()
        let aggregateFiles = try aggregateOutputs.open(for: aggregationOptions)
        let totalBytes = files.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        let progress = ProgressLine(enabled: logging.progress, totalBytes: totalBytes)
        run.onProgress = { records, bytes in progress.update(records: records, bytes: bytes) }
        if output.isStream { run.onBatchEnd = { try output.flush() } }
        run.onInputWithoutRecords = { path in
            logger.warning("\(path): no records (an empty file, or a header line alone)", metadata: ["source": "\(path)"])
        }
        run.onUnterminatedLastRecord = { path, line, rejected in
            // A half-written record is as likely rejected (a quote not closed yet, a row short of the text column) as
            // analysed: the note says which, as the rejects file and the counts do.
            let outcome = rejected ? "rejected (see the rejections)" : "analysed"
            let message = "\(path): the last record\(line.map { " (line \($0))" } ?? "") has no line break after it "
                + "(still being written?): \(outcome), but --incremental's checkpoint stays before it, so the next run "
                + "reads it again, whole"
            logger.warning("\(message)", metadata: ["source": "\(path)"])
        }
        run.onUniformRejections = { input in
            logger.warning("\(input.earlyText)", metadata: ["source": "\(input.source)"])
        }
        run.stopAtFirstRejection = strict
        run.onInputChanged = { path in
            logger.warning("\(path): no longer begins with what the last run read (rotated or rewritten); read whole",
                           metadata: ["source": "\(path)"])
        }
        run.onInputOpened = { path, opened in
            logger.info("input opened", metadata: [
                "source": "\(path)", "format": "\(opened.format.rawValue)", "encoding": "\(opened.encoding.name)",
                "evidence": "\(opened.encoding.evidence)", "gzip": "\(opened.compressed)",
            ])
            for note in opened.notes { logger.warning("\(path): \(note)", metadata: ["source": "\(path)"]) }
        }
        // The run's own comments, for the aggregate files. A database's `aggregates` table is made at the end of the
        // run from every comment it holds (`RunRecorder.Options.aggregation`), not from these.
        var aggregate = aggregateOutputs.wantsAggregation ? Aggregation(options: aggregationOptions) : nil
        // The results' digest, for the partial to name the results it counts (`CoveredResults`), so that
        // `rater aggregate` refuses the two together. Only when a partial is written: it costs a pass of SHA-256
        // over every result line.
        var resultsDigest = aggregateOutputs.partial != nil ? Hasher256() : nil
        var resultLines = 0
        var outputs = ["results": output.path]
        if let rejects { outputs["rejects"] = rejects }
        var recording = RunRecorder.Options(
            sqlitePath: db, postgresURL: postgres, manifestPath: manifest, inputs: files,
            // A fitted confidence model changes results as a lexicon does: digested with them, after them.
            lexiconFiles: engine.lexicon.sources.map(\.path) + (engineOptions.confidenceModel.map { [$0] } ?? []),
            profileVersion: "\(engine.profile.name) v\(engine.profile.version)",
            outputs: outputs, aggregation: aggregationOptions)
        recording.sourceNames = sourceName.map { [files.first ?? "-": $0] } ?? [:]
        recording.replacesSources = replaceSource
        recording.readsInputsWhole = incremental == nil
        var summary = RunSummary()
        var analysisEnded = DispatchTime.now()

        /// The run itself; `sink` is the databases' transaction when the run is recorded. Every output is written
        /// to its temporary file inside it, so a failure to write any of them rolls the databases back too; none is
        /// moved into place yet.
        func body(_ sink: RunSink?) throws -> RunRecorder.End {
            // The workers make what the aggregates and databases take of each result, beside its line.
            var contents: ResultDelivery.Contents = []
            if aggregate != nil { contents.insert(.observation) }
            if let sink {
                contents.insert(.stored)
                run.onSupersededRecord = { superseded in try sink.delete(superseded) }
            }
            // Every rejection is kept whole in the rejects file or the databases when there is one: the log then
            // shows the first few of each kind (`RejectionLogLimit`), not thousands alike.
            var logLimit = RejectionLogLimit(keepsAll: rejectsFile != nil || sink != nil)
            // A survey row with a rating and no comment counts in the rating figures, here and in the databases.
            if !aggregationOptions.ratingColumns.isEmpty {
                run.isRatingOnly = { [aggregationOptions] fields in aggregationOptions.hasRatingAnswer(fields) }
                run.ratingColumns = aggregationOptions.ratingColumns
                run.onRatingOnly = { answer in
                    aggregate?.add(answer)
                    try sink?.write(answer)
                }
            }
            summary = try run.run(
                writingLinesWith: encoder, delivering: contents,
                onDelivery: { delivery in
                    try output.write(delivery.line)
                    if resultsDigest != nil {
                        resultsDigest?.update(delivery.line)
                        resultLines += 1
                    }
                    if let observation = delivery.observation { aggregate?.add(observation) }
                    if let stored = delivery.stored { try sink?.write(stored) }
                },
                onRejection: { rejection in
                    let message: Logger.Message = "rejected \(rejection.location): \(rejection.reason.message)"
                    let metadata: Logger.Metadata = [
                        "source": "\(rejection.source)", "record": "\(rejection.recordNumber)",
                        "reason": "\(rejection.reason.code)",
                    ]
                    switch logLimit.decide(rejection) {
                    case .log:
                        logger.warning(message, metadata: metadata)
                    case .quietWithNotice:
                        logger.warning("\(RejectionLogLimit.noticeText(for: rejection))",
                                       metadata: ["source": "\(rejection.source)"])
                        logger.debug(message, metadata: metadata)
                    case .quiet:
                        logger.debug(message, metadata: metadata)
                    }
                    try rejectsFile?.write(rejectionEncoder.encode(rejection))
                    try sink?.write(rejection)
                })
            summary.unloggedRejections = logLimit.unlogged
            // `--strict` (`stopAtFirstRejection`): the run returned at its first rejection, with the counts so far.
            let stopped = summary.stoppedAt != nil
            analysisEnded = DispatchTime.now()
            progress.finish()
            try output.flush()
            try rejectsFile?.flush()
            if let aggregate {
                let covered = resultsDigest.map { digest in
                    var digest = digest
                    return [CoveredResults(path: output.path, lines: resultLines, sha256: digest.finish())]
                }
                try aggregateFiles.write(aggregate, logger: logger, covering: covered ?? [])
            }
            return stopped ? .stopped : .finished
        }

        /// Moves every output into place, once the databases have committed, and then the incremental state: it
        /// moves on only once everything it vouches for has been written (and not after a `--strict` stop).
        func commitFiles(_ end: RunRecorder.End) throws {
            try output.commit()
            try rejectsFile?.commit()
            try aggregateFiles.commit()
            if end == .finished, let stateFile, let state = run.updatedState { try state.save(to: stateFile) }
        }

        let end: RunRecorder.End
        do {
            if recording.isEnabled {
                let opening = DispatchTime.now()
                let recorder = try RunRecorder(options: recording, manifestFile: manifestFile, runID: runID,
                                               now: startedAt)
                recorder.interruption = interruption
                if let warning = manifestFile?.previousRunWarning { logger.warning("\(warning)") }
                defer { for warning in recorder.closingWarnings { logger.warning("\(warning)") } }
                let manifest = try recorder.record({ sink in try body(sink) }, afterCommit: commitFiles)
                end = manifest.exitCode == 4 ? .stopped : .finished
                for note in recorder.sourceNotes { logger.info("\(note)") }
                for warning in recorder.sourceWarnings { logger.warning("\(warning)") }
                if let warning = Self.duplicateWarning(recorder.duplicates) { logger.warning("\(warning)") }
                if db != nil || postgres != nil {
                    let now = DispatchTime.now().uptimeNanoseconds
                    summary.databases = RunSummary.DatabaseTiming(
                        seconds: Double(now - analysisEnded.uptimeNanoseconds) / 1e9,
                        runSeconds: Double(now - opening.uptimeNanoseconds) / 1e9,
                        peakMemoryBytes: ProcessMetrics.peakResidentBytes,
                        duplicateKeys: manifest.counts.duplicateKeys,
                        duplicatesReplaced: manifest.counts.duplicatesReplaced,
                        replacements: recorder.replacements)
                }
            } else {
                end = try body(nil)
                // A signal after the last record was read: the outputs are not committed, as `RunRecorder` checks
                // before its commit.
                try interruption.check()
                try commitFiles(end)
            }
        } catch {
            progress.finish()
            // Results already produced still reach a pipe reader; a file output is left uncommitted as before.
            if output.isStream { try? output.flush() }
            logger.critical("run failed: \(error)")
            // The manifest's own failure, unless the run's error is that failure.
            if let failure = manifestFile?.failure, !"\(error)".contains("\(failure)") { logger.critical("\(failure)") }
            if let interrupted = error as? RunInterrupted { throw ExitCode(Int32(interrupted.exitCode)) }
            throw ExitCode.failure
        }
        // A `--strict` stop prints the summary a finished run prints, with the rejection it stopped at and where
        // what was written went (until 2026-11-28 it printed nothing, and exit status 4 was all a cron log showed).
        if logger.logLevel <= .warning {
            printError(summary.report)
            if end == .stopped { printError(stoppedPlaces(analysed: summary.analysed)) }
            for line in aggregate?.columnNotes ?? [] { printError(line) }
        }
        if let warning = Self.emptyWithoutRatingWarning(options: aggregationOptions,
                                                         emptyText: summary.rejectionReasons["empty_text"] ?? 0) {
            logger.warning("\(warning)")
        }
        if end == .stopped { throw RaterExit.strictStop }
        if summary.rejected > 0 { throw RaterExit.rejectedRecords }
    }
}

extension AnalyzeCommand {
    /// With rating columns, a survey row with no comment and a valid rating is a rating-only answer and counts; one
    /// still rejected as `empty_text` had no valid rating either (blank cells, or values off their scales). Said
    /// once, so that a run over a survey export does not read as if answers were lost: nothing in those rows
    /// could be counted.
    static func emptyWithoutRatingWarning(options: AggregationOptions, emptyText: Int) -> String? {
        let named = RatingScale.allCases.compactMap { scale in
            options.column(for: scale).map { "\(ColumnReport.Role(rawValue: scale.rawValue)!.option) \($0)" }
        }
        guard emptyText > 0, !named.isEmpty else { return nil }
        return "\(emptyText) record\(emptyText == 1 ? " was" : "s were") rejected as empty_text: no comment and no "
            + "valid rating (\(named.joined(separator: ", "))) either, so nothing in \(emptyText == 1 ? "it" : "them") "
            + "could be counted; rows with a rating and no comment count as rating-only answers"
    }

    /// Where a run stopped by `--strict` left what it wrote: the results before the rejection, the rejection.
    func stoppedPlaces(analysed: Int) -> String {
        func place(_ path: String) -> String { path == "-" ? "standard output" : path }
        let rejection = rejects.map(place) ?? "this log only"
        var text = analysed == 0 ? "rater: nothing was analysed before it; the rejection is in \(rejection)"
            : "rater: the \(analysed) result\(analysed == 1 ? " before it is" : "s before it are") in \(place(output)), "
                + "the rejection in \(rejection)"
        if db != nil || postgres != nil {
            text += "; the databases hold \(analysed == 0 ? "it" : "both"), the run recorded as stopped"
        }
        return text + " (exit status 4)"
    }

    /// The one warning of a run whose databases kept one comment of several with the same key, naming the first
    /// few keys with where each came first and where the kept one is; nil when no key came twice.
    static func duplicateWarning(_ duplicates: DuplicateKeys) -> String? {
        guard duplicates.keys > 0 else { return nil }
        func place(_ source: String, _ line: Int?) -> String { line.map { "\(source):\($0)" } ?? source }
        let named = duplicates.examples.map { example in
            "\(example.key) (\(place(example.source, example.firstLine)), kept \(place(example.source, example.keptLine)))"
        }
        let more = duplicates.keys > named.count ? ", …" : ""
        return "\(duplicates.keys) key\(duplicates.keys == 1 ? "" : "s") came more than once in this run and the "
            + "databases keep the last comment of each (\(duplicates.replaced) record"
            + "\(duplicates.replaced == 1 ? "" : "s") replaced; the results file has them all): "
            + named.joined(separator: ", ") + more
    }
}

/// `--source-name` with a pattern that matched several files (several inputs on the command line are a usage
/// error, found before anything runs).
enum SourceNameError: Error, CustomStringConvertible {
    case severalInputs(pattern: String, count: Int)

    var description: String {
        switch self {
        case let .severalInputs(pattern, count):
            return "--source-name names one input, and \(pattern) matched \(count) files: run once per file, each "
                + "with its own --source-name"
        }
    }
}

/// A line on standard error; one that cannot be written is dropped (see `StandardStreams`).
func printError(_ message: String) {
    StandardStreams.writeError(message + "\n")
}

/// Says on standard error that an input named twice is read once (for the commands without a logger).
func warnRepeat(input: String, first: String) {
    printError("rater: warning: " + InputList.repeatNote(input: input, first: first))
}
