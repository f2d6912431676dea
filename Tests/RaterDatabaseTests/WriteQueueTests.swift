import Foundation
import Testing

@testable import RaterDatabase

/// A SQLite transaction's writes run on a writer thread of their own (`WriteQueue`): in the order they were
/// queued, seen by reads in the same transaction, and failing the transaction when one fails.
@Suite struct WriteQueueTests {
    private func upsert(_ record: Int, message: String, reason: SQLValue = .text("empty_text")) -> [SQLValue] {
        [.text("queue.csv"), .integer(record), .null, .null, reason, .text(message), .text("raw"), .text("run")]
    }

    @Test func writesRunInTheOrderQueuedPastAFullQueue() throws {
        let scratch = try Scratch(.sqlite)
        let database = try scratch.open()
        try database.createSchema()
        let statement = Schema.rejects.upsertStatement(database.dialect)
        let count = WriteQueue.capacity * 2 + 100
        try database.transaction { executor in
            // Every write replaces the same two rows, so only the order decides what is left.
            for index in 0..<count { try executor.execute(statement, upsert(index % 2, message: "\(index)")) }
        }
        let rows = try database.read {
            try $0.query("SELECT record, message FROM rejects WHERE source = 'queue.csv' ORDER BY record", [])
        }
        #expect(rows == [[.integer(0), .text("\(count - 2)")], [.integer(1), .text("\(count - 1)")]])
    }

    @Test func aReadInTheTransactionSeesTheWritesQueuedBeforeIt() throws {
        let scratch = try Scratch(.sqlite)
        let database = try scratch.open()
        try database.createSchema()
        let statement = Schema.rejects.upsertStatement(database.dialect)
        let seen = try database.transaction { executor in
            for record in 1...5_000 { try executor.execute(statement, upsert(record, message: "m")) }
            return try executor.query("SELECT count(*) FROM rejects WHERE source = 'queue.csv'", [])
        }
        #expect(seen == [[.integer(5_000)]])
    }

    @Test func aFailedWriteFailsTheTransactionAndDropsTheWritesAfterIt() throws {
        let scratch = try Scratch(.sqlite)
        let database = try scratch.open()
        try database.createSchema()
        let statement = Schema.rejects.upsertStatement(database.dialect)
        var queuedAfterFailure = 0
        let error = #expect(throws: DatabaseError.self) {
            try database.transaction { executor in
                try executor.execute(statement, upsert(1, message: "before"))
                try executor.execute(statement, upsert(2, message: "bad", reason: .null))  // `reason` is NOT NULL
                // The writer finds the failure on its own thread; a later write (or the end) reports it.
                for record in 3...200_000 {
                    try executor.execute(statement, upsert(record, message: "after"))
                    queuedAfterFailure += 1
                }
            }
        }
        #expect("\(error.map { "\($0)" } ?? "")".contains("NOT NULL"))
        #expect(queuedAfterFailure < 199_998, "the failure reached the writing thread before the end")
        #expect(try database.count(Schema.rejects) == 0)
        // The connection takes the next transaction.
        try database.transaction { try $0.execute(statement, upsert(1, message: "again")) }
        #expect(try database.count(Schema.rejects) == 1)
    }

    @Test func aTransactionThatThrowsLeavesNothingAndStopsItsWriter() throws {
        struct Abandoned: Error {}
        let scratch = try Scratch(.sqlite)
        let database = try scratch.open()
        try database.createSchema()
        let statement = Schema.rejects.upsertStatement(database.dialect)
        #expect(throws: Abandoned.self) {
            try database.transaction { executor in
                for record in 1...50_000 { try executor.execute(statement, upsert(record, message: "m")) }
                throw Abandoned()
            }
        }
        #expect(try database.count(Schema.rejects) == 0)
    }
}
