import ArgumentParser
import Logging

/// `--log-level` and `--progress`, shared by the commands that run over inputs.
struct LoggingArguments: ParsableArguments {
    @Option(help: "Log level on standard error: trace, debug, info, notice, warning, error or critical. Each rejected record is a warning; inputs opened are info.")
    var logLevel: Logger.Level = .warning

    @Flag(inversion: .prefixedNo, help: "A progress line on standard error when it is a terminal (never under cron).")
    var progress = true

    /// A logger writing `key=value` metadata to standard error at the chosen level.
    func makeLogger() -> Logger {
        var logger = Logger(label: "rater") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = logLevel
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
