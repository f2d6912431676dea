import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A single self-overwriting progress line on standard error, shown only when standard error is a terminal, so a
/// person watching sees the run move and a cron log stays clean.
final class ProgressLine {
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private let totalBytes: Int

    init(enabled: Bool, totalBytes: Int) {
        self.enabled = enabled && isatty(STDERR_FILENO) == 1
        self.totalBytes = totalBytes
    }

    /// Redraws at most four times a second.
    func update(records: Int, bytes: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        let seconds = max(now.timeIntervalSince(started), 0.001)
        var line = "\(records) records, \(Self.megabytes(bytes))"
        if totalBytes > 0 {
            line += " of \(Self.megabytes(totalBytes)) (\(min(100, bytes * 100 / totalBytes))%)"
        }
        line += ", \(Int(Double(records) / seconds)) records/s"
        StandardStreams.writeError("\r\u{1B}[K" + line)
    }

    /// Clears the line before the summary is printed.
    func finish() {
        guard enabled, lastDraw != .distantPast else { return }
        StandardStreams.writeError("\r\u{1B}[K")
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
