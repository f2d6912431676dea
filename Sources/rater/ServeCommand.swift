import ArgumentParser
import Foundation
import RaterReview

/// `rater serve`: the analysts' review workspace over a results database, on loopback unless told otherwise.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the review workspace: read, filter and correct the tags in a results database.",
        discussion: """
            Serves http://127.0.0.1:PORT/ over the database written by `rater analyze --db` (or --postgres). \
            Corrections go to the append-only `corrections` table with who and when; the machine's results are \
            never changed. `rater corrections export` (or the page's link) writes them as gold for `rater eval` and \
            `rater lexicon learn`. Binding another address needs --token (or RATER_SERVE_TOKEN): the printed URL \
            carries it once and the browser keeps it as a cookie.
            """)

    @OptionGroup var database: ResultsDatabaseOptions

    @Option(help: "Address to listen on. Anything but loopback requires --token.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(help: "Access token required from every request (default: RATER_SERVE_TOKEN). At least 16 characters.")
    var token: String?

    @Option(help: "Whom corrections are recorded as until an analyst sets a name in the page (default: $USER).")
    var analyst: String?

    @Option(help: "The passthrough column holding each comment's date, for the date filter (default: date, created_at, 日期 … when present).")
    var dateColumn: String?

    /// The server's configuration from the options and the environment (RATER_SERVE_TOKEN, USER).
    var configuration: ReviewServerConfiguration {
        let environment = ProcessInfo.processInfo.environment
        return ReviewServerConfiguration(host: host, port: port, token: token ?? environment["RATER_SERVE_TOKEN"],
                                         defaultAnalyst: analyst ?? environment["USER"] ?? "analyst")
    }

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        // Before anything is opened: binding beyond loopback without a proper token is refused outright.
        do { try configuration.validate() } catch { throw ValidationError("\(error)") }
    }

    func run() async throws {
        let configuration = configuration
        let server = try ReviewServer(store: ReviewStore(connection: database.connection(), dateColumn: dateColumn),
                                      configuration: configuration)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let token = configuration.token
        do {
            try await server.application { port in
                var url = "http://\(shownHost):\(port)/"
                if let token, !token.isEmpty { url += "?token=\(token)" }
                // The URL alone on stdout, so a script can read it; everything else goes to the log on stderr.
                StandardStreams.writeWhole(url + "\n", to: STDOUT_FILENO)
            }.runService()
        } catch where ReviewServer.isAddressInUse(error) {
            // Most often a workspace already running, or a second one started for another database.
            printError("rater serve: \(shownHost):\(port) is already in use (another rater serve?); choose another with --port")
            throw ExitCode.failure
        }
    }
}
