import ArgumentParser
import Foundation
import RaterCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every place a command writes, named by the option that names it, checked before anything is read.
///
/// Two outputs at one place lose one of them without a word: `-o same.jsonl --rejects same.jsonl` left only the
/// rejects, `-o x --aggregate-csv x` exited 0 with the results replaced by the CSV, and `--aggregate-csv -` beside
/// the results on standard output mixed CSV into the JSON Lines. An output that is one of the inputs replaces the
/// export it was made from.
///
/// Outputs spelled alike (two on `-`, one path typed twice) are seen on the command line alone, so `validate()`
/// refuses them (`checkSpelling`, exit 64, nothing written); so are the other names of standard output
/// (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`, the file it is redirected to: `StandardOutputNames`), which
/// need no input expanded to be seen. Different spellings of one place (`./x` and `x`, a
/// symbolic link to a directory, an input pattern that matches an output) are found by `check(inputs:)` once the
/// inputs are expanded, still before anything is read (exit 1).
struct OutputPlaces {
    struct Output {
        /// The option that names it, as typed: `--output`, `--rejects` …
        var option: String
        var path: String
        /// Whether `-` means standard output (it does for every output but a database, for which it is a file).
        var dashIsStandardOutput: Bool
        /// A database is opened in place, through a symbolic link; every other file is replaced by a rename, which
        /// replaces a link itself rather than what it points to.
        var inPlace: Bool
    }

    private(set) var outputs = [Output]()

    mutating func add(_ option: String, _ path: String?, dashIsStandardOutput: Bool = true, inPlace: Bool = false) {
        guard let path else { return }
        outputs.append(Output(option: option, path: path, dashIsStandardOutput: dashIsStandardOutput,
                              inPlace: inPlace))
    }

    /// Refuses two outputs spelled alike or both on standard output (for `validate()`), but for a device or FIFO
    /// (`/dev/null`).
    func checkSpelling() throws {
        var first = [String: Output]()
        for output in outputs {
            let key: String
            if Self.isStandardOutput(output) {
                key = ""
            } else if output.path == "-" || PathKind(path: output.path) != .other {
                key = output.path
            } else {
                continue
            }
            if let earlier = first[key] {
                throw ValidationError(OutputConflict.samePlace(first: earlier.option, second: output.option,
                                                               place: Self.shown(key)).description)
            }
            first[key] = output
        }
    }

    /// Refuses two outputs at one place and an output at the place of one of `inputs` (expanded), by their
    /// canonical paths.
    func check(inputs: [String]) throws {
        var first = [String: Output]()
        for output in outputs {
            guard let key = Self.place(of: output) else { continue }
            if let earlier = first[key] {
                throw OutputConflict.samePlace(first: earlier.option, second: output.option, place: Self.shown(key))
            }
            first[key] = output
        }
        for input in inputs where input != "-" {
            guard let resolved = RealPath.of(input), let output = first[resolved] else { continue }
            throw OutputConflict.outputIsInput(option: output.option, input: input)
        }
    }

    /// `""` for standard output; nil for a device or FIFO, written in place and never replaced (any number of
    /// outputs may go to `/dev/null`); else the canonical path of the directory entry the output replaces (or, for
    /// a database, of the file it writes in).
    private static func place(of output: Output) -> String? {
        if isStandardOutput(output) { return "" }
        switch PathKind(path: output.path) {
        case .other: return nil
        case .regularFile where output.inPlace: return RealPath.of(output.path) ?? entry(output.path)
        case .regularFile, .absent: return entry(output.path)
        }
    }

    /// `-` (where it means standard output) or another name of standard output.
    private static func isStandardOutput(_ output: Output) -> Bool {
        output.path == "-" ? output.dashIsStandardOutput : StandardOutputNames.contains(output.path)
    }

    /// The canonical path of the directory entry `path` names: its directory resolved, its last component as it is
    /// (a symbolic link there is what a rename replaces).
    private static func entry(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let directory = RealPath.of(url.deletingLastPathComponent().path) ?? url.deletingLastPathComponent().standardized.path
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func shown(_ key: String) -> String { key.isEmpty ? "standard output" : key }
}
