import RaterAggregate
import RaterCore
import RaterSinks

/// One analysed record as a run hands it to its sinks when the workers write the JSON lines (see
/// `AnalyzeRun.run(writingLinesWith:delivering:onDelivery:onRejection:)`).
public struct ResultDelivery: Sendable {
    /// What a delivery carries beside its line and tally, made on the worker that analysed the record.
    public struct Contents: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// The whole `CommentResult`, for sinks that read more of it than the forms below.
        public static let result = Contents(rawValue: 1 << 0)
        /// The result as the databases store it (`StoredComment`).
        public static let stored = Contents(rawValue: 1 << 1)
        /// What the aggregates count of it (`Observation`).
        public static let observation = Contents(rawValue: 1 << 2)
    }

    /// The result's JSON line, newline included, written by the worker that analysed it.
    public var line: [UInt8]
    /// What the run summary counts of the result.
    public var tally: ResultTally
    /// The result itself, when asked for (`Contents.result`); otherwise freed on the worker once its line and the
    /// forms asked for were made, so its memory goes back where it was allocated.
    public var result: CommentResult?
    /// The result as the databases store it, when asked for (`Contents.stored`).
    public var stored: StoredComment?
    /// What the aggregates count of the result, when asked for (`Contents.observation`).
    public var observation: Observation?
}
