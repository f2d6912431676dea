import ArgumentParser
import Foundation

/// `--config FILE`: a pipeline's options in a JSON file, so the cron line stays short.
///
/// The file has one object per command, keyed by option name without the dashes:
///
///     { "analyze": { "inputs": ["/drops/today/*.csv.gz"], "text-column": "comment",
///                    "group-by": ["branch", "channel"], "date-column": "created_at",
///                    "time-zone": "Asia/Shanghai", "output": "/data/results.jsonl", "no-explanation": true } }
///
/// A command of a group (`rater corrections export`, `rater lexicon import`) has its object inside its group's, as
/// the command line names it, word by word:
///
///     { "corrections": { "export": { "db": "/data/results.sqlite", "output": "/data/gold.csv" } },
///       "lexicon": { "learn": { "gold": ["/data/gold.csv"], "output": "/data/learned.tsv" } } }
///
/// A group has no options of its own, so the keys of its object are its commands. Mistakes are named by their path
/// in the file (`corrections.export.outptu`).
///
/// It is turned into command-line arguments placed before the ones actually typed, so the command line wins for
/// single-valued options and adds to repeatable ones, and the same validation and help apply to both.
///
/// Every key of every section is checked against the options its command really has (`CommandOptions`) before
/// anything runs, whichever command runs: a misspelt command (`"analyse"`) or section used to be ignored, so the run
/// read standard input and exited 0; a `false` was dropped, so `"progress": false` left the progress line on; a
/// string given to a flag became an input. One file usually serves a whole night's commands, and the first of them
/// finds a mistake in any. The one exception is a key of an option since withdrawn (`RetiredConfigKey`): skipped
/// with a warning, so an old nightly file keeps running.
enum ConfigFile {
    enum Problem: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        /// The file is not there or cannot be read.
        case missing(path: String, reason: String)
        /// A key given twice in one object: JSON keeps the last silently, which dropped a whole section.
        case repeatedKey(path: String, section: [String], key: String)
        /// `key` is no command of the group `within` (empty: of `rater`).
        case unknownCommand(path: String, within: [String], key: String, commands: [String])
        /// The section at `section` (`["corrections", "export"]`) is not an object; `subcommands` are a group's.
        case notAnObject(path: String, section: [String], subcommands: [String])
        /// `near`: the section's options closest to `key` (a typo: `text-colum`), if any is close.
        case unknownOption(path: String, section: [String], key: String, near: [String] = [])
        case badValue(path: String, section: [String], key: String, expected: String)

