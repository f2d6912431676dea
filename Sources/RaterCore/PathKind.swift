#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, as far as reading it twice or replacing it is concerned.
///
/// Only a regular file can be read again (for a digest, or an incremental checkpoint) and replaced by a rename. A
/// FIFO, a process substitution (`<(zcat export.gz)` is `/dev/fd/63`), a socket or a device is read once, in place,
/// and a second look at its bytes would take them from whoever reads it next. One definition keeps the manifest, the
/// incremental state and the output files agreeing on which paths are which.
public enum PathKind: Sendable, Equatable {
    /// Nothing that `stat` can see there (missing, or not reachable): left to the caller's open, which says why.
    case absent
    case regularFile
    /// A pipe, FIFO, socket, device or directory.
    case other

    public init(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            self = .absent
            return
        }
        self = (status.st_mode & S_IFMT) == S_IFREG ? .regularFile : .other
    }
}
