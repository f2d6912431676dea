#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the inputs named on a command line into the files to read, in a stable order.
///
/// Cron lines quote their patterns (`'/drops/2026-11-*/comments*.csv.gz'`), so Rater expands them itself; a
/// pattern matching nothing is an error rather than a quietly empty run, and every file is checked before any is
/// read, so a typo fails the run at once instead of after an hour of work.
public enum InputList {
    public static func expand(_ inputs: [String]) throws -> [String] {
        guard !inputs.isEmpty else { return ["-"] }
        var files = [String]()
        for input in inputs {
            if input == "-" {
                files.append(input)
                continue
            }
            var status = stat()
            if stat(input, &status) == 0 {
                if (status.st_mode & S_IFMT) == S_IFDIR { throw IngestError.isDirectory(path: input) }
                files.append(input)
            } else if input.contains(where: { "*?[".contains($0) }) {
                files.append(contentsOf: try matches(of: input))
            } else {
                throw IngestError.cannotOpen(path: input, reason: String(cString: strerror(errno)))
            }
        }
        return files
    }

    /// Files matching a shell pattern, sorted (glob sorts by the C locale's collation).
    static func matches(of pattern: String) throws -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        let status = glob(pattern, 0, nil, &result)
        guard status == 0 else { throw IngestError.noMatchingFiles(pattern: pattern) }
        var files = [String]()
        for index in 0..<Int(result.gl_pathc) {
            guard let path = result.gl_pathv[index] else { continue }
            let file = String(cString: path)
            var status = stat()
            if stat(file, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR { files.append(file) }
        }
        guard !files.isEmpty else { throw IngestError.noMatchingFiles(pattern: pattern) }
        return files
    }
}
