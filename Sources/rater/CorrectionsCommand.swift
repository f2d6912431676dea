import ArgumentParser
import Foundation
import RaterDatabase
import RaterReview

/// `rater corrections export|list`: the analysts' corrections out of a results database.
struct CorrectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corrections",
        abstract: "Export the review workspace's corrections as gold, or list the audit trail.",
        subcommands: [Export.self, List.self])

    struct DatabaseOptions: ParsableArguments {
        @Option(help: "The SQLite database the workspace wrote to.")
        var db: String?

        @Option(help: "A PostgreSQL connection URL instead of --db.")
        var postgres: String?

        func validate() throws {
            if (db == nil) == (postgres == nil) { throw ValidationError("give exactly one of --db PATH and --postgres URL") }
        }

        func store() throws -> ReviewStore {
            if let db {
                guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no database at '\(db)'") }
                return try ReviewStore(connection: SQLiteConnection(path: db))
            }
            return try ReviewStore(connection: PostgresConnection(url: postgres!))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every reviewed comment, as corrected, to a gold CSV (id, lang, text, label, dimensions, …).",
            discussion: """
                The file is what `rater eval --gold FILE` (sentiment) and `rater eval --gold FILE --aspect-scheme rater` \
                (dimensions) measure against, and what `rater lexicon learn --gold FILE` learns team terms from.
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(name: .shortAndLong, help: "Where to write the CSV ('-' for standard output).")
        var output: String

        func run() throws {
            let comments = try database.store().reviewedComments()
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
        static let configuration = CommandConfiguration(abstract: "Print the audit trail, newest first, as tab-separated lines.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "How many corrections to print.")
        var limit: Int = 100

        func run() throws {
            print(["seq", "created_at", "analyst", "source", "comment_key", "action", "dimension", "value",
                   "machine_label"].joined(separator: "\t"))
            for correction in try database.store().corrections(limit: limit) {
                let cells = [String(correction.seq), correction.createdAt, correction.analyst, correction.source,
                             correction.commentKey, correction.action.rawValue, correction.dimension?.rawValue ?? "",
                             correction.value?.rawValue ?? "", correction.machineLabel.rawValue]
                // Tabs and newlines inside a value would break the columns.
                print(cells.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
                    .joined(separator: "\t"))
            }
        }
    }
}
