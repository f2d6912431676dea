import ArgumentParser
import Foundation
import Rater
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

    @Option(help: "Also write the run to this SQLite database (created if missing; one transaction per run).")
    var db: String?

    @Option(help: "Also write the run to this PostgreSQL database (a libpq URL: postgresql://user@host:5432/dbname).")
    var postgres: String?

    @Option(help: "Write a JSON run manifest here: inputs and lexicons with sizes and SHA-256, counts, timings, exit code.")
    var manifest: String?

    @OptionGroup var ingest: IngestArguments

    @OptionGroup var engineOptions: EngineOptions

    @OptionGroup(title: "Aggregation") var aggregation: AggregationArguments

    @OptionGroup(title: "Aggregate outputs") var aggregateOutputs: AggregateOutputs

    @OptionGroup(title: "Logging") var logging: LoggingArguments

    func run() throws {
        let logger = logging.makeLogger()
        let engine = try engineOptions.makeEngine()
        let files = try InputList.expand(inputs)
        let output = try OutputFile(path: output)
        let rejectsFile = try rejects.map { try OutputFile(path: $0) }
        let encoder = ResultEncoder(includeText: includeText, includeExplanation: !noExplanation)
        let rejectionEncoder = RejectionEncoder()
        var run = AnalyzeRun(inputs: files, options: ingest.options, engine: engine, jobs: jobs)
        run.incremental = try incremental.map { try IncrementalState.load(path: $0) }
        let totalBytes = files.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        let progress = ProgressLine(enabled: logging.progress, totalBytes: totalBytes)
        run.onProgress = { records, bytes in progress.update(records: records, bytes: bytes) }
        if output.isStream { run.onBatchEnd = { try output.flush() } }
        run.onInputOpened = { path, opened in
            logger.info("input opened", metadata: [
                "source": "\(path)", "format": "\(opened.format.rawValue)", "encoding": "\(opened.encoding.name)",
                "evidence": "\(opened.encoding.evidence)", "gzip": "\(opened.compressed)",
            ])
        }
        var aggregate = aggregateOutputs.wantsAggregation || db != nil || postgres != nil
            ? Aggregation(options: try aggregation.options()) : nil
        var outputs = ["results": output.path]
        if let rejects { outputs["rejects"] = rejects }
        let recording = RunRecorder.Options(
            sqlitePath: db, postgresURL: postgres, manifestPath: manifest, inputs: files,
            lexiconFiles: engine.lexicon.sources.map(\.path), profileVersion: "\(engine.profile.name) v\(engine.profile.version)",
            outputs: outputs)
        var summary = RunSummary()
        var analysisEnded = DispatchTime.now()

        /// The run itself; `sink` is the databases' transaction when the run is recorded. Every output is committed
        /// inside it, so a failure to write any of them rolls the databases back too.
        func body(_ sink: RunSink?) throws -> RunRecorder.End {
            var stopped = false
            do {
                // The workers make what the aggregates and databases take of each result, beside its line.
                var contents: ResultDelivery.Contents = []
                if aggregate != nil { contents.insert(.observation) }
                if sink != nil { contents.insert(.stored) }
                summary = try run.run(
                    writingLinesWith: encoder, delivering: contents,
                    onDelivery: { delivery in
                        try output.write(delivery.line)
                        if let observation = delivery.observation { aggregate?.add(observation) }
                        if let stored = delivery.stored { try sink?.write(stored) }
                    },
                    onRejection: { rejection in
                        logger.warning("rejected \(rejection.location): \(rejection.reason.message)", metadata: [
                            "source": "\(rejection.source)", "record": "\(rejection.recordNumber)",
                            "reason": "\(rejection.reason.code)",
                        ])
                        try rejectsFile?.write(rejectionEncoder.encode(rejection))
                        try sink?.write(rejection)
                        if strict { throw StrictStop() }
                    })
            } catch is StrictStop {
                stopped = true
            }
            analysisEnded = DispatchTime.now()
            progress.finish()
            try output.commit()
            try rejectsFile?.commit()
            if let aggregate {
                try aggregateOutputs.write(aggregate)
                try sink?.write(aggregate.rows)
            }
            return stopped ? .stopped : .finished
        }

        let end: RunRecorder.End
        do {
            if recording.isEnabled {
                let opening = DispatchTime.now()
                let recorder = try RunRecorder(options: recording)
                defer { for warning in recorder.journalWarnings { logger.warning("\(warning)") } }
                let manifest = try recorder.record { sink in try body(sink) }
                end = manifest.exitCode == 4 ? .stopped : .finished
                if db != nil || postgres != nil {
                    let now = DispatchTime.now().uptimeNanoseconds
                    summary.databases = RunSummary.DatabaseTiming(
                        seconds: Double(now - analysisEnded.uptimeNanoseconds) / 1e9,
                        runSeconds: Double(now - opening.uptimeNanoseconds) / 1e9,
                        peakMemoryBytes: ProcessMetrics.peakResidentBytes)
                }
            } else {
                end = try body(nil)
            }
        } catch {
            progress.finish()
            // Results already produced still reach a pipe reader; a file output is left uncommitted as before.
            if output.isStream { try? output.flush() }
            logger.critical("run failed: \(error)")
            throw ExitCode.failure
        }
        if end == .stopped { throw RaterExit.strictStop }
        // The state moves on only once everything it vouches for has been written.
        if let incremental, let state = run.updatedState { try state.save(path: incremental) }
        if logger.logLevel <= .warning { printError(summary.report) }
        if summary.rejected > 0 { throw RaterExit.rejectedRecords }
    }
}

struct StrictStop: Error {}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
