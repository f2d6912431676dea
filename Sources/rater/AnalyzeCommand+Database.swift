import ArgumentParser
import Foundation
import Rater
import RaterDatabase

extension AnalyzeCommand {
    /// `rater analyze` with `--db`, `--postgres` or `--manifest`: the same run, inside one transaction per database,
    /// recorded in `runs` and the manifest. Output files are committed inside the transaction, so a failure to
    /// write them rolls the databases back too.
    func runRecorded(engine: Engine) throws {
        let output = try OutputFile(path: output)
        let rejectsFile = try rejects.map { try OutputFile(path: $0) }
        let encoder = ResultEncoder(includeText: includeText, includeExplanation: !noExplanation)
        let rejectionEncoder = RejectionEncoder()
        let run = AnalyzeRun(inputs: inputs, options: ingest.options, engine: engine, jobs: jobs)
        var outputs = ["results": output.path]
        if let rejects { outputs["rejects"] = rejects }
        var summary = RunSummary()
        let manifest: RunManifest
        do {
            let recorder = try RunRecorder(options: RunRecorder.Options(
                sqlitePath: db, postgresURL: postgres, manifestPath: self.manifest, inputs: try InputList.expand(inputs),
                lexiconFiles: engine.lexicon.sources.map(\.path), outputs: outputs))
            manifest = try recorder.record { sink in
                do {
                    summary = try run.run(
                        onResult: { result in
                            try output.write(encoder.encode(result))
                            try sink.write(result)
                        },
                        onRejection: { rejection in
                            printError("rater: rejected \(rejection.location): \(rejection.reason.message)")
                            try rejectsFile?.write(rejectionEncoder.encode(rejection))
                            try sink.write(rejection)
                            if strict { throw StrictStop() }
                        })
                } catch is StrictStop {
                    try output.commit()
                    try rejectsFile?.commit()
                    return .stopped
                }
                try output.commit()
                try rejectsFile?.commit()
                return .finished
            }
        } catch {
            printError("rater: \(error)")
            throw ExitCode.failure
        }
        switch manifest.exitCode {
        case 4:
            throw RaterExit.strictStop
        case 3:
            printError(summary.report)
            throw RaterExit.rejectedRecords
        default:
            printError(summary.report)
        }
    }
}
