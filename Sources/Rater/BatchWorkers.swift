import Foundation
import Synchronization

/// `count` threads of their own that work through batches of inputs, handed in and collected in order, with the
/// next batch queued while the current one is finished so that the threads never wait between batches.
///
/// Two findings shaped it, both measured on the 2-core VM the benchmarks run on:
/// - **Threads of their own, not libdispatch's.** On Linux, `DispatchQueue.concurrentPerform` adds a thread only
///   while fewer threads than cores are runnable, and the thread reading the input counts: a test program with a
///   busy main thread ran 67–77% of its two-way `concurrentPerform` calls on one thread.
/// - **No idle gap between batches.** With one batch at a time, both workers went idle at the end of every batch
///   until the reading thread handed them the next. A virtual CPU that goes idle gives its physical core back to
///   the host, and waits to get it back: `/proc/stat` counted a median 11–24% of the CPU time as stolen during such
///   runs, against about 4% for two separate single-core processes on the same input at the same time, which
///   reached 1.64× (Chinese) and 1.80× (English) one core where the single process reached 1.1–1.4×.
///
/// Each thread claims a few inputs at a time from the oldest batch that has any left, so the threads finish a batch
/// within a few inputs of each other and go straight on to the next.
///
/// Call `stop()` when done: the threads keep the object alive until then.
///
/// `@unchecked Sendable`: the queue and the counters beside it are only touched while holding `condition`; a
/// batch's slots are written by the one thread that claimed them, and read once the batch is complete.
final class BatchWorkers<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    typealias Work = @Sendable (_ worker: Int, _ input: Input) -> Output

    /// Inputs a thread claims at a time: enough to keep the shared counter off the hot path, few enough that the
    /// threads finish a batch within a few inputs of each other.
    let inputsPerClaim: Int
    private let work: Work
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var queue: [Batch] = []
    private var running = 0
    private var stopping = false

    init(count: Int, inputsPerClaim: Int = 8, work: @escaping Work) {
        precondition(count >= 1 && inputsPerClaim >= 1)
        self.inputsPerClaim = inputsPerClaim
        self.work = work
        for worker in 0..<count {
            let thread = Thread { [self] in loop(as: worker) }
            running += 1
            thread.start()
        }
    }

    /// Queues `inputs` behind the batches already started and returns at once.
    func start(_ inputs: [Input]) {
        let batch = Batch(inputs, claim: inputsPerClaim)
        condition.lock()
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Batches started and not yet collected.
    var pending: Int {
        condition.lock()
        defer { condition.unlock() }
        return queue.count
    }

    /// Waits for the oldest batch started and not yet collected, and returns its outputs in input order.
    func collect() -> [Output] {
        condition.lock()
        precondition(!queue.isEmpty, "no batch has been started")
        let batch = queue[0]
        while !batch.isComplete { condition.wait() }
        queue.removeFirst()
        condition.unlock()
        return batch.outputs()
    }

    /// Lets the threads finish every batch started, then ends them and waits until they have exited.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func loop(as worker: Int) {
        while true {
            condition.lock()
            var next = queue.first { !$0.isExhausted }
            while next == nil && !stopping {
                condition.wait()
                next = queue.first { !$0.isExhausted }
            }
            guard let batch = next else {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            condition.unlock()

            while let claimed = batch.claim() {
                for index in claimed { batch.slots[index] = work(worker, batch.inputs[index]) }
                if batch.finish(claimed.count) {
                    condition.lock()
                    condition.broadcast()
                    condition.unlock()
                }
            }
        }
    }

    /// One batch's inputs, the slots their outputs go to, and how far the threads have got.
    private final class Batch: @unchecked Sendable {
        let inputs: [Input]
        let slots: UnsafeMutableBufferPointer<Output?>
        private let claimSize: Int
        private let claimed = Atomic<Int>(0)
        private let finished = Atomic<Int>(0)
        /// Set once `outputs()` has moved the outputs out of the slots.
        private var handedOut = false

        init(_ inputs: [Input], claim: Int) {
            self.inputs = inputs
            claimSize = claim
            slots = .allocate(capacity: inputs.count)
            slots.initialize(repeating: nil)
        }

        // Deinitialize before freeing: the slots hold outputs (results: strings, arrays), and freeing without it
        // leaked every comment's result — peak memory grew with the input (274 MB for 20 MB).
        deinit {
            if !handedOut { slots.deinitialize() }
            slots.deallocate()
        }

        /// Every input has been claimed by some thread.
        var isExhausted: Bool { claimed.load(ordering: .relaxed) >= inputs.count }

        /// Every output has been written.
        var isComplete: Bool { finished.load(ordering: .acquiring) == inputs.count }

        /// The next few inputs for the calling thread, or nil when all are claimed.
        func claim() -> Range<Int>? {
            let start = claimed.add(claimSize, ordering: .relaxed).oldValue
            return start < inputs.count ? start..<min(start + claimSize, inputs.count) : nil
        }

        /// Records `count` outputs as written; true when that completes the batch.
        func finish(_ count: Int) -> Bool {
            finished.add(count, ordering: .releasing).newValue == inputs.count
        }

        /// Moves the outputs out of the slots, once the batch is complete. Moved rather than copied: a copy retained
        /// everything in each result and the slots then released it all, on the one thread that feeds the sinks.
        func outputs() -> [Output] {
            precondition(!handedOut, "a batch's outputs are handed out once")
            handedOut = true
            return (0..<slots.count).map { slots.moveElement(from: $0)! }
        }
    }
}
