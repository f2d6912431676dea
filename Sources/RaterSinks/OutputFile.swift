#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RaterCore

/// A buffered output that is either standard output or a file written atomically.
///
/// A file is written to a temporary file in the target's directory and renamed over the target only by `commit()`,
/// so a run that is killed or fails leaves the previous output intact instead of half a file.
///
/// On Linux the temporary file has no name while it is written (`O_TMPFILE`): a run killed by any signal, `SIGKILL`
/// included, leaves nothing behind, as the kernel frees an unnamed file with its last descriptor. `commit()` gives it
/// a name only then (`linkat` through `/proc/self/fd`, to `NAME.tmp-PID-RANDOM`) and renames that over the target.
/// Where the file system or the platform has no `O_TMPFILE` (macOS, NFS), or `/proc` is not mounted, the temporary
/// file is named `NAME.tmp-PID-RANDOM` from the start, as before; a run that dies there leaves it behind.
///
/// `commit()` makes the data durable before the rename (`fsync`) and the rename durable after it (`fsync` of the
/// directory), so a machine that crashes after a run finished finds the new file whole or the old one, never an empty
/// or partial file under the target's name.
public final class OutputFile {
    public let path: String
    /// True for standard output, which a downstream reader (a shell pipe, Spark's `rdd.pipe`) consumes as it comes:
    /// the run flushes it after every batch instead of only when the buffer fills.
    public var isStream: Bool {
        switch kind {
        case .standardOutput, .inPlace: true
        case .unnamed, .named: false
        }
    }
    private let file: UnsafeMutablePointer<FILE>
    private let kind: Kind
    private var buffer = [UInt8]()
    private var committed = false
    private var closed = false
    /// Whether `reserve` set space aside, which `commit` gives back beyond what was written.
    private var reserved = false

    private enum Kind {
        case standardOutput
        /// A device or FIFO opened in place, closed by `commit`.
        case inPlace
        /// An `O_TMPFILE` file in `directory`, named at commit.
        case unnamed(directory: String)
        /// A temporary file named from the start.
        case named(temporary: String, directory: String)
    }

    /// Opens `path` for writing, or standard output for `-`.
    ///
    /// Only regular files are replaced atomically. A path that is a device, a FIFO or a socket (`/dev/null`, a
    /// named pipe to another program) is written in place: renaming a temporary file over it would replace the
    /// device with a regular file. A name of an open descriptor (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`) is
    /// written through a copy of that descriptor, whatever it is open on: with standard output redirected to a file,
    /// the temporary file was renamed over the link `/dev/stdout` itself (or could not be made in `/proc/self/fd`),
    /// and opening the name again would truncate a file the shell opened for appending (`>>`).
    public convenience init(path: String) throws {
        try self.init(path: path, unnamedTemporary: true)
    }

