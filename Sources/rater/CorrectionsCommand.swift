import ArgumentParser
import Foundation
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
            abstract: "Write every reviewed comment, as corrected, to a gold CSV (id, lang, text, label, dimensions, …).",
            discussion: """
                The file is what `rater eval --gold FILE` (sentiment) and `rater eval --gold FILE --aspect-scheme rater` \
                (dimensions) measure against, and what `rater lexicon learn --gold FILE` learns team terms from.
                """)

        @OptionGroup var database: ResultsDatabaseOptions

        @Option(name: .shortAndLong, help: "Where to write the CSV ('-' for standard output).")
        var output: String

        func run() throws {
            let comments = try ReviewStore(connection: database.connection()).reviewedComments()
            let csv = GoldExport.csv(comments)
            if output == "-" {
                FileHandle.standardOutput.write(Data(csv.utf8))
            } else {
                try Data(csv.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                FileHandle.standardError.write(Data("rater: \(comments.count) reviewed comments written to \(output)\n".utf8))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the audit trail, newest first, as tab-separated lines.",
            discussion: "Control and other invisible characters in a value are printed as \\u{1B}-style escapes, and a backslash as \\\\.")

        @OptionGroup var database: ResultsDatabaseOptions

        @Option(help: "How many corrections to print.")
        var limit: Int = 100

        func validate() throws {
            // A negative LIMIT is "no limit" to SQLite and an error to PostgreSQL.
            if limit < 0 { throw ValidationError("--limit must be 0 or more") }
        }

        func run() throws {
            print(["seq", "created_at", "analyst", "source", "comment_key", "action", "dimension", "value",
                   "machine_label"].joined(separator: "\t"))
            for correction in try ReviewStore(connection: database.connection()).corrections(limit: limit) {
                let cells = [String(correction.seq), correction.createdAt, correction.analyst, correction.source,
                             correction.commentKey, correction.action.rawValue, correction.dimension?.rawValue ?? "",
                             correction.value?.rawValue ?? "", correction.machineLabel.rawValue]
                // Keys, file names and analyst names are untrusted: a control character would break the columns or
                // drive the terminal (ESC sequences, BEL, CR), so each is printed as a visible \u{…} escape.
                print(cells.map(TerminalText.visible).joined(separator: "\t"))
            }
        }
    }
}
