import Foundation
import Synchronization
import Testing

@testable import Rater

@Suite(.timeLimit(.minutes(1))) struct BatchWorkersTests {
    @Test func outputsComeBackInInputOrderBatchByBatch() {
        let workers = BatchWorkers<Int, Int>(count: 3, inputsPerClaim: 2) { _, input in input * input }
        defer { workers.stop() }
        let batches = [Array(0..<100), [], Array(100..<101), Array(101..<1_000)]
        for batch in batches { workers.start(batch) }
        #expect(workers.pending == 4)
        for batch in batches { #expect(workers.collect() == batch.map { $0 * $0 }) }
        #expect(workers.pending == 0)
    }

    /// With libdispatch, work meant for two threads often ran on one while another thread of the process was busy.
    /// Here each input waits until every thread is inside at once, so the test times out and fails if any thread
    /// runs after another instead of beside it.
    @Test func everyThreadWorksAtTheSameTime() {
        let inside = Atomic<Int>(0)
        let workers = BatchWorkers<Int, Bool>(count: 3, inputsPerClaim: 1) { _, _ in
            inside.add(1, ordering: .relaxed)
            let deadline = Date().addingTimeInterval(10)
            while inside.load(ordering: .relaxed) < 3, Date() < deadline { sched_yield() }
            return inside.load(ordering: .relaxed) >= 3
        }
        defer { workers.stop() }
        workers.start([1, 2, 3])
        var spin = 0
        for index in 0..<100_000 { spin &+= index }  // the owner keeps working meanwhile, as the reader does
        #expect(workers.collect() == [true, true, true], "spin \(spin)")
    }

    /// The threads go on to the next batch without waiting for the previous one to be collected: that wait left the
    /// CPUs idle at every batch's end.
    @Test func theNextBatchIsWorkedOnBeforeThePreviousIsCollected() {
        let secondDone = Atomic<Int>(0)
        let workers = BatchWorkers<Int, Int>(count: 2) { _, input in
            if input >= 1_000 { secondDone.add(1, ordering: .relaxed) }
            return input
        }
        defer { workers.stop() }
        workers.start(Array(0..<50))
        workers.start(Array(1_000..<1_050))
        let deadline = Date().addingTimeInterval(10)
        while secondDone.load(ordering: .relaxed) < 50, Date() < deadline { usleep(1_000) }
        #expect(secondDone.load(ordering: .relaxed) == 50)
        #expect(workers.collect() == Array(0..<50))
        #expect(workers.collect() == Array(1_000..<1_050))
    }

    @Test func stopFinishesEveryBatchStarted() {
        let workers = BatchWorkers<Int, Int>(count: 2) { _, input in
            usleep(100)
            return input + 1
        }
        workers.start(Array(0..<200))
        workers.start(Array(200..<400))
        workers.stop()
        #expect(workers.collect() == Array(1..<201))
        #expect(workers.collect() == Array(201..<401))
    }

    @Test func eachWorkerNumberIsOneThreadOfItsOwn() {
        let threadsByWorker = Mutex<[Int: Set<UInt>]>([:])
        let workers = BatchWorkers<Int, Int>(count: 2) { worker, input in
            threadsByWorker.withLock { _ = $0[worker, default: []].insert(UInt(pthread_self())) }
            usleep(20)  // long enough that one thread cannot finish everything before the other has started
            return input
        }
        defer { workers.stop() }
        for _ in 0..<5 { workers.start(Array(0..<500)) }
        for _ in 0..<5 { _ = workers.collect() }
        let map = threadsByWorker.withLock { $0 }
        #expect(map.keys.sorted() == [0, 1])
        #expect(map[0]?.count == 1 && map[1]?.count == 1)
        #expect(map[0] != map[1])
        #expect(map[0]?.contains(UInt(pthread_self())) == false)
    }
}
