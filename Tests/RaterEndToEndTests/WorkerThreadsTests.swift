import Foundation
import Synchronization
import Testing

@testable import Rater

@Suite(.timeLimit(.minutes(1))) struct WorkerThreadsTests {
    /// The defect this type exists for: with libdispatch, a job meant for two workers often ran on one thread while
    /// another thread of the process was busy. Here each job waits inside until all its workers are in at once, so
    /// it would time out (and fail) if any worker were run after another instead of beside it.
    @Test func everyWorkerRunsEveryJobAtTheSameTime() {
        let threads = WorkerThreads(count: 3, name: "test-worker")
        defer { threads.stop() }
        for _ in 0..<20 {
            let inside = Atomic<Int>(0)
            let together = Atomic<Int>(0)
            threads.start { _ in
                inside.add(1, ordering: .relaxed)
                let deadline = Date().addingTimeInterval(10)
                while inside.load(ordering: .relaxed) < 3, Date() < deadline { sched_yield() }
                if inside.load(ordering: .relaxed) == 3 { together.add(1, ordering: .relaxed) }
            }
            // The owner keeps working meanwhile, as the reading thread does.
            var spin = 0
            for index in 0..<100_000 { spin &+= index }
            threads.wait()
            #expect(together.load(ordering: .relaxed) == 3, "spin \(spin)")
        }
    }

    @Test func eachJobSeesEveryWorkerNumberOnce() {
        let threads = WorkerThreads(count: 4, name: "test-worker")
        defer { threads.stop() }
        for _ in 0..<5 {
            let seen = Mutex<[Int]>([])
            threads.start { worker in seen.withLock { $0.append(worker) } }
            threads.wait()
            #expect(seen.withLock { $0.sorted() } == [0, 1, 2, 3])
        }
    }

    @Test func stopFinishesTheJobInHandFirst() {
        let threads = WorkerThreads(count: 2, name: "test-worker")
        let finished = Atomic<Int>(0)
        threads.start { _ in
            Thread.sleep(forTimeInterval: 0.05)
            finished.add(1, ordering: .relaxed)
        }
        threads.stop()
        #expect(finished.load(ordering: .relaxed) == 2)
    }

    @Test func waitingWithNoJobReturnsAtOnce() {
        let threads = WorkerThreads(count: 1, name: "test-worker")
        threads.wait()
        threads.stop()
    }
}
