import Foundation

/// Runs a transaction's writes (`WriteStatements`) on a thread of its own, in the order they were queued.
///
/// SQLite's own work on a `--db` run's rows (B-tree inserts into the comments table and its six indexes, the
/// dimension mentions and theirs) is most of what the thread feeding the sinks does, and that thread is the limit
/// of such a run: it also reads the input and writes the JSON lines, while the analysis workers wait for it. With
/// the writes on their own thread the two overlap. The connection is used by one thread at a time: the writer while
/// statements are queued or running, the transaction's own thread (GRDB's commit, rollback and reads) only after
/// `drain()` or `stop()`.
///
/// A failed statement fails the transaction: later statements are dropped, and the failure is thrown by the next
/// `execute`, by `drain()` or by `finish()`, so the transaction rolls back.
final class WriteQueue: @unchecked Sendable {
    private typealias Write = (sql: String, values: [SQLValue])

    /// Statements queued and not yet taken by the writer: enough to keep it busy between two batches of comments
    /// (some 4,000 comments' rows), few enough to bound memory.
    static let capacity = 16_384

    private let statements: WriteStatements
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queued: [Write] = []
    private var running = false
    private var stopping = false
    private var failure: (any Error)?
    private let stopped = DispatchSemaphore(value: 0)

    init(_ statements: WriteStatements) {
        self.statements = statements
        let thread = Thread { [self] in loop() }
        thread.name = "rater-sqlite-writer"
        thread.start()
    }

    /// Queues a statement; waits while the queue is full. Throws the failure of an earlier statement.
    func execute(_ sql: String, _ values: [SQLValue]) throws {
        condition.lock()
        defer { condition.unlock() }
        while queued.count >= Self.capacity && failure == nil { condition.wait() }
        if let failure { throw failure }
        queued.append((sql, values))
        condition.broadcast()
    }

    /// Waits until every queued statement has run; throws the first failure. The connection is then free for the
    /// calling thread until the next `execute`.
    func drain() throws {
        condition.lock()
        defer { condition.unlock() }
        while (!queued.isEmpty || running) && failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// Ends the writer thread once it is idle, dropping what is still queued (after a failure, or when the
    /// transaction is abandoned). Call it before the transaction ends either way.
    func stop() {
        condition.lock()
        stopping = true
        queued.removeAll()
        condition.broadcast()
        condition.unlock()
        stopped.wait()
    }

    private func loop() {
        condition.lock()
        while true {
            while queued.isEmpty && !stopping { condition.wait() }
            if stopping { break }
            var batch: [Write] = []
            swap(&batch, &queued)
            running = true
            condition.broadcast()  // room in the queue again
            condition.unlock()
            var batchFailure: (any Error)?
            for write in batch {
                do { try statements.execute(write.sql, write.values) } catch {
                    batchFailure = error
                    break
                }
            }
            condition.lock()
            running = false
            if let batchFailure, failure == nil {
                failure = batchFailure
                queued.removeAll()
            }
            condition.broadcast()
        }
        condition.unlock()
        stopped.signal()
    }
}
