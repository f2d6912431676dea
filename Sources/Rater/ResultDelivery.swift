import RaterAggregate
import RaterCore

/// One analysed record as a run hands it to its sinks when the workers write the JSON lines (see
/// `AnalyzeRun.run(writingLinesWith:keepingResults:onDelivery:onRejection:)`).
public struct ResultDelivery: Sendable {
    /// The result's JSON line, newline included, written by the worker that analysed it.
    public var line: [UInt8]
    /// What the run summary counts of the result.
    public var tally: ResultTally
    /// The result itself, when the run keeps results; otherwise freed on the worker once its line was written.
    public var result: CommentResult?
}
