import ArgumentParser
import Foundation
import Rater

/// Where aggregates go: CSV and JSON summaries, the importance–performance table, and a partial for merging later.
struct AggregateOutputs: ParsableArguments {
    @Option(name: .customLong("aggregate-csv"), help: "Write aggregate rows as CSV ('-' for standard output).")
    var csv: String?

    @Option(name: .customLong("aggregate-json"), help: "Write aggregate rows and the driver table as JSON.")
    var json: String?

    @Option(name: .customLong("drivers-csv"), help: "Write the importance–performance table (needs a rating column) as CSV.")
    var driversCSV: String?

    @Option(name: .customLong("aggregate-partial"), help: "Write a mergeable partial for `rater aggregate`.")
    var partial: String?

    var wantsAggregation: Bool { csv != nil || json != nil || driversCSV != nil || partial != nil }

    func write(_ aggregation: Aggregation) throws {
        let rows = aggregation.rows
        let drivers = aggregation.drivers()
        if let csv {
            try write(Array(AggregateCSVWriter().encode(rows, groupBy: aggregation.options.groupBy).utf8), to: csv)
        }
        if let json {
            try write(AggregateJSONWriter().encode(rows, drivers: drivers, undated: aggregation.undated), to: json)
        }
        if let driversCSV {
            guard let drivers else {
                throw ValidationError("no driver table: it needs --csat-column, --nps-column or --ces-column and at least 3 rated comments")
            }
            try write(Array(AggregateCSVWriter().encode(drivers).utf8), to: driversCSV)
        }
        if let partial {
            try write(Array(try AggregationPartial(aggregation).encoded()), to: partial)
        }
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        let file = try OutputFile(path: path)
        try file.write(bytes)
        try file.commit()
    }
}