        var description: String {
            switch self {
            case let .unreadable(path, reason): return "\(path): not a Rater config file (\(reason))"
            case let .missing(path, reason): return "--config \(path): \(reason)"
            case let .repeatedKey(path, section, key) where section.isEmpty:
                return "\(path): the section '\(key)' is given twice; merge them into one (JSON would keep only the last)"
            case let .repeatedKey(path, section, key):
                return "\(path): \(section.joined(separator: ".")).\(key) is given twice; keep one (JSON would keep "
                    + "only the last)"
            case let .unknownCommand(path, within, key, commands) where within.isEmpty:
                return "\(path): '\(key)' is not a command; the keys of a config file are commands: "
                    + commands.joined(separator: ", ")
            case let .unknownCommand(path, within, key, commands):
                return "\(path): '\(key)' is not a command of `rater \(within.joined(separator: " "))`; the keys of "
                    + "\(within.joined(separator: ".")) are its commands: " + commands.joined(separator: ", ")
            case let .notAnObject(path, section, subcommands) where subcommands.isEmpty:
                return "\(path): \(section.joined(separator: ".")) must be an object of options, such as "
                    + "{\"output\": \"results.jsonl\"}"
            case let .notAnObject(path, section, subcommands):
                return "\(path): \(section.joined(separator: ".")) must be an object of its commands' sections, such as "
                    + "{\"\(subcommands[0])\": {…}} (its commands: \(subcommands.joined(separator: ", ")))"
            case let .unknownOption(path, section, key, near):
                let command = section.joined(separator: " ")
                let guess = near.isEmpty ? "" : "; did you mean " + near.joined(separator: " or ") + "?"
                return "\(path): \(section.joined(separator: ".")).\(key) is not an option of `rater \(command)`"
                    + guess + " (see rater \(command) --help)"
            case let .badValue(path, section, key, expected):
                return "\(path): \(section.joined(separator: ".")).\(key) must be \(expected)"
            }
        }
    }

    /// Rewrites `arguments` (without the program name) when they contain `--config FILE` or `--config=FILE`.
    static func expand(_ arguments: [String], commands: [any ParsableCommand.Type],
                       defaultCommand: any ParsableCommand.Type) throws -> [String]
    {
        let (file, typed) = try typedArguments(arguments)
        guard let path = file else { return arguments }
        let command = ChosenCommand(typed, commands: commands, defaultCommand: defaultCommand)
        let (chosen, rest) = (command.words, command.arguments)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Problem.missing(path: path, reason: FileManager.default.fileExists(atPath: path)
                ? "cannot be read: \(error.localizedDescription)" : "no such file")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Problem.unreadable(path: path, reason: "not JSON: \(error.localizedDescription)")
        }
        guard let sections = object as? [String: Any] else { throw Problem.unreadable(path: path, reason: "not an object") }
        if let repeated = JSONDuplicateKeys.first(in: data) {
            throw Problem.repeatedKey(path: path, section: repeated.path, key: repeated.key)
        }
        var options = [String](), positional = [String]()
        try forEachSection(of: sections, commands: commands, within: [], path: path) { section, command, values in
            let arguments = try Self.arguments(values, of: command, section: section, path: path)
            if section == chosen { (options, positional) = arguments }
        }
        return chosen + options + rest + positional
    }

    /// The `--config FILE` (or `--config=FILE`) in `arguments`, if any, and the arguments typed besides it.
    static func typedArguments(_ arguments: [String]) throws -> (config: String?, typed: [String]) {
        var rest = arguments
        guard let index = rest.firstIndex(where: { $0 == "--config" || $0.hasPrefix("--config=") }) else {
            return (nil, arguments)
        }
        let path: String
        if rest[index] == "--config" {
            guard index + 1 < rest.count else { throw Problem.unreadable(path: "--config", reason: "no file named") }
            path = rest[index + 1]
            rest.removeSubrange(index...(index + 1))
        } else {
            path = String(rest[index].dropFirst("--config=".count))
            rest.remove(at: index)
        }
        return (path, rest)
    }

    /// Calls `body` with every command section of `object` (the sections of `within`'s commands): its path of
    /// names, its command and its options, descending into the sections of groups.
    private static func forEachSection(
        of object: [String: Any], commands: [any ParsableCommand.Type], within: [String], path: String,
        _ body: ([String], any ParsableCommand.Type, [String: Any]) throws -> Void
    ) throws {
        let names = commands.map { $0._commandName }
        for key in object.keys.sorted() {
            guard let command = commands.first(where: { $0._commandName == key }) else {
                throw Problem.unknownCommand(path: path, within: within, key: key, commands: names)
            }
            let section = within + [key]
            let subcommands = command.configuration.subcommands
            guard let values = object[key] as? [String: Any] else {
                throw Problem.notAnObject(path: path, section: section, subcommands: subcommands.map { $0._commandName })
            }
            if subcommands.isEmpty {
                try body(section, command, values)
            } else {
                try forEachSection(of: values, commands: subcommands, within: section, path: path, body)
            }
        }
    }

    /// One command's section as command-line arguments: its options, and its positional arguments apart (they go
    /// after the ones typed).
    private static func arguments(_ values: [String: Any], of command: any ParsableCommand.Type, section: [String],
                                  path: String) throws -> (options: [String], positional: [String])
    {
        let options = try CommandOptions(command)
        var expanded = [String]()
        var positional = [String]()
        for key in values.keys.sorted() {
            // A withdrawn option's key is skipped with a warning, not refused (`RetiredConfigKey`).
            if options.byKey[key] == nil, let retired = RetiredConfigKey.find(section: section, key: key) {
                printError(retired.warning(path: path))
                continue
            }
            guard let kind = options.byKey[key] else {
                // The closest options as the command line's misspelt commands get them (`MisspeltCommand`): a typo
                // in a nightly config is read by a person in a cron mail.
                let scored = options.byKey.keys.map { ($0, MisspeltCommand.distance(key.lowercased(), $0)) }
                let best = scored.map(\.1).min() ?? Int.max
                let near = best <= max(2, key.count / 3) ? scored.filter { $0.1 == best }.map(\.0).sorted() : []
                throw Problem.unknownOption(path: path, section: section, key: key, near: near)
            }
            let value = values[key]!
            switch kind {
            case let .flag(inversion):
                guard let number = value as? NSNumber, number.isJSONBoolean else {
                    throw Problem.badValue(path: path, section: section, key: key, expected: "true or false (a flag)")
                }
                // A flag without an inversion is off unless given, so `false` says what it already is.
                if number.boolValue { expanded.append("--" + key) } else if let inversion { expanded.append("--" + inversion) }
            case let .option(repeating):
                for text in try texts(value, list: repeating, path: path, section: section, key: key) {
                    expanded += ["--" + key, text]
                }
            case let .positional(repeating):
                positional += try texts(value, list: repeating, path: path, section: section, key: key)
            }
        }
        return (expanded, positional)
    }

    /// An option's value as command-line text: a string or a number, or a list of them where the option repeats.
    private static func texts(_ value: Any, list: Bool, path: String, section: [String], key: String) throws
        -> [String]
    {
        let expected = list ? "a string, a number or a list of those" : "a string or a number"
        let values: [Any]
        if let array = value as? [Any] {
            guard list else { throw Problem.badValue(path: path, section: section, key: key, expected: expected) }
            values = array
        } else {
            values = [value]
        }
        return try values.map { value in
            switch value {
            case let number as NSNumber where number.isJSONBoolean:
                throw Problem.badValue(path: path, section: section, key: key, expected: expected + ", not true/false")
            case let string as String: return string
            case let number as NSNumber: return number.stringValue
            default: throw Problem.badValue(path: path, section: section, key: key, expected: expected)
            }
        }
    }

}
