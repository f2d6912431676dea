import Foundation

/// A task executor with threads of its own, for the in-process server the tests start.
///
/// The server's handlers are Swift tasks. On a 2-core machine the cooperative pool has two threads, and other
/// suites running at the same time block them for seconds (subprocesses, large files); a server on the pool then
/// stops answering and the browser test times out. Tasks that prefer this executor run on its threads instead.
final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    /// One per test process: its threads live as long as the process.
    static let shared = DedicatedExecutor(threads: 2)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "review-server-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
