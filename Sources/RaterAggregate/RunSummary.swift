import RaterCore

/// The counts a run reports on standard error and in its manifest. They reconcile:
/// read = analysed + rating-only + rejected.
public struct RunSummary: Sendable, Equatable {
    public var read = 0
    public var analysed = 0
    /// Survey rows with no comment and a valid rating (`RatingOnlyAnswer`): their ratings are counted, nothing else.
    public var ratingOnly = 0
    public var rejected = 0
    /// Records of growing inputs that earlier incremental runs already analysed (not counted in `read`).
    public var skipped = 0
    public var bytes = 0
    public var seconds = 0.0
    /// The process's peak resident memory at the end of the run (0 when unknown).
    public var peakMemoryBytes = 0
    /// What the databases took after the analysis (`--db`, `--postgres`); nil without databases.
    public var databases: DatabaseTiming?

    /// A SQLite run over an export without ids merges its staged rows after the analysis, most of a nightly run's
    /// time, and its sorts take memory the analysis did not: the first line of the report is the analysis alone.
    public struct DatabaseTiming: Sendable, Equatable {
        /// From the end of the analysis to the databases' commit and checkpoint (and the outputs' and manifest's).
        public var seconds: Double
        /// The whole command, from before the databases were opened and the inputs hashed.
        public var runSeconds: Double
        /// The process's peak resident memory at the end (0 when unknown).
        public var peakMemoryBytes: Int
        /// Keys that came more than once in the run, and the records a later one with the same key replaced: the
        /// databases hold `analysed - duplicatesReplaced` of the run's comments.
        public var duplicateKeys: Int
        public var duplicatesReplaced: Int
        /// What `--replace-source` deleted, one line per source (`source shop.csv: deleted 3 comments …`).
        public var replacements: [String]

        public init(seconds: Double, runSeconds: Double, peakMemoryBytes: Int, duplicateKeys: Int = 0,
                    duplicatesReplaced: Int = 0, replacements: [String] = []) {
            self.seconds = seconds
            self.runSeconds = runSeconds
            self.peakMemoryBytes = peakMemoryBytes
            self.duplicateKeys = duplicateKeys
            self.duplicatesReplaced = duplicatesReplaced
            self.replacements = replacements
        }
    }
    /// Inputs whose records were all rejected for one reason (a wrong option, most likely; see `UniformRejections`),
    /// named once more at the end of the report, where they cannot be missed among the rejections logged one by one.
    public var uniformlyRejected: [UniformRejections] = []
    /// Inputs none of whose records had a place for the comment, some of them counted as rating-only answers for
    /// want of one (a wrong text option, most likely; see `CommentPlaceCheck`): named at the end of the report.
    public var inputsWithoutCommentPlace: [CommentPlaceCheck] = []
    /// The rejection a run stopped at (`rater analyze --strict`): the counts are those delivered before it, and it.
    public var stoppedAt: Rejection?
    /// Rejections the log did not show one by one (`RejectionLogLimit`): the report says how many, and where they are.
    public var unloggedRejections = 0
    public var labels: [SentimentLabel: Int] = [:]
    public var dimensions: [ServiceDimension: Int] = [:]
    public var rejectionReasons: [String: Int] = [:]

    public init() {}

    public mutating func add(_ result: CommentResult) {
        add(ResultTally(result))
    }

    public mutating func add(_ tally: ResultTally) {
        read += 1
        analysed += 1
        labels[tally.label, default: 0] += 1
        if tally.dimensionBits != 0 {
            for dimension in ServiceDimension.allCases where tally.mentions(dimension) {
                dimensions[dimension, default: 0] += 1
            }
        }
    }

    public mutating func add(_ answer: RatingOnlyAnswer) {
        read += 1
        ratingOnly += 1
    }

    public mutating func add(_ rejection: Rejection) {
        read += 1
        rejected += 1
        rejectionReasons[rejection.reason.code, default: 0] += 1
    }

