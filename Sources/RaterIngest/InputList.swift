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
///
/// A file named twice (`w.jsonl w.jsonl`, overlapping patterns such as `'res/*.jsonl' res/today.jsonl`, a symbolic
/// or hard link beside its target) is read once, where it first appears: read twice, every one of its comments was
/// counted twice in the aggregates and analysed twice. Files are the same when `stat` gives the same device and
/// inode; standard input (`-`) is read once too.
public enum InputList {
    /// `onRepeat(input, first)` is called for each input left out because it names the same file as `first`, an
    /// earlier one, so the caller can say so in its log.
    public static func expand(_ inputs: [String], onRepeat: (_ input: String, _ first: String) -> Void = { _, _ in })
        throws -> [String]
    {
        guard !inputs.isEmpty else { return ["-"] }
        var files = [String]()
        var seen = [FileIdentity: String]()
        func add(_ file: String) {
            let identity = FileIdentity(path: file)
            if let first = seen[identity] {
                onRepeat(file, first)
            } else {
                seen[identity] = file
                files.append(file)
            }
        }
        for input in inputs {
            if input == "-" {
                add(input)
                continue
            }
            var status = stat()
            if stat(input, &status) == 0 {
                if (status.st_mode & S_IFMT) == S_IFDIR { throw IngestError.isDirectory(path: input) }
                add(input)
            } else if input.contains(where: { "*?[".contains($0) }) {
                for file in try matches(of: input) { add(file) }
            } else {
                throw IngestError.cannotOpen(path: input, reason: String(cString: strerror(errno)))
            }
        }
        return files
    }

    /// What a log says of an input left out as a repeat.
    public static func repeatNote(input: String, first: String) -> String {
        (first == input ? "\(input) is given twice" : "\(input) is given twice (first as \(first))")
            + "; it is read once"
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
