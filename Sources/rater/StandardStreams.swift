#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's standard descriptors, as `rater` writes its diagnostics to them.
///
/// Every message for standard error goes through `writeError` (the log goes through swift-log's `fwrite`, which
/// ignores failures too). Foundation's `FileHandle.standardError.write` traps when the write fails: standard error
/// closed by a cron wrapper (`2>&-`, `EBADF`), or a pipe whose reader has gone (`2>&1 | head`, a dead log
/// collector: `EPIPE`, as `SIGPIPE` is ignored) turned a finished run into `Illegal instruction` (exit 132) at the
/// summary, after the databases had committed and the outputs had been moved into place, while its manifest and
/// `runs` row said 0 or 3. A diagnostic that cannot be written has nowhere to be reported, and the run's outcome is
/// settled by then: the failure is dropped, and the process exits with the status it recorded.
///
/// Results written to standard output are another matter: they are the run's product, and a failure to write them
/// fails the run (`OutputFile`: `standard output: broken pipe …`, exit 1).
enum StandardStreams {
    /// Writes `text` to standard error; a write that fails is dropped (see above).
    static func writeError(_ text: String) {
        writeWhole(text, to: STDERR_FILENO)
    }

    /// Writes `text` to `descriptor` whole, going on after a short write or a signal; returns whether it did. Never
    /// traps: a closed descriptor, a pipe without a reader, a full disk only make it return false.
    @discardableResult
    static func writeWhole(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }

    /// Opens `/dev/null` on each of descriptors 0, 1 and 2 that is closed (`2>&-`, `>&-`, `<&-`), the way it cannot
    /// be used (standard input write-only, standard output and error read-only), so that reading or writing it
    /// fails as it would have on the closed descriptor, while no file the run opens later gets its number: a
    /// results file or a manifest opened as descriptor 2 would have had the summary written into it.
    static func occupyClosed() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            guard errno == EBADF else { continue }
            let opened = open("/dev/null", (descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY))
            // Descriptors are given lowest first, so `opened` is `descriptor` unless a lower one was closed too,
            // which the loop has already filled.
            if opened >= 0 && opened != descriptor {
                _ = dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
