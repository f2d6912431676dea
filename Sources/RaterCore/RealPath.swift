#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The absolute path of an existing file with every symbolic link resolved (`realpath(3)`), or nil when the path
/// does not exist or cannot be resolved: what "the same file" means for outputs, inputs and database sources.
public enum RealPath {
    public static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
