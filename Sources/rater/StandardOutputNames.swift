import Foundation
import RaterCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which output paths are standard output under another name than `-`.
///
/// `-o - --aggregate-csv /dev/stdout` mixes the CSV into the JSON Lines as surely as `--aggregate-csv -` does, so
/// `OutputPlaces` must see both as one place. Two ways to name it:
///
/// - By the descriptor: `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1` (and `/proc/PID/fd/1` of this process) are
///   links that lead to descriptor 1, whatever it is open on. Followed link by link, not by `stat`: on a terminal or
///   a pipe standard error is very often the very same open file, and `--rejects /dev/stderr` beside results on
///   standard output is what a user watching the terminal asks for, not a conflict. A `stat` comparison there would
///   refuse it, and refuse `/dev/pts/N` and every other name of the terminal besides.
/// - By the file: when standard output is redirected to a regular file (`> out.jsonl`), any path to that file
///   (`--rejects out.jsonl`, or `/dev/stderr` under `2>&1`) writes over what standard output writes, so device and
///   inode decide. A regular file has no other reader to share it with.
enum StandardOutputNames {
    /// Whether `path` names this process's standard output.
    static func contains(_ path: String) -> Bool {
        DescriptorPath.descriptor(named: path) == 1 || isStandardOutputFile(path)
    }

    /// Whether standard output is a regular file and `path` is that file.
    private static func isStandardOutputFile(_ path: String) -> Bool {
        var standardOutput = stat(), named = stat()
        guard fstat(1, &standardOutput) == 0, (standardOutput.st_mode & S_IFMT) == S_IFREG,
              stat(path, &named) == 0
        else { return false }
        return named.st_dev == standardOutput.st_dev && named.st_ino == standardOutput.st_ino
    }
}
