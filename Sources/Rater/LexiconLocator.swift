import Foundation

/// Finds the built-in `Lexicons/` folder.
///
/// Lexicons are data an analyst edits, so they ship as files beside the binary rather than compiled in. Order:
/// an explicit `--lexicons DIR`; `$RATER_LEXICONS`; `Lexicons/` or `share/rater/Lexicons/` beside or above the
/// executable (covers `.build/release/rater` inside a checkout and an installed prefix); `./Lexicons`.
public enum LexiconLocator {
    public static func find(explicit: String? = nil) throws -> String {
        if let explicit { return explicit }
        if let environment = ProcessInfo.processInfo.environment["RATER_LEXICONS"], !environment.isEmpty {
            return environment
        }
        var candidates = [String]()
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory.appendingPathComponent("Lexicons").path)
            candidates.append(directory.appendingPathComponent("share/rater/Lexicons").path)
            directory.deleteLastPathComponent()
        }
        candidates.append(FileManager.default.currentDirectoryPath + "/Lexicons")
        for candidate in candidates where isLexiconDirectory(candidate) { return candidate }
        throw LexiconError.noLexicons(directory: "Lexicons (looked in: " + candidates.joined(separator: ", ")
            + "; set --lexicons or RATER_LEXICONS)")
    }

    /// A directory that holds the per-language folders, not any folder that happens to be called Lexicons.
    static func isLexiconDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path + "/zh", isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
