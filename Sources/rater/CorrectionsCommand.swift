import ArgumentParser
import Foundation
import Rater
import RaterCore
import RaterReview

/// `rater corrections export|list`: the analysts' corrections out of a results database.
struct CorrectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corrections",
        abstract: "Export the review workspace's corrections as gold, or list the audit trail.",
        subcommands: [Export.self, List.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every reviewed comment's judged fields to a gold CSV (id, lang, text, label, dimensions, judged, …).",
            discussion: """
                The file is what `rater eval --gold FILE` (sentiment) and `rater eval --gold FILE --aspect-scheme rater` \
                (dimensions) measure against, and what `rater lexicon learn --gold FILE` learns team terms from.

                Only judgements are written: `label` is empty unless an analyst set or accepted it, `dimensions` holds \
                the judged dimensions, and `judged` names what was judged (label, dimensions); eval scores each row's \
                judged dimensions only.

                Corrections made on an earlier text of a comment (stale: a re-export gave its key another text) and \
                corrections of comments no longer in the database (orphaned) are left out; their counts go to \
                standard error with the `rater corrections list --status …` that lists them. The exit code stays 0: \
                the file holds every judgement that still applies.
                """)

        @OptionGroup var database: ResultsDatabaseOptions

        @Option(name: .shortAndLong, help: "Where to write the CSV ('-' for standard output).")
        var output: String

        func run() throws {
            let store = try ReviewStore(connection: database.connection())
            let comments = try store.reviewedComments()
            let omissions = try store.omissions()
            let csv = GoldExport.csv(comments)
            try write(csv, to: OutputFile(path: output))
            if output != "-" {
                printError("rater: \(comments.count) reviewed comments written to \(output)")
            }
            for line in Self.warnings(omissions) { printError("rater: " + line) }
        }

        /// What the export left out and how to see it: a warning, not a failure, since leaving these out is what makes
        /// the file right (a stale judgement is about a text the file no longer holds).
        static func warnings(_ omissions: CorrectionOmissions) -> [String] {
            var lines = [String]()
            if omissions.staleCorrections > 0 {
                lines.append("left out \(omissions.staleCorrections) stale correction(s) on \(omissions.staleComments) "
                    + "comment(s) whose text has changed since it was judged; `rater corrections list --status stale` "
                    + "lists them, and the review page's Review: stale filter shows the comments to judge again")
            }
            if omissions.orphanedCorrections > 0 {
                lines.append("left out \(omissions.orphanedCorrections) orphaned correction(s) of "
                    + "\(omissions.orphanedComments) comment(s) no longer in the database; "
                    + "`rater corrections list --status orphaned` lists them")
            }
            return lines
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the audit trail, newest first, as tab-separated lines.",
            discussion: """
                Control and other invisible characters in a value are printed as \\u{1B}-style escapes, and a backslash \
                as \\\\. For set_signal, `dimension` names the signal and `value` its value (none: judged absent). \
                The last column is the correction's status against the comment as stored now: current; stale \
                (the comment's text has changed since: not applied, not exported); orphaned (no such comment in the \
                database: not exported); unverified (made before Rater recorded the text judged: applied as before).
                """)

        @OptionGroup var database: ResultsDatabaseOptions

        @Option(help: "How many corrections to print.")
        var limit: Int = 100

        @Option(help: "Only the corrections with this status (current, stale, orphaned, unverified).")
        var status: CorrectionStatus?

        func validate() throws {
            // A negative LIMIT is "no limit" to SQLite and an error to PostgreSQL.
            if limit < 0 { throw ValidationError("--limit must be 0 or more") }
        }

        func run() throws {
            print(["seq", "created_at", "analyst", "source", "comment_key", "action", "dimension", "value",
                   "machine_label", "status"].joined(separator: "\t"))
            for correction in try ReviewStore(connection: database.connection()).corrections(limit: limit, status: status) {
                let cells = [String(correction.seq), correction.createdAt, correction.analyst, correction.source,
                             correction.commentKey, correction.action.rawValue, correction.subject,
                             correction.valueName, correction.machineLabel.rawValue,
                             correction.status.rawValue]
                // Keys, file names and analyst names are untrusted: a control character would break the columns or
                // drive the terminal (ESC sequences, BEL, CR), so each is printed as a visible \u{…} escape.
                print(cells.map(TerminalText.visible).joined(separator: "\t"))
            }
        }
    }
}

extension CorrectionStatus: ExpressibleByArgument {}