    /// `unnamedTemporary: false` uses a named temporary file even where `O_TMPFILE` works (what tests of the
    /// fallback use).
    init(path: String, unnamedTemporary: Bool) throws {
        self.path = path
        if path == "-" {
            // Fails where descriptor 1 cannot be written (closed, or what `rater` opens in a closed one's place):
            // a failure to write the results, not a trap.
            guard let opened = fdopen(1, "wb") else {
                throw OutputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            file = opened
            kind = .standardOutput
        } else if let descriptor = DescriptorPath.descriptor(named: path) {
            // "w" on a descriptor truncates nothing: it writes on where the descriptor stands.
            let copy = dup(descriptor)
            guard copy >= 0, let opened = fdopen(copy, "wb") else {
                let reason = String(cString: strerror(errno))
                if copy >= 0 { close(copy) }
                throw OutputError.cannotOpen(path: path, reason: reason)
            }
            file = opened
            kind = .inPlace
        } else if PathKind(path: path) == .other {
            guard let opened = fopen(path, "wb") else {
                throw OutputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            file = opened
            kind = .inPlace
        } else {
            let directory = Self.directory(of: path)
            if unnamedTemporary, let opened = Self.openUnnamed(in: directory) {
                file = opened
                kind = .unnamed(directory: directory)
            } else {
                let temporary = Self.temporaryName(for: path)
                guard let opened = fopen(temporary, "wb") else {
                    throw OutputError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
                }
                file = opened
                kind = .named(temporary: temporary, directory: directory)
            }
        }
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        guard !committed else { return }
        switch kind {
        case .standardOutput:
            break
        case .inPlace, .unnamed:
            closeFile()  // an unnamed file goes with its descriptor
        case let .named(temporary, _):
            closeFile()
            unlink(temporary)
        }
    }

    /// Whether the temporary file has no name (`O_TMPFILE`): nothing is left behind if the process dies.
    var hasUnnamedTemporary: Bool {
        if case .unnamed = kind { return true }
        return false
    }

    /// The pid and a random number: two runs writing the same output never share a temporary file.
    private static func temporaryName(for path: String) -> String {
        path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The directory part of `path`: `.` for a bare name.
    static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// An unnamed file in `directory`, or nil where `O_TMPFILE` is not supported (then `errno` says why) or the
    /// file could not be named later (no `/proc/self/fd`).
    private static func openUnnamed(in directory: String) -> UnsafeMutablePointer<FILE>? {
        #if os(Linux)
        // `O_TMPFILE` is `__O_TMPFILE | O_DIRECTORY`; Glibc's module does not export it (it needs _GNU_SOURCE).
        // `__O_TMPFILE` is 020000000 on every architecture Swift runs on; where it were not, `open` would fail
        // (a directory opened for writing) and the named temporary file would be used.
        let tmpfile: Int32 = 0o20000000 | O_DIRECTORY
        let descriptor = open(directory, tmpfile | O_WRONLY | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return nil }
        guard access("/proc/self/fd/\(descriptor)", F_OK) == 0, let opened = fdopen(descriptor, "wb") else {
            close(descriptor)
            return nil
        }
        return opened
        #else
        return nil
        #endif
    }

    /// Sets `bytes` aside on disk for this file before anything is written to it (`posix_fallocate`), so that what is
    /// written later still fits if the disk fills up meanwhile (a run's manifest, written when the run ends, which may
    /// be because its results filled the disk); `commit` cuts the file to what was written. Only for a file written
    /// to a temporary file, and only where the file system can set space aside: returns whether it did.
    @discardableResult
    public func reserve(_ bytes: Int) -> Bool {
        #if os(Linux)
        guard !isStream, !committed, !reserved, bytes > 0, buffer.isEmpty, ftello(file) == 0 else { return false }
        guard posix_fallocate(fileno(file), 0, off_t(bytes)) == 0 else {
            // Where the file system cannot, glibc writes a byte per block instead, and may stop part-way.
            _ = ftruncate(fileno(file), 0)
            return false
        }
        reserved = true
        return true
        #else
        return false
        #endif
    }

    /// The bytes the file takes on disk (what tests of `reserve` look at).
    var allocatedBytes: Int {
        var status = stat()
        guard fstat(fileno(file), &status) == 0 else { return 0 }
        return Int(status.st_blocks) * 512
    }

    /// Cuts a file that had space set aside to what was written (and flushed); closes the file on failure.
    private func releaseReservation() throws {
        guard reserved else { return }
        reserved = false
        let length = ftello(file)
        if length < 0 || ftruncate(fileno(file), length) != 0 {
            let code = errno
            closeFile()
            throw failed(code)
        }
    }

    /// Closes the file once; the result of `fclose`.
    @discardableResult
    private func closeFile() -> Int32 {
        guard !closed else { return 0 }
        closed = true
        return fclose(file)
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

    private func failed(_ code: Int32 = errno) -> OutputError {
        .writeFailed(path: path, reason: String(cString: strerror(code)))
    }

    /// Flushes and, for a file, moves it into place.
    public func commit() throws {
        try flush()
        guard !committed else { return }
        switch kind {
        case .standardOutput:
            return
        case .inPlace:
            committed = true
            if closeFile() != 0 { throw failed() }
        case let .unnamed(directory):
            committed = true
            try releaseReservation()
            try syncData()
            // A name for the unnamed file, in the target's directory, then the same rename as a named one. `linkat`
            // refuses an existing name, hence the new random name if one is taken.
            var temporary = Self.temporaryName(for: path)
            while linkat(AT_FDCWD, "/proc/self/fd/\(fileno(file))", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) != 0 {
                let code = errno
                guard code == EEXIST else { closeFile(); throw failed(code) }
                temporary = Self.temporaryName(for: path)
            }
            try moveIntoPlace(temporary, directory: directory)
        case let .named(temporary, directory):
            committed = true
            do {
                try releaseReservation()
                try syncData()
            } catch {
                unlink(temporary)
                throw error
            }
            try moveIntoPlace(temporary, directory: directory)
        }
    }

    /// `fsync` of the data, which a file system that cannot (`EINVAL`) is excused from; closes the file on failure.
    private func syncData() throws {
        if fsync(fileno(file)) != 0, errno != EINVAL {
            let code = errno
            closeFile()
            throw failed(code)
        }
    }

    /// Closes the file, renames `temporary` over the target and makes the rename durable.
    private func moveIntoPlace(_ temporary: String, directory: String) throws {
        if closeFile() != 0 {
            let code = errno
            unlink(temporary)
            throw failed(code)
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw failed(code)
        }
        // The rename is done; a directory that cannot be synced (some file systems refuse) leaves it as durable
        // as the file system makes renames, which is what it was before.
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            _ = fsync(descriptor)
            _ = close(descriptor)
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
