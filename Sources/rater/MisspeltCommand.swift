import ArgumentParser
import Foundation

/// A first argument that is neither a command nor an existing file, but looks like a command name.
///
/// `analyze` is the default command, so `rater review --db x.sqlite` or `rater explian "…"` took the misspelt command
/// for an input file and failed with "review: cannot open (No such file or directory)", exit 1, as if an export were
/// missing. A word without a dot, a slash or a pattern character that names no file is far likelier a command: it is
/// a usage error (64) naming the closest commands.
struct MisspeltCommand: Error, CustomStringConvertible {
    var word: String
    var suggestions: [String]
    var commands: [String]

    /// Words people type for a command of another name.
    static let aliases = ["review": "serve", "workspace": "serve", "analyse": "analyze", "correction": "corrections",
                          "evaluate": "eval", "calibration": "calibrate", "lexicons": "lexicon", "record": "records"]

    /// Nil when `arguments` start with an option, a command, an existing file or something shaped like a path.
    static func check(_ arguments: [String], commands: [String],
                      exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> MisspeltCommand? {
        guard let word = arguments.first, !word.isEmpty, !word.hasPrefix("-"), word != "help",
              !commands.contains(word),
              word.allSatisfy({ $0.isLetter || $0 == "_" }), !exists(word) else { return nil }
        var suggestions = aliases[word.lowercased()].map { [$0] } ?? []
        if suggestions.isEmpty {
            let lowered = word.lowercased()
            let scored = commands.map { ($0, distance(lowered, $0)) }
            let limit = max(2, lowered.count / 3)
            let best = scored.map(\.1).min() ?? Int.max
            if best <= limit { suggestions = scored.filter { $0.1 == best }.map(\.0) }
        }
        return MisspeltCommand(word: word, suggestions: suggestions, commands: commands)
    }

    var description: String {
        let guess = suggestions.isEmpty ? "" : " (did you mean \(suggestions.joined(separator: " or "))?)"
        return "'\(word)' is not a rater command\(guess), nor a file here; the commands are "
            + commands.joined(separator: ", ") + " (analyze is the default: `rater analyze \(word)` reads a file so named)"
    }

    /// Edits (insert, delete, substitute) between two words.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
