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
enum ConfigFile {
    enum Problem: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case badValue(path: String, command: String, key: String)

        var description: String {
            switch self {
            case let .unreadable(path, reason): return "\(path): not a Rater config file (\(reason))"
            case let .badValue(path, command, key):
                return "\(path): \(command).\(key) must be a string, a number, true/false or a list of those"
            }
        }
    }

    /// Rewrites `arguments` (without the program name) when they contain `--config FILE` or `--config=FILE`.
    static func expand(_ arguments: [String], commands: [String], defaultCommand: String) throws -> [String] {
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
        let command = rest.first.flatMap { commands.contains($0) ? $0 : nil } ?? defaultCommand
        if rest.first == command { rest.removeFirst() }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw Problem.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        guard let sections = object as? [String: Any] else { throw Problem.unreadable(path: path, reason: "not an object") }
        let section = sections[command] as? [String: Any] ?? [:]
        var expanded = [command]
        var positional = [String]()
        for key in section.keys.sorted() {
            let values: [Any] = (section[key] as? [Any]) ?? [section[key]!]
            for value in values {
                let text: String
                switch value {
                case let number as NSNumber where isBoolean(number):
                    if number.boolValue { expanded.append("--" + key) }
                    continue
                case let string as String: text = string
                case let number as NSNumber: text = number.stringValue
                default: throw Problem.badValue(path: path, command: command, key: key)
                }
                if key == "inputs" { positional.append(text) } else { expanded += ["--" + key, text] }
            }
        }
        return expanded + rest + positional
    }

    /// JSON `true` and the number 1 both arrive as NSNumber (and both cast to Bool); only a boolean's type code
    /// is "c".
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
