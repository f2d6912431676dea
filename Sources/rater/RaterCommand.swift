import ArgumentParser

@main
struct RaterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rater",
        abstract: "Turn customer comments into service-quality intelligence (sentiment and RATER dimensions).",
        discussion: """
            Exit codes: 0 success; 3 finished, but some records were rejected (see --rejects); \
            4 stopped at the first rejection under --strict; 1 a fatal error (unreadable input, bad lexicon, \
            bad options).
            """,
        subcommands: [AnalyzeCommand.self, ExplainCommand.self, EvalCommand.self, CalibrateCommand.self,
                      LexiconCommand.self],
        defaultSubcommand: AnalyzeCommand.self)
}

/// Exit codes documented for cron.
enum RaterExit {
    static let rejectedRecords = ExitCode(3)
    static let strictStop = ExitCode(4)
}
