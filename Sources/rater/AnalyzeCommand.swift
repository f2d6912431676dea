import ArgumentParser
import Foundation
import Rater

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

    @OptionGroup var ingest: IngestArguments

    @OptionGroup var engineOptions: EngineOptions

    @OptionGroup(title: "Aggregation") var aggregation: AggregationArguments

    @OptionGroup(title: "Aggregate outputs") var aggregateOutputs: AggregateOutputs

    @OptionGroup(title: "Logging") var logging: LoggingArguments

    func run() throws {
        let logger = logging.makeLogger()
        let engine = try engineOptions.makeEngine()
        let output = try OutputFile(path: output)
        let rejectsFile = try rejects.map { try OutputFile(path: $0) }
        let encoder = ResultEncoder(includeText: includeText, includeExplanation: !noExplanation)
        let rejectionEncoder = RejectionEncoder()
        var run = AnalyzeRun(inputs: inputs, options: ingest.options, engine: engine, jobs: jobs)
        run.incremental = try incremental.map { try IncrementalState.load(path: $0) }
        let files = try InputList.expand(inputs)
        let totalBytes = files.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        let progress = ProgressLine(enabled: logging.progress, totalBytes: totalBytes)
        run.onProgress = { records, bytes in progress.update(records: records, bytes: bytes) }
        run.onInputOpened = { path, opened in
            logger.info("input opened", metadata: [
                "source": "\(path)", "format": "\(opened.format.rawValue)", "encoding": "\(opened.encoding.name)",
                "evidence": "\(opened.encoding.evidence)", "gzip": "\(opened.compressed)",
            ])
        }
        var aggregate = aggregateOutputs.wantsAggregation ? Aggregation(options: try aggregation.options()) : nil
        let summary: RunSummary
        do {
            summary = try run.run(
                onResult: { result in
                    try output.write(encoder.encode(result))
                    aggregate?.add(result)
                },
                onRejection: { rejection in
                    logger.warning("rejected \(rejection.location): \(rejection.reason.message)", metadata: [
                        "source": "\(rejection.source)", "record": "\(rejection.recordNumber)",
                        "reason": "\(rejection.reason.code)",
                    ])
                    try rejectsFile?.write(rejectionEncoder.encode(rejection))
                    if strict { throw StrictStop() }
                })
        } catch is StrictStop {
            progress.finish()
            try output.commit()
            try rejectsFile?.commit()
            throw RaterExit.strictStop
        } catch {
            progress.finish()
            logger.critical("run failed: \(error)")
            throw ExitCode.failure
        }
        progress.finish()
        try output.commit()
        try rejectsFile?.commit()
        if let aggregate { try aggregateOutputs.write(aggregate) }
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
