import Foundation

/// `count` threads of their own that run one job at a time, every thread on every job, until stopped.
///
/// Not libdispatch: on Linux, `DispatchQueue.concurrentPerform` only adds a thread while fewer threads than cores
/// are runnable, and a thread reading the input counts. A test program with a busy main thread ran 67–77% of its
/// two-way `concurrentPerform` calls on one thread; `rater analyze` with two jobs sometimes ran at the speed of one
/// core with nothing to show for it but the time (11.9 s of CPU in 12.0 s of wall time, where another try took 7.8 s).
/// Here each job's body runs on all `count` threads at once, whatever else the process is doing.
///
/// `@unchecked Sendable`: every stored property is only touched while holding `condition`.
final class WorkerThreads: @unchecked Sendable {
    let count: Int
    private let condition = NSCondition()
    private var job: (@Sendable (Int) -> Void)?
    private var generation = 0
    private var busy = 0
    private var running = 0
    private var stopping = false

    init(count: Int, name: String) {
        self.count = count
        for worker in 0..<count {
            let thread = Thread { [self] in loop(as: worker) }
            thread.name = "\(name)-\(worker)"
            running += 1
            thread.start()
        }
    }

    /// Runs `body(worker)` on every thread, `worker` being 0..<count, and returns at once. The previous job must
    /// have been waited for.
    func start(_ body: @escaping @Sendable (_ worker: Int) -> Void) {
        condition.lock()
        precondition(job == nil, "the previous job has not been waited for")
        job = body
        generation += 1
        busy = count
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every thread has finished the job given to `start` (at once when there is none).
    func wait() {
        condition.lock()
        while busy > 0 { condition.wait() }
        job = nil
        condition.unlock()
    }

    /// Lets the threads finish the job in hand, then ends them and waits until they have exited.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func loop(as worker: Int) {
        var seen = 0
        while true {
            condition.lock()
            while generation == seen && !stopping { condition.wait() }
            // A job started before `stop` is still done: its caller may be about to wait for it.
            guard generation != seen, let body = job else {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            seen = generation
            condition.unlock()

            body(worker)

            condition.lock()
            busy -= 1
            if busy == 0 { condition.broadcast() }
            condition.unlock()
        }
    }
}
