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

    @Option(help: "Also write the run to this SQLite database (created if missing; one transaction per run).")
    var db: String?

    @Option(help: "Also write the run to this PostgreSQL database (a libpq URL: postgresql://user@host:5432/dbname).")
    var postgres: String?

    @Option(help: "Write a JSON run manifest here: inputs and lexicons with sizes and SHA-256, counts, timings, exit code.")
    var manifest: String?

    @OptionGroup var ingest: IngestArguments

    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        let engine = try engineOptions.makeEngine()
        if db != nil || postgres != nil || manifest != nil { return try runRecorded(engine: engine) }
        let output = try OutputFile(path: output)
        let rejectsFile = try rejects.map { try OutputFile(path: $0) }
        let encoder = ResultEncoder(includeText: includeText, includeExplanation: !noExplanation)
        let rejectionEncoder = RejectionEncoder()
        let run = AnalyzeRun(inputs: inputs, options: ingest.options, engine: engine, jobs: jobs)
        let summary: RunSummary
        do {
            summary = try run.run(
                onResult: { try output.write(encoder.encode($0)) },
                onRejection: { rejection in
                    printError("rater: rejected \(rejection.location): \(rejection.reason.message)")
                    try rejectsFile?.write(rejectionEncoder.encode(rejection))
                    if strict { throw StrictStop() }
                })
        } catch is StrictStop {
            try output.commit()
            try rejectsFile?.commit()
            throw RaterExit.strictStop
        } catch {
            printError("rater: \(error)")
            throw ExitCode.failure
        }
        try output.commit()
        try rejectsFile?.commit()
        printError(summary.report)
        if summary.rejected > 0 { throw RaterExit.rejectedRecords }
    }
}

struct StrictStop: Error {}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
