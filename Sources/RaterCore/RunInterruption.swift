#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A run asked to stop by a signal (`SIGTERM` from `timeout` or cron, `SIGINT` from Ctrl-C).
///
/// The signal is not acted on where it arrives: whoever receives it calls `interrupt(by:)`, and the thread that
/// reads the input stops at its next record (`check()`), so the run fails as any failed run does (the databases roll
/// back, a `failed` row and manifest say why), which nothing running inside a signal handler could do safely. A read
/// that waits for a pipe or FIFO whose producer has gone quiet also watches `wakeDescriptor`, which becomes readable
/// at the interruption: without it, such a run would not stop until the producer wrote again.
public final class RunInterruption: Sendable {
    /// The signal's number, 0 until one comes.
    private let received = Atomic<Int32>(0)
    /// When it came (`CLOCK_MONOTONIC`, in nanoseconds), for `isRepeat(of:within:)`; 0 until one comes.
    private let receivedAt = Atomic<UInt64>(0)
    /// The read end of a pipe that gets a byte at the interruption (-1 if no pipe could be made: then only
    /// `check()` stops the run).
    public let wakeDescriptor: Int32
    private let wakeWriter: Int32

    public init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            // Never blocks the caller, who may be a signal's handler: one byte is all a pipe ever holds here.
            _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
            wakeDescriptor = ends[0]
            wakeWriter = ends[1]
        } else {
            wakeDescriptor = -1
            wakeWriter = -1
        }
    }

    deinit {
        if wakeDescriptor >= 0 { close(wakeDescriptor) }
        if wakeWriter >= 0 { close(wakeWriter) }
    }

    /// Records `signal` and wakes a waiting read. Returns false if the run was interrupted already: a second
    /// signal, which the caller answers by ending the process at once.
    @discardableResult
    public func interrupt(by signal: Int32) -> Bool {
        guard received.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent).exchanged
        else { return false }
        receivedAt.store(Self.monotonicNanoseconds(), ordering: .sequentiallyConsistent)
        if wakeWriter >= 0 {
            var byte: UInt8 = 1
            _ = write(wakeWriter, &byte, 1)
        }
        return true
    }

    /// Whether `signal` is the one that interrupted the run, come again within `window` seconds of it: the same request
    /// delivered twice, not a second request. `timeout` sends its signal to the child and then to its own process
    /// group, which holds the child too, so a run under `timeout` gets `SIGTERM` twice within microseconds; about one
    /// time in three the two arrive as two deliveries, and the second, taken for an impatient second signal, ended the
    /// process at once: no log line, no `runs` row, the manifest left `running`. A person who means a second signal
    /// sends it later than that.
    public func isRepeat(of signal: Int32, within window: Double) -> Bool {
        guard self.signal == signal else { return false }
        let at = receivedAt.load(ordering: .sequentiallyConsistent)
        guard at > 0 else { return true }  // still being recorded by `interrupt(by:)`: this very moment
        let elapsed = Self.monotonicNanoseconds() &- at
        return Double(elapsed) < window * 1e9
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// The signal that interrupted the run, nil while none has.
    public var signal: Int32? {
        let value = received.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// Throws `RunInterrupted` once the run has been interrupted.
    public func check() throws {
        if let signal { throw RunInterrupted(signal: signal) }
    }
}
