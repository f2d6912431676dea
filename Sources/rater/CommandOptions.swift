import ArgumentParser
import Foundation

/// What one command accepts on its command line, as swift-argument-parser itself describes it: the JSON behind
/// `--experimental-dump-help` (`_dumpHelp()`). A config file is checked against it, so a key the parser would not
/// take, or a value of the wrong kind, is named with its place in the file instead of turning into another option or
/// an input.
struct CommandOptions {
    enum Kind: Equatable {
        /// `--name VALUE`; `repeating` takes a list.
        case option(repeating: Bool)
        /// `--name`; `inversion` is the other flag of a `--name/--no-name` pair.
        case flag(inversion: String?)
        /// The positional arguments, under their value name (`inputs`); `repeating` takes a list.
        case positional(repeating: Bool)
    }

    /// An option that takes a value, as `RepeatedOption` looks it up by any of its spellings.
    struct ValueOption: Equatable {
        /// How messages name it: its long spelling (`--output`), or its only one.
        var name: String
        /// Takes a list (`--gold A --gold B`): typing it again adds a value.
        var repeating: Bool
    }

    let commandName: String
    let byKey: [String: Kind]
    /// Every spelling of an option that takes a value (`--output`, `-o`, `--db`), with its name and whether it repeats.
    let valueOptions: [String: ValueOption]

    /// Help and the dump itself are no part of a pipeline.
    private static let excluded: Set<String> = ["help", "version", "experimental-dump-help"]

    init(_ command: any ParsableCommand.Type) throws {
        let dump = try JSONDecoder().decode(Dump.self, from: Data(command._dumpHelp().utf8))
        commandName = dump.command.commandName
        var flags = Set<String>()
        var byKey = [String: Kind]()
        var valueOptions = [String: ValueOption]()
        for argument in dump.command.arguments ?? [] {
            let long = (argument.names ?? []).filter { $0.kind == "long" }.map(\.name)
            switch argument.kind {
            case "positional":
                if let name = argument.valueName { byKey[name] = .positional(repeating: argument.isRepeating) }
            case "option":
                for name in long { byKey[name] = .option(repeating: argument.isRepeating) }
                // `short` is `-o`; `longWithSingleDash` is `-name`.
                let spellings = (argument.names ?? []).map { ($0.kind == "long" ? "--" : "-") + $0.name }
                let option = ValueOption(name: long.first.map { "--" + $0 } ?? spellings.first ?? "",
                                         repeating: argument.isRepeating)
                for spelling in spellings { valueOptions[spelling] = option }
            default: flags.formUnion(long)
            }
        }
        self.valueOptions = valueOptions
        for flag in flags.subtracting(Self.excluded) {
            let inversion = flag.hasPrefix("no-") ? String(flag.dropFirst(3)) : "no-" + flag
            byKey[flag] = .flag(inversion: flags.contains(inversion) ? inversion : nil)
        }
        self.byKey = byKey
    }

    /// The parts of the dump read here.
    private struct Dump: Decodable {
        struct Command: Decodable {
            var commandName: String
            var arguments: [Argument]?
        }
        struct Argument: Decodable {
            var kind: String
            var names: [Name]?
            var isRepeating: Bool
            var valueName: String?
        }
        struct Name: Decodable {
            var kind: String
            var name: String
        }
        var command: Command
    }
}
