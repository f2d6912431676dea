import ArgumentParser
import Foundation
import Rater
import RaterDatabase

/// `rater aggregate`: aggregates over result files (JSON Lines from `rater analyze`) and partials, merged exactly.
struct AggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Aggregate results and merge partials: sentiment, dimensions, signals, NPS/CSAT/CES, drivers.",
        discussion: """
            Inputs are result files written by `rater analyze` (JSON Lines, .gz allowed) and partials written with \
            --aggregate-partial. Partials must have been made with the same grouping options; results are \
            aggregated with the options given here. Without an output option, CSV goes to standard output.
            """)

    @Argument(help: "Result files (JSON Lines) and aggregate partials; '-' reads results from standard input.")
    var inputs: [String] = []

    @OptionGroup var aggregation: AggregationArguments

    @OptionGroup var outputs: AggregateOutputs

    /// The outputs asked for, or CSV on standard output.
    var effectiveOutputs: AggregateOutputs {
        var outputs = self.outputs
        if !outputs.wantsAggregation { outputs.csv = "-" }
        return outputs
    }

    var outputPlaces: OutputPlaces {
        var places = OutputPlaces()
        effectiveOutputs.add(to: &places)
        return places
    }

    func validate() throws {
        try outputs.validate(for: aggregation.options())
        try outputPlaces.checkSpelling()
    }

    func run() throws {
        var total = Aggregation(options: try aggregation.options())
        let inputFiles = try InputList.expand(inputs, onRepeat: warnRepeat)
        try outputPlaces.check(inputs: inputFiles)
        // Checked and opened before the inputs are read; moved into place only once everything is written.
        let files = try effectiveOutputs.open(for: total.options)
        var results = 0
        var partials = 0
        var partialPaths = [String: String]()  // by partialID: the input that brought it
        // The results read and the results each partial counts, to refuse a partial beside results it already
        // counts (`CoveredResults`), whichever came first.
        var resultFiles = [CoveredResults]()
        var coveredByPartials = [(partial: String, covered: CoveredResults)]()
        // Partials without aspect counts are not merged with inputs that have them (`AspectCountInputs`).
        var aspectCounts = AspectCountInputs()
        for input in inputFiles {
            let stream = try InputOpener.openBytes(path: input)
            // Partials are JSON with sorted keys, so they start with `{"entries"`; result lines start with `{"id"`.
            if try stream.peek(16).starts(with: Array("{\"entries\"".utf8)) {
                var data = [UInt8]()
                while let byte = try stream.next() { data.append(byte) }
                let partial = try AggregationPartial.decode(Data(data), path: input)
                let differences = partial.options.differences(from: total.options)
                guard differences.isEmpty else {
                    throw AggregationError.incompatiblePartial(path: input, differences: differences)
                }
                if let id = partial.partialID {
                    if let first = partialPaths[id] { throw AggregationError.repeatedPartial(path: input, first: first) }
                    partialPaths[id] = input
                }
                try aspectCounts.note(partial, path: input)
                try total.merge(partial.aggregation)
                partials += 1
                coveredByPartials += (partial.resultFiles ?? []).map { (input, $0) }
                continue
            }
            var line = [UInt8]()
            var lineNumber = 0
            var digest = Hasher256()
            var lines = 0
            func flush() throws {
                lineNumber += 1
                defer { line.removeAll(keepingCapacity: true) }
                guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { return }
                total.add(try ResultLineDecoder.observation(Data(line), path: input, lineNumber: lineNumber))
                results += 1
                lines += 1
            }
            let resultsBefore = results
            while let byte = try stream.next() {
                if byte == 0x0A {
                    // The bytes as written, newline included: the digest `rater analyze` took of them.
                    line.append(byte)
                    digest.update(line)
                    line.removeLast()
                    try flush()
                } else {
                    line.append(byte)
                }
            }
            if !line.isEmpty {
                digest.update(line)
                try flush()
            }
            resultFiles.append(CoveredResults(path: input, lines: lines, sha256: digest.finish()))
            if lines > 0 { try aspectCounts.noteResults(path: input) }
            // As `rater analyze` warns of an input with no records: a failed night upstream must not pass for a quiet one.
            if results == resultsBefore { printError("rater: \(input): no results (an empty file?); it adds nothing") }
        }
        for (partial, covered) in coveredByPartials where covered.lines > 0 {
            if let results = resultFiles.first(where: { $0.sha256 == covered.sha256 }) {
                throw AggregationError.partialCoversResults(partial: partial, results: results.path,
                                                            written: covered.path)
            }
        }
        // A partial made here counts the results read here and whatever the partials merged here counted.
        try files.write(total, logger: nil, covering: resultFiles + coveredByPartials.map(\.covered))
        try files.commit()
        printError("rater: aggregated \(results) results and \(partials) partials into \(total.rows.count) rows"
            + (total.undated > 0 ? " (\(total.undated) comments without a readable date)" : ""))
        for line in total.columnNotes { printError(line) }
    }
}
