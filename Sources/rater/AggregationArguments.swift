import ArgumentParser
import Foundation
import Rater

/// How to group comments and which rating columns to read: shared by `rater analyze` (aggregating as it goes)
/// and `rater aggregate` (over result files and partials).
struct AggregationArguments: ParsableArguments {
    @Option(name: .customLong("group-by"), parsing: .singleValue,
            help: "A passthrough column to group by (repeatable, or comma-separated): branch, channel, agent …")
    var groupBy: [String] = []

    @Option(help: "Column holding each comment's date or date-time, for time buckets.")
    var dateColumn: String?

    @Option(help: "Time bucket: day, week (ISO) or month.")
    var bucket: TimeBucket = .day

    @Option(help: "IANA time zone for dates without an offset and for cutting buckets, e.g. Asia/Shanghai.")
    var timeZone: String = "UTC"

    @Option(help: "Column with a 0–10 likelihood-to-recommend answer (NPS).")
    var npsColumn: String?

    @Option(help: "Column with a 1–5 satisfaction answer (CSAT, top-two-box).")
    var csatColumn: String?

    @Option(help: "Column with a 1–7 customer effort answer (CES, mean; higher is easier).")
    var cesColumn: String?

    /// What the command line alone shows to be wrong is a usage error (exit 64) before anything is read or written;
    /// thrown from the run, it also exited 64, after a failed manifest saying 1 had replaced the last one.
    func validate() throws {
        guard TimeZone(identifier: timeZone) != nil else {
            throw ValidationError("unknown time zone '\(timeZone)' (use an IANA name such as Asia/Shanghai or UTC)")
        }
    }

    func options() throws -> AggregationOptions {
        var options = AggregationOptions()
        options.groupBy = groupBy.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        options.dateColumn = dateColumn
        options.bucket = bucket
        options.timeZoneIdentifier = timeZone
        options.npsColumn = npsColumn
        options.csatColumn = csatColumn
        options.cesColumn = cesColumn
        return options
    }
}

extension TimeBucket: ExpressibleByArgument {}
