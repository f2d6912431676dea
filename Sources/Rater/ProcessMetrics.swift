#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about this process that a run reports beside its counts.
public enum ProcessMetrics {
    /// The most resident memory the process has used so far, in bytes (Linux reports kilobytes, macOS bytes).
    public static var peakResidentBytes: Int {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        #if os(Linux)
        return Int(usage.ru_maxrss) * 1_024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }
}
