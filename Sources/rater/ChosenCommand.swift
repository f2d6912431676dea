import ArgumentParser

/// The command a command line runs: its leading words that name a command, then a subcommand of it (`corrections
/// export`), or the default command when none does; and the arguments after those words.
struct ChosenCommand {
    /// The command's words as typed; the default command's name when none was typed.
    let words: [String]
    let command: any ParsableCommand.Type
    let arguments: [String]

    init(_ arguments: [String], commands: [any ParsableCommand.Type], defaultCommand: any ParsableCommand.Type) {
        var rest = arguments[...]
        var words = [String]()
        var chosen: (any ParsableCommand.Type)?
        var level = commands
        while let word = rest.first, let command = level.first(where: { $0._commandName == word }) {
            words.append(word)
            chosen = command
            rest = rest.dropFirst()
            level = command.configuration.subcommands
        }
        self.words = words.isEmpty ? [defaultCommand._commandName] : words
        command = chosen ?? defaultCommand
        self.arguments = Array(rest)
    }
}
