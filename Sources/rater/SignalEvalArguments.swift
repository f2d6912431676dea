import ArgumentParser
import RaterCore

/// The `rater eval` options that switch it to scoring the business signals against signal-labelled gold data.
/// Named like `--label-column`: each names the gold column of one signal, and only the signals named are scored.
struct SignalEvalArguments: ParsableArguments {
    @Option(help: "Score the expectation signal against this gold column (exceeded, met, fell_short; blank: none).")
    var expectationColumn: String?

    @Option(help: "Score the recovery signal against this gold column (recovered, unresolved; blank: none).")
    var recoveryColumn: String?

    @Option(help: "Score the loyalty signal against this gold column (loyal, at_risk; blank: none).")
    var loyaltyColumn: String?

    @Option(help: "How many signal misses (missed, spurious, wrong value) to list with their text.")
    var signalMisses: Int = 0

    func validate() throws {
        if signalMisses < 0 { throw ValidationError("--signal-misses must be 0 or more") }
    }

    var isActive: Bool { !columns.isEmpty }

    /// The signals to score, each with its gold column.
    var columns: [SignalKind: String] {
        var columns = [SignalKind: String]()
        columns[.expectation] = expectationColumn
        columns[.recovery] = recoveryColumn
        columns[.loyalty] = loyaltyColumn
        return columns
    }
}
