import ArgumentParser
import Foundation
import Rater
import RaterDatabase
import RaterReport

/// `rater report`: one self-contained HTML satisfaction report over result files or a results database.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML satisfaction report (inline SVG charts, no network) from results.",
        discussion: """
            Inputs are result files written by `rater analyze` (JSON Lines, .gz allowed; write them with \
            --include-text to show whole comments, else the clauses the dimensions were found in are shown), or \
            the database written by `rater analyze --db` or `--postgres`. Grouping and rating options are those of \
            `rater aggregate`, so the report's numbers are the aggregates' numbers.
            """)

    @Argument(help: "Result files (JSON Lines); '-' reads standard input.")
    var inputs: [String] = []

    @Option(help: "Read results from the SQLite database written by `rater analyze --db` instead of files.")
    var db: String?

    @Option(help: "Read results from a PostgreSQL database written by `rater analyze --postgres` (a libpq URL).")
    var postgres: String?

    @Option(name: .shortAndLong, help: "Where to write the HTML report ('-' for standard output).")
    var output: String

    @Option(help: "Language of the labels: zh or en.")
    var locale: ReportLocale = .en

    @Option(help: "Heading of the report (default: 'Customer satisfaction report' or '客户满意度报告').")
    var title: String?

    @Option(help: "Representative comments kept per dimension and side (most positive, most negative).")
    var examples: Int = 3

    @Option(help: "Groups shown with their own table, largest first.")
    var maxGroups: Int = 30

    @OptionGroup var aggregation: AggregationArguments

    func validate() throws {
        let sources = [db != nil, postgres != nil, !inputs.isEmpty].filter { $0 }.count
        if sources > 1 { throw ValidationError("give result files, --db or --postgres, only one of them") }
        if sources == 0 { throw ValidationError("no input: give result files, --db PATH or --postgres URL") }
        if examples < 0 || examples > 50 { throw ValidationError("--examples must be between 0 and 50") }
        if maxGroups < 0 { throw ValidationError("--max-groups must be 0 or more") }
    }

    func run() throws {
        var collector = ReportCollector(options: try aggregation.options(), samples: ReportSamples(keep: examples))
        // The report is written after everything is read: an output at an input's place is refused before that.
        let files = inputs.isEmpty ? [] : try InputList.expand(inputs, onRepeat: warnRepeat)
        var places = OutputPlaces()
        places.add("--output", output)
        try places.check(inputs: db.map { [$0] } ?? files)
        if db != nil || postgres != nil {
            let connection = try ResultsDatabaseOptions(db: db, postgres: postgres).connection()
            // A page at a time: a database of a year's nightly runs is read in memory bounded by a page, and from one
            // snapshot, so a run committing meanwhile is in the report whole or not at all.
            try DatabaseReader.forEachStored(in: connection, comment: { collector.add(result: $0) },
                                             answer: { collector.add(answer: $0) })
        } else {
            for input in files {
                let stream = try InputOpener.openBytes(path: input)
                try collector.addLines(path: input) { try stream.next() }
            }
        }
        let model = ReportModel(aggregation: collector.aggregation, samples: collector.samples, maxGroups: maxGroups)
        var renderer = ReportRenderer(locale: locale)
        renderer.title = title
        let html = renderer.render(model)
        let file = try OutputFile(path: output)
        try file.write(Array(html.utf8))
        try file.commit()
        printError("rater: report of \(collector.results) results written to \(output)")
    }
}

extension ReportLocale: ExpressibleByArgument {}
