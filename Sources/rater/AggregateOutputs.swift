import ArgumentParser
import Foundation
import Logging
import Rater

/// Where aggregates go: CSV and JSON summaries, the importance–performance table, and a partial for merging later.
struct AggregateOutputs: ParsableArguments {
    @Option(name: .customLong("aggregate-csv"), help: "Write aggregate rows as CSV ('-' for standard output).")
    var csv: String?

    @Option(name: .customLong("aggregate-json"), help: "Write aggregate rows and the driver table as JSON.")
    var json: String?

    @Option(name: .customLong("drivers-csv"), help: ArgumentHelp(
        "Write the importance–performance table (needs --csat-column, --nps-column or --ces-column) as CSV.",
        discussion: "With fewer than 3 rated comments the file holds the header only, and a warning is logged."))
    var driversCSV: String?

    @Option(name: .customLong("aggregate-partial"), help: "Write a mergeable partial for `rater aggregate`.")
    var partial: String?

    /// Adds every aggregate output to the places the command writes.
    func add(to places: inout OutputPlaces) {
        places.add("--aggregate-csv", csv)
        places.add("--aggregate-json", json)
        places.add("--drivers-csv", driversCSV)
        places.add("--aggregate-partial", partial)
    }

    var wantsAggregation: Bool { csv != nil || json != nil || driversCSV != nil || partial != nil }

    /// A driver table without a rating column: the command line alone shows it, so the command's `validate()` asks
    /// (a usage error, exit 64, before anything is read or written).
    func validate(for options: AggregationOptions) throws {
        if driversCSV != nil, options.driverColumn == nil {
            throw ValidationError("--drivers-csv needs a rating column: --csat-column, --nps-column or --ces-column")
        }
    }

    /// Makes every file's temporary sibling before anything is read: a place that cannot be written fails the run at
    /// once instead of after the analysis.
    func open(for options: AggregationOptions) throws -> AggregateFiles {
        AggregateFiles(
            csv: try csv.map { try OutputFile(path: $0) }, json: try json.map { try OutputFile(path: $0) },
            driversCSV: try driversCSV.map { try OutputFile(path: $0) },
            partial: try partial.map { try OutputFile(path: $0) })
    }
}

/// The aggregate outputs of one run, opened before it: `write` fills their temporary files (every one, or the
/// run fails with none of them in place), `commit` moves them into place once everything else has succeeded.
struct AggregateFiles {
    let csv: OutputFile?
    let json: OutputFile?
    let driversCSV: OutputFile?
    let partial: OutputFile?

    /// Encodes every output and writes it to its temporary file. A night with too few rated comments has no
    /// driver table: that is the data, not a failure, so the drivers file gets the header alone (yesterday's table
    /// would be taken for tonight's) and a warning says why; the run goes on.
    ///
    /// A column no comment has, and values that could not be read, are warned about here (cron mails warnings):
    /// a mistyped `--group-by brnach` otherwise put every comment in the empty group with exit 0.
    ///
    /// `covering` goes into the partial: the results files whose comments it counts (`CoveredResults`).
    func write(_ aggregation: Aggregation, logger: Logger?, covering: [CoveredResults]) throws {
        for report in aggregation.columnReports {
            guard let message = report.warning else { continue }
            if let logger { logger.warning("\(message)") } else { printError("rater: warning: \(message)") }
        }
        let rows = aggregation.rows
        let drivers = aggregation.drivers()
        if let csv { try write(Array(AggregateCSVWriter().encode(rows, groupBy: aggregation.options.groupBy).utf8), to: csv) }
        if let json {
            try write(AggregateJSONWriter().encode(rows, drivers: drivers, undated: aggregation.undated,
                                                   columns: aggregation.columnReports,
                                                   groupBy: aggregation.options.groupBy), to: json)
        }
        if let driversCSV {
            if drivers == nil {
                let rated = aggregation.ratedComments()
                let message = "\(driversCSV.path): no driver table, only \(rated) rated comment\(rated == 1 ? "" : "s") "
                    + "(it needs at least \(Aggregation.minimumRatedComments)); the file holds the header only"
                if let logger { logger.warning("\(message)") } else { printError("rater: warning: \(message)") }
            } else if let drivers, drivers.isThin {
                let message = "\(driversCSV.path): the driver table rests on \(drivers.ratedComments) rated comments; a "
                    + "fit of five dimensions needs about \(DriverTable.stableRatedComments) to be stable, so read its "
                    + "importances and quadrants as indicative only"
                if let logger { logger.warning("\(message)") } else { printError("rater: warning: \(message)") }
            }
            try write(Array(AggregateCSVWriter().encode(drivers).utf8), to: driversCSV)
        }
        if let partial {
            try write(Array(try AggregationPartial(aggregation, resultFiles: covering).encoded()), to: partial)
        }
    }

    /// Moves every file into place.
    func commit() throws {
        for file in [csv, json, driversCSV, partial] { try file?.commit() }
    }

    private func write(_ bytes: [UInt8], to file: OutputFile) throws {
        try file.write(bytes)
        try file.flush()
    }
}

extension Aggregation {
    /// Lines for the run's summary: comments without a readable date, without a value in a group or rating column.
    var columnNotes: [String] { columnReports.compactMap(\.note).map { "rater: " + $0 } }
}
