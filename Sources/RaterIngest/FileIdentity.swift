#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names, whatever its spelling (`./a.csv`, a symbolic link, a hard link, a pattern's match): two
/// paths name the same file when `stat` gives the same device and inode. Standard input is itself; a path `stat`
/// cannot see is only its own spelling.
enum FileIdentity: Hashable {
    case standardInput
    case file(device: UInt64, inode: UInt64)
    case unresolved(String)

    init(path: String) {
        if path == "-" {
            self = .standardInput
            return
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            self = .unresolved(path)
            return
        }
        self = .file(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}
