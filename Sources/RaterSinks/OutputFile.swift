#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered output that is either standard output or a file written atomically.
///
/// A file is written to a temporary sibling and renamed over the target only by `commit()`, so a run that is
/// killed or fails leaves the previous output intact instead of half a file.
public final class OutputFile {
    public let path: String
    /// True for standard output, which a downstream reader (a shell pipe, Spark's `rdd.pipe`) consumes as it comes:
    /// the run flushes it after every batch instead of only when the buffer fills.
    public var isStream: Bool { temporaryPath == nil }
    private let file: UnsafeMutablePointer<FILE>
    private let temporaryPath: String?
    private var buffer = [UInt8]()
    private var committed = false
    /// A device or FIFO opened in place, closed by `commit`.
    private var ownsFile = false

    /// Opens `path` for writing, or standard output for `-`.
    ///
    /// Only regular files are replaced atomically. A path that is a device, a FIFO or a socket (`/dev/null`, a
    /// named pipe to another program) is written in place: renaming a temporary file over it would replace the
    /// device with a regular file.
    public init(path: String) throws {
        self.path = path
        var status = stat()
        if path == "-" {
            file = fdopen(1, "wb")
            temporaryPath = nil
        } else if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            guard let opened = fopen(path, "wb") else {
                throw OutputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            file = opened
            temporaryPath = nil
            ownsFile = true
        } else {
            // The pid and a random number: two runs writing the same output never share a temporary file.
            let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            guard let opened = fopen(temporary, "wb") else {
                throw OutputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            file = opened
            temporaryPath = temporary
        }
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if let temporaryPath, !committed {
            fclose(file)
            unlink(temporaryPath)
        } else if ownsFile && !committed {
            fclose(file)
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        let count = buffer.count
        let written = buffer.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        buffer.removeAll(keepingCapacity: true)
        if written < count || ferror(file) != 0 { throw failure(errno) }
        if fflush(file) != 0 { throw failure(errno) }
    }

    /// A reader that went away (EPIPE, which `rater` sees instead of dying of SIGPIPE) is named as such: it is the
    /// reader's doing, and everything written before it was already flushed to it.
    private func failure(_ code: Int32) -> OutputError {
        code == EPIPE ? .brokenPipe(path: path) : .writeFailed(path: path, reason: String(cString: strerror(code)))
    }

    /// Flushes and, for a file, moves it into place.
    public func commit() throws {
        try flush()
        if ownsFile && !committed {
            committed = true
            if fclose(file) != 0 { throw OutputError.writeFailed(path: path, reason: String(cString: strerror(errno))) }
        }
        guard let temporaryPath else { return }
        committed = true
        if fclose(file) != 0 { throw OutputError.writeFailed(path: path, reason: String(cString: strerror(errno))) }
        if rename(temporaryPath, path) != 0 {
            unlink(temporaryPath)
            throw OutputError.writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

public enum OutputError: Error, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    /// The reading end of a pipe was closed before all output was written.
    case brokenPipe(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): return "\(path): cannot open for writing (\(reason))"
        case let .writeFailed(path, reason): return "\(path): write failed (\(reason))"
        case let .brokenPipe(path):
            return "\(path == "-" ? "standard output" : path): broken pipe, the reader closed it before all results "
                + "were written (those written before were flushed)"
        }
    }
}
