import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RaterCore

/// `SIGTERM` and `SIGINT` during one `rater analyze` run, as `timeout`, cron, a scheduler or Ctrl-C send them.
///
/// The first interrupts the run (`interruption`): it stops at its next record, or at once if it is waiting for a
/// pipe, and fails as any failed run does, with a `failed` manifest and `runs` row saying `interrupted by SIGTERM`;
/// the caller then ends the process with the same signal (`end(by:)`). A second signal, while the run shuts down,
/// ends the process at once, as the signal's default action would have (what the databases and output files
/// promise for a killed run then holds); the first signal come again within `repeatWindow` is no second signal
/// (`timeout` sends it twice: `RunInterruption.isRepeat(of:within:)`).
///
/// The signals are taken from their default action and read through dispatch sources on a queue of their own, so
/// nothing runs inside a signal handler. A signal that the parent ignores (`nohup`, `SIGINT` for a shell's
/// background job) is left ignored.
final class RunSignals {
    let interruption = RunInterruption()
    private let queue = DispatchQueue(label: "rater.run-signals")
    private var sources: [any DispatchSourceSignal] = []

    init(_ signals: [Int32] = [SIGTERM, SIGINT]) {
        for number in signals {
            let previous = signal(number, SIG_IGN)
            if Self.isIgnore(previous) { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [interruption] in
                if interruption.interrupt(by: number) {
                    Self.acknowledge(number)
                } else if !interruption.isRepeat(of: number, within: Self.repeatWindow) {
                    Self.end(by: number)
                }
            }
            source.resume()
            sources.append(source)
            taken.append(number)
        }
    }

    /// Says at once that the signal came and what happens now: a run in its last step (the SQLite merge of a large
    /// export, the commit) finishes that first, which took 34 s with nothing said, longer than a scheduler's grace
    /// period before it sends `SIGKILL` (a user-side review). One `write(2)`: nothing else may be writing the line.
    static func acknowledge(_ number: Int32) {
        let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "signal \(number)"
        let line = "rater: \(name) received: stopping; a database write under way is finished or rolled back first "
            + "(a second \(name) ends the process at once)\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
    }

    /// How soon after the first signal the same one again is taken for its repeat rather than a second request, in
    /// seconds: `timeout`'s two come microseconds apart, a person's second Ctrl-C a good deal later.
    static let repeatWindow = 0.5

    /// The signals taken from their default action, given back when the run is over.
    private var taken: [Int32] = []

    deinit {
        for source in sources { source.cancel() }
        for number in taken { signal(number, SIG_DFL) }
    }

    private static func isIgnore(_ handler: __sighandler_t?) -> Bool {
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Ends the process by `number`'s default action, so that its parent sees it ended by the signal (a shell's
    /// `$?` is 128 + the number; a shell loop interrupted by Ctrl-C stops instead of going on with the next
    /// command, which it does when the child exits normally). Exits with that status where the signal cannot end it.
    static func end(by number: Int32) -> Never {
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        _exit(128 + number)
    }
}
