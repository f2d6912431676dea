import ArgumentParser
import Foundation
import Rater

/// `rater records`: ingestion only. Shows what Rater reads from exports — records as JSON Lines on standard output,
/// rejections on standard error (or in `--rejects`) — with the charset and format it decided for each input.
struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Show what Rater reads from exports, before analysis: one JSON line per record.")

    @Argument(help: "Input files or patterns; none or '-' reads standard input.")
    var inputs: [String] = []

    @Option(help: "Write rejected records here as JSON Lines.")
    var rejects: String?

    @Flag(help: "Only count records and rejections (a quick check of an export before a nightly job reads it).")
    var count = false

    @OptionGroup var ingest: IngestArguments

    func run() throws {
        let encoder = RecordEncoder()
        let rejectionEncoder = RejectionEncoder()
        let rejectsFile = try rejects.map { try OutputFile(path: $0) }
        var read = 0
        var rejected = 0
        var uniformlyRejected = [UniformRejections]()
        let output = try OutputFile(path: "-")
        for input in try InputList.expand(inputs, onRepeat: warnRepeat) {
            let opened = try InputOpener.open(path: input, options: ingest.options)
            printError("rater: \(input): \(opened.format.rawValue), \(opened.encoding.name) (\(opened.encoding.evidence))"
                + (opened.compressed ? ", gzip" : ""))
            for note in opened.notes { printError("rater: \(input): \(note)") }
            var reader = opened.reader
            // Every record rejected alike (a wrong option) is said once, as `rater analyze` says it.
            var uniform = UniformRejections(source: input)
            while let event = try reader.next() {
                read += 1
                switch event {
                case let .record(record):
                    uniform.analysed()
                    if !count { try output.write(encoder.encode(record)) }
                case let .rejected(rejection):
                    rejected += 1
                    printError("rater: rejected \(rejection.location): \(rejection.reason.message)")
                    if uniform.rejected(rejection) { printError("rater: warning: " + uniform.earlyText) }
                    try rejectsFile?.write(rejectionEncoder.encode(rejection))
                }
            }
            if uniform.allRejected { uniformlyRejected.append(uniform) }
        }
        try output.commit()
        try rejectsFile?.commit()
        printError("rater: read \(read), rejected \(rejected), peak RSS \(ProcessMetrics.peakResidentBytes / 1_048_576) MB")
        for input in uniformlyRejected { printError("rater: warning: " + input.summaryText) }
        if rejected > 0 { throw RaterExit.rejectedRecords }
    }
}
