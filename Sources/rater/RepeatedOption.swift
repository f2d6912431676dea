/// A single-value option typed twice on the command line (`-o a.jsonl -o b.jsonl`, `--db a.sqlite --db b.sqlite`).
///
/// swift-argument-parser keeps the last value and says nothing, so `rater eval --gold A --gold B` evaluated B alone
/// and exited 0, and `report --db a --db b` reported b alone. A repeat is a usage error instead (64, before anything
/// is read or written), naming the option and both values. Which options take one value comes from each command's
/// own definition (`CommandOptions`), so an option added later is covered without a list kept by hand. Only the
/// arguments typed are checked: a `--config` file's value is meant to be overridden by the command line's.
struct RepeatedOption: Error, CustomStringConvertible {
    /// The option's long spelling (`--output`), whichever spellings were typed.
    let option: String
    let first: String
    let second: String

    var description: String {
        "\(option) is given twice ('\(first)', then '\(second)'): it takes one value, and a second one would "
            + "silently replace the first; give it once"
    }

    /// The first single-value option of `options` that `arguments` (what follows the command's words) gives twice.
    ///
    /// Spellings are read as swift-argument-parser reads them: `--name VALUE`, `--name=VALUE`, `-o VALUE`, `-o=VALUE`;
    /// `--` ends the options (what follows is input, however it is spelt). A value that looks like an option is not
    /// taken as one (the parser refuses it as a missing value). Nothing is checked when help or the version is asked
    /// for, which the parser answers whatever else is typed.
    static func first(in arguments: [String], of options: CommandOptions) -> RepeatedOption? {
        let end = arguments.firstIndex(of: "--") ?? arguments.endIndex
        let typed = arguments[..<end]
        if typed.contains(where: { ["--help", "-h", "--version", "--experimental-dump-help"].contains($0) }) {
            return nil
        }
        var values = [String: String]()
        var index = typed.startIndex
        while index < typed.endIndex {
            let argument = typed[index]
            index += 1
            guard argument.count > 1, argument.hasPrefix("-") else { continue }
            let equals = argument.firstIndex(of: "=")
            let spelling = equals.map { String(argument[..<$0]) } ?? argument
            guard let option = options.valueOptions[spelling] else { continue }
            var value = ""
            if let equals {
                value = String(argument[argument.index(after: equals)...])
            } else if index < typed.endIndex, !(typed[index].count > 1 && typed[index].hasPrefix("-")) {
                value = typed[index]
                index += 1
            }
            guard !option.repeating else { continue }
            if let first = values[option.name] { return RepeatedOption(option: option.name, first: first, second: value) }
            values[option.name] = value
        }
        return nil
    }
}
