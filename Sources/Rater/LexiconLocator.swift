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
        func consider(_ path: String) {
            if !candidates.contains(path) { candidates.append(path) }
        }
        var directory = executableURL().deletingLastPathComponent()
        for _ in 0..<6 {
            consider(directory.appendingPathComponent("Lexicons").path)
            consider(directory.appendingPathComponent("share/rater/Lexicons").path)
            directory.deleteLastPathComponent()
        }
        consider(FileManager.default.currentDirectoryPath + "/Lexicons")
        for candidate in candidates where isLexiconDirectory(candidate) { return candidate }
        throw LexiconError.noLexicons(directory: "Lexicons (looked in: " + candidates.joined(separator: ", ")
            + "; set --lexicons or RATER_LEXICONS)")
    }

    /// The running executable, symbolic links resolved. The kernel's `/proc/self/exe` first: a command found
    /// through `PATH` (a cron line saying `rater analyze …`) has only its bare name in `argv[0]`, which read as a
    /// path relative to the working directory and missed an installed `share/rater/Lexicons`.
    static func executableURL() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
    }

    /// A directory that holds the per-language folders, not any folder that happens to be called Lexicons.
    static func isLexiconDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path + "/zh", isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
