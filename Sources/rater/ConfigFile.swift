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
/// It is turned into command-line arguments placed before the ones actually typed, so the command line wins for
/// single-valued options and adds to repeatable ones, and the same validation and help apply to both.
///
/// Every key is checked against the options the command really has (`CommandOptions`) before anything runs: a
/// misspelt command (`"analyse"`) or section used to be ignored, so the run read standard input and exited 0; a
/// `false` was dropped, so `"progress": false` left the progress line on; a string given to a flag became an input.
enum ConfigFile {
    enum Problem: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case unknownCommand(path: String, key: String, commands: [String])
        case notAnObject(path: String, command: String)
        case unknownOption(path: String, command: String, key: String)
        case badValue(path: String, command: String, key: String, expected: String)

        var description: String {
            switch self {
            case let .unreadable(path, reason): return "\(path): not a Rater config file (\(reason))"
            case let .unknownCommand(path, key, commands):
                return "\(path): '\(key)' is not a command; the keys of a config file are commands: "
                    + commands.joined(separator: ", ")
            case let .notAnObject(path, command):
                return "\(path): \(command) must be an object of options, such as {\"output\": \"results.jsonl\"}"
            case let .unknownOption(path, command, key):
                return "\(path): \(command).\(key) is not an option of `rater \(command)` (see rater \(command) --help)"
            case let .badValue(path, command, key, expected): return "\(path): \(command).\(key) must be \(expected)"
            }
        }
    }

    /// Rewrites `arguments` (without the program name) when they contain `--config FILE` or `--config=FILE`.
    static func expand(_ arguments: [String], commands: [any ParsableCommand.Type],
                       defaultCommand: any ParsableCommand.Type) throws -> [String]
    {
        var rest = arguments
        guard let index = rest.firstIndex(where: { $0 == "--config" || $0.hasPrefix("--config=") }) else { return arguments }
        let path: String
        if rest[index] == "--config" {
            guard index + 1 < rest.count else { throw Problem.unreadable(path: "--config", reason: "no file named") }
            path = rest[index + 1]
            rest.removeSubrange(index...(index + 1))
        } else {
            path = String(rest[index].dropFirst("--config=".count))
            rest.remove(at: index)
        }
        let names = commands.map { $0._commandName }
        let command = rest.first.flatMap { name in commands.first { $0._commandName == name } } ?? defaultCommand
        let name = command._commandName
        if rest.first == name { rest.removeFirst() }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw Problem.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        guard let sections = object as? [String: Any] else { throw Problem.unreadable(path: path, reason: "not an object") }
        for key in sections.keys.sorted() {
            guard names.contains(key) else { throw Problem.unknownCommand(path: path, key: key, commands: names) }
            guard sections[key] is [String: Any] else { throw Problem.notAnObject(path: path, command: key) }
        }
        let section = sections[name] as? [String: Any] ?? [:]
        let options = try CommandOptions(command)
        var expanded = [name]
        var positional = [String]()
        for key in section.keys.sorted() {
            guard let kind = options.byKey[key] else {
                throw Problem.unknownOption(path: path, command: name, key: key)
            }
            let value = section[key]!
            switch kind {
            case let .flag(inversion):
                guard let number = value as? NSNumber, isBoolean(number) else {
                    throw Problem.badValue(path: path, command: name, key: key, expected: "true or false (a flag)")
                }
                // A flag without an inversion is off unless given, so `false` says what it already is.
                if number.boolValue { expanded.append("--" + key) } else if let inversion { expanded.append("--" + inversion) }
            case let .option(repeating):
                for text in try texts(value, list: repeating, path: path, command: name, key: key) {
                    expanded += ["--" + key, text]
                }
            case .positional:
                positional += try texts(value, list: true, path: path, command: name, key: key)
            }
        }
        return expanded + rest + positional
    }

    /// An option's value as command-line text: a string or a number, or a list of them where the option repeats.
    private static func texts(_ value: Any, list: Bool, path: String, command: String, key: String) throws -> [String] {
        let expected = list ? "a string, a number or a list of those" : "a string or a number"
        let values: [Any]
        if let array = value as? [Any] {
            guard list else { throw Problem.badValue(path: path, command: command, key: key, expected: expected) }
            values = array
        } else {
            values = [value]
        }
        return try values.map { value in
            switch value {
            case let number as NSNumber where isBoolean(number):
                throw Problem.badValue(path: path, command: command, key: key, expected: expected + ", not true/false")
            case let string as String: return string
            case let number as NSNumber: return number.stringValue
            default: throw Problem.badValue(path: path, command: command, key: key, expected: expected)
            }
        }
    }

    /// JSON `true` and the number 1 both arrive as NSNumber (and both cast to Bool); only a boolean's type code
    /// is "c".
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
