#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The run was stopped by a signal (see `RunInterruption`). It fails as any failed run does; its exit status is
/// 128 + the signal's number (143 for `SIGTERM`, 130 for `SIGINT`), what a shell reports for a process the signal
/// ended, and `rater` then ends itself with the same signal so that its parent sees exactly that.
public struct RunInterrupted: Error, Sendable, Equatable, CustomStringConvertible {
    public let signal: Int32

    public init(signal: Int32) {
        self.signal = signal
    }

    public var exitCode: Int { 128 + Int(signal) }

    public var description: String { "interrupted by \(Self.name(of: signal))" }

    /// `SIGTERM`, `SIGINT`, `SIGHUP`; other signals by number.
    public static func name(of signal: Int32) -> String {
        switch signal {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case SIGHUP: "SIGHUP"
        default: "signal \(signal)"
        }
    }
}