    /// Combines two summaries of disjoint inputs (shards or files).
    public mutating func merge(_ other: RunSummary) {
        read += other.read
        analysed += other.analysed
        ratingOnly += other.ratingOnly
        rejected += other.rejected
        skipped += other.skipped
        bytes += other.bytes
        seconds = max(seconds, other.seconds)
        peakMemoryBytes = max(peakMemoryBytes, other.peakMemoryBytes)
        labels.merge(other.labels, uniquingKeysWith: +)
        dimensions.merge(other.dimensions, uniquingKeysWith: +)
        rejectionReasons.merge(other.rejectionReasons, uniquingKeysWith: +)
        uniformlyRejected += other.uniformlyRejected
        inputsWithoutCommentPlace += other.inputsWithoutCommentPlace
        unloggedRejections += other.unloggedRejections
        stoppedAt = stoppedAt ?? other.stoppedAt
    }

    public var reconciles: Bool { read == analysed + ratingOnly + rejected }

    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_048_576 / seconds : 0 }

    /// The human-readable summary printed at the end of a run.
    public var report: String {
        var lines = [String]()
        // `rating-only` only when there are some: every other run's first line stays as it was.
        lines.append("rater: read \(read), analysed \(analysed), "
            + (ratingOnly > 0 ? "rating-only \(ratingOnly), " : "") + "rejected \(rejected) in "
            + String(format2(seconds)) + " s (" + format2(megabytesPerSecond) + " MB/s, "
            + format2(seconds > 0 ? Double(read) / seconds : 0) + " comments/s"
            + (peakMemoryBytes > 0 ? ", peak RSS \(peakMemoryBytes / 1_048_576) MB" : "") + ")")
        if let databases {
            lines.append("rater: databases written " + format2(databases.seconds) + " s after the analysis, the run "
                + format2(databases.runSeconds) + " s in all"
                + (databases.peakMemoryBytes > 0 ? " (peak RSS \(databases.peakMemoryBytes / 1_048_576) MB)" : ""))
            if databases.duplicateKeys > 0 {
                lines.append("rater: stored \(analysed - databases.duplicatesReplaced) of the \(analysed) analysed: "
                    + "\(databases.duplicateKeys) key\(databases.duplicateKeys == 1 ? "" : "s") came more than once, "
                    + "\(databases.duplicatesReplaced) record\(databases.duplicatesReplaced == 1 ? "" : "s") replaced "
                    + "by a later one")
            }
            for line in databases.replacements { lines.append("rater: " + line) }
        }
        if skipped > 0 {
            lines.append("rater: skipped \(skipped) records analysed by earlier runs (--incremental)")
        }
        if analysed > 0 {
            let parts = SentimentLabel.allCases.map { "\($0.rawValue) \(labels[$0] ?? 0)" }
            lines.append("rater: sentiment " + parts.joined(separator: ", "))
            let dims = ServiceDimension.allCases.map { "\($0.rawValue) \(dimensions[$0] ?? 0)" }
            lines.append("rater: dimensions " + dims.joined(separator: ", "))
        }
        if ratingOnly > 0 {
            lines.append("rater: \(ratingOnly) rating-only answer\(ratingOnly == 1 ? "" : "s") (a rating and no comment): "
                + "counted in the NPS/CSAT/CES figures, in no sentiment, dimension or signal figure")
        }
        if rejected > 0 {
            let reasons = rejectionReasons.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("rater: rejected by reason " + reasons.joined(separator: ", "))
        }
        if unloggedRejections > 0 {
            lines.append("rater: \(unloggedRejections) of the rejections were not logged one by one (after the first "
                + "\(RejectionLogLimit.perReason) of a reason in an input); every one is in the rejects")
        }
        for input in uniformlyRejected { lines.append("rater: warning: " + input.summaryText) }
        for input in inputsWithoutCommentPlace { lines.append("rater: warning: " + input.summaryText) }
        if let stoppedAt {
            lines.append("rater: stopped by --strict at the first rejected record, \(stoppedAt.location): "
                + stoppedAt.reason.message + "; nothing after it is in the outputs or these counts")
        }
        return lines.joined(separator: "\n")
    }

    private func format2(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(scaled)
    }
}
