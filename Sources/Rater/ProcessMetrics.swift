import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about this process that a run reports beside its counts.
public enum ProcessMetrics {
    /// The most resident memory this program has used so far, in bytes.
    ///
    /// On Linux this is `VmHWM` from /proc/self/status, which starts afresh at `exec`. `getrusage`'s `ru_maxrss`
    /// does not: it carries over the peak of the process that forked us, so a `rater` started by a large parent (a
    /// test runner, a Spark executor) would report the parent's memory as its own.
    public static var peakResidentBytes: Int {
        #if os(Linux)
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
            return kilobytes * 1_024
        }
        #endif
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        #if os(Linux)
        return Int(usage.ru_maxrss) * 1_024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }
}
