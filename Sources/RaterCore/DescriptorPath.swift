import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths that name an open descriptor of this process rather than a file: `/dev/stdout`, `/dev/fd/1`,
/// `/proc/self/fd/1`, `/dev/stderr`.
///
/// Found by following the links one at a time, up to the entry in a descriptor folder, and no further: that entry is
/// itself a link to whatever the descriptor is open on (`pipe:[…]`, `/dev/pts/0`, a file), and two descriptors can be
/// open on one thing (`2>&1`) while a user means one of them.
public enum DescriptorPath {
    /// The descriptor that `path` leads to through links into a descriptor folder (`/dev/stdout` →
    /// `/proc/self/fd/1`), or nil for a path that leads elsewhere.
    public static func descriptor(named path: String) -> Int32? {
        let folders: Set<String> = ["/proc/self/fd", "/proc/\(getpid())/fd", "/dev/fd"]
        var current = path
        // A bound on the links followed, as the kernel has (a loop of links leads nowhere).
        for _ in 0..<40 {
            let url = URL(fileURLWithPath: current)
            let name = url.lastPathComponent
            guard let directory = RealPath.of(url.deletingLastPathComponent().path) else { return nil }
            if folders.contains(directory), let number = Int32(name), String(number) == name { return number }
            // A descriptor folder's entries are links too (to `pipe:[…]`, `/dev/pts/0`): read only up to here.
            guard let target = linkTarget(directory + "/" + name) else { return nil }
            current = target.hasPrefix("/") ? target : directory + "/" + target
        }
        return nil
    }

    /// What the symbolic link at `path` holds, or nil when it is no link.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
