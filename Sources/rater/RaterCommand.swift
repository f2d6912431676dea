import ArgumentParser
import RaterDatabase
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct RaterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rater",
        abstract: "Turn customer comments into service-quality intelligence (sentiment and RATER dimensions).",
        discussion: """
            Options can also come from a JSON file: --config pipeline.json (see README). Exit codes: 0 success; 3 finished, but some records were rejected (see --rejects); \
            4 stopped at the first rejection under --strict; 1 a fatal error (unreadable input, bad lexicon, \
            an output that cannot be written); 143 or 130 stopped by SIGTERM or SIGINT (recorded as a failed run); \
            64 a command line (or --config file) that cannot be used, before anything is read or written.
            """,
        // The version manifests and the `runs` table record, so a result file found later can be matched to a binary.
        version: RunRecorder.raterVersion,
        subcommands: [AnalyzeCommand.self, ExplainCommand.self, EvalCommand.self, CalibrateCommand.self,
                      LexiconCommand.self, RecordsCommand.self, AggregateCommand.self, ReportCommand.self,
                      ServeCommand.self, CorrectionsCommand.self],
        defaultSubcommand: AnalyzeCommand.self)

    /// Expands `--config FILE` into arguments before parsing (see `ConfigFile`).
    static func main() async {
        // A closed pipe must surface as a write error (EPIPE) that the run reports and exits on, not as a silent
        // death by SIGPIPE: Spark, shells and cron then see a clear message and a non-zero exit code.
        signal(SIGPIPE, SIG_IGN)
        // A closed standard descriptor gets a stand-in before any file is opened (see `StandardStreams`).
        StandardStreams.occupyClosed()
        do {
            let typed = Array(CommandLine.arguments.dropFirst())
            if let misspelt = MisspeltCommand.check(typed, commands: configuration.subcommands.map { $0._commandName }) {
                exit(withError: ValidationError(misspelt.description))
            }
            let arguments = try ConfigFile.expand(typed, commands: configuration.subcommands,
                                                  defaultCommand: AnalyzeCommand.self)
            // Only what was typed: a config file's value is there to be overridden by the command line's.
            let chosen = ChosenCommand(try ConfigFile.typedArguments(typed).typed, commands: configuration.subcommands,
                                       defaultCommand: AnalyzeCommand.self)
            if let repeated = RepeatedOption.first(in: chosen.arguments, of: try CommandOptions(chosen.command)) {
                exit(withError: ValidationError(repeated.description))
            }
            await main(arguments)
        } catch let problem as ConfigFile.Problem {
            // The file stands for part of the command line: its mistakes are usage errors (64), found before
            // anything is read or written.
            exit(withError: ValidationError(problem.description))
        } catch {
            exit(withError: error)
        }
    }
}

/// Exit codes documented for cron.
enum RaterExit {
    static let rejectedRecords = ExitCode(3)
    static let strictStop = ExitCode(4)
}
