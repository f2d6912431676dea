/// A config-file key an option of its command took until it was withdrawn. A nightly config written for the old
/// binary may still hold it, and since every section is checked whatever command runs (`ConfigFile`), rejecting it
/// would stop every command of the night, `analyze` too, over an option that never did anything. So in a config file
/// it is skipped with a warning naming it; typed on the command line it stays a usage error, as the person typing is
/// there to read the message.
struct RetiredConfigKey: Sendable, Equatable {
    /// The section's path of command names (`["lexicon", "learn"]`).
    let section: [String]
    let key: String
    /// Why the key is no longer taken and since when, for the warning.
    let reason: String

    /// `rater lexicon learn` and `list` score nothing: they took the scoring options without effect until 2026-11-28.
    static let all: [RetiredConfigKey] = {
        let reason = "it scores nothing and took this option without effect until 2026-11-28"
        return [["lexicon", "learn"], ["lexicon", "list"]].flatMap { section in
            ["lang", "confidence-model", "positive-threshold", "negative-threshold"].map {
                RetiredConfigKey(section: section, key: $0, reason: reason)
            }
        }
    }()

    /// The retired key `key` of `section`, if it is one.
    static func find(section: [String], key: String) -> RetiredConfigKey? {
        all.first { $0.section == section && $0.key == key }
    }

    /// The warning for this key in the file at `path`.
    func warning(path: String) -> String {
        let command = section.joined(separator: " ")
        return "rater: warning: \(path): \(section.joined(separator: ".")).\(key) is ignored and deprecated: "
            + "`rater \(command)` no longer takes --\(key) (\(reason)); remove the key, as a later release will "
            + "refuse it"
    }
}
