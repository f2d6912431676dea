import Foundation
import RaterAggregate
import RaterCore
import Testing

@testable import RaterDatabase

/// A group value can be as long as any passthrough field (1 MiB). Its `group_key` is cut to 512 bytes with a digest
/// of the whole key, the same in both databases: PostgreSQL refused the whole key once it passed 2,704 bytes
/// (`index row size … exceeds btree version 4 maximum 2704 for index aggregates_pkey`) and failed the run.
@Suite struct LongGroupKeyTests {
    /// About 3,000 random characters, which PostgreSQL cannot compress below its index limit.
    static func randomValue() -> String {
        (0..<84).map { _ in UUID().uuidString }.joined()
    }

    @Test func shortKeysAreUnchangedAndLongOnesAreCutWithADigest() {
        let short = [Field("branch", "西湖店"), Field("channel", "app")]
        #expect(Rows.groupKey(short) == "branch=西湖店; channel=app")
        let exactly = [Field("b", String(repeating: "x", count: Rows.maximumGroupKeyBytes - 2))]
        #expect(Rows.groupKey(exactly) == "b=" + String(repeating: "x", count: Rows.maximumGroupKeyBytes - 2))

        let value = String(repeating: "店", count: 1_000)  // three bytes each: a cut must not split one
        let groups = [Field("branch", value + "1")]
        let key = Rows.groupKey(groups)
        #expect(key.utf8.count <= Rows.maximumGroupKeyBytes)
        #expect(key.utf8.count > Rows.maximumGroupKeyBytes - 3)
        #expect(key.hasPrefix("branch=店店店"))
        let full = "branch=" + value + "1"
        #expect(key.hasSuffix("…sha256:" + SHA256Digest.hex(of: full)))
        #expect(String(validating: Array(key.utf8), as: UTF8.self) == key)
        // Stable, and distinct for values that differ only past the cut.
        #expect(Rows.groupKey(groups) == key)
        #expect(Rows.groupKey([Field("branch", value + "2")]) != key)
        // Several columns: the whole key is what is digested.
        let two = Rows.groupKey([Field("branch", value), Field("channel", "app")])
        #expect(two != Rows.groupKey([Field("branch", value), Field("channel", "web")]))
        #expect(two.utf8.count <= Rows.maximumGroupKeyBytes)
    }

    func writeLongGroups(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        let long = [Self.randomValue(), Self.randomValue()]
        var options = AggregationOptions()
        options.groupBy = ["branch"]
        func run() throws -> RunManifest {
            try RunRecorder(options: scratch.options(aggregation: options)).record { sink in
                for (record, value) in long.enumerated() {
                    var result = comment("L\(record)", record: record + 1)
                    result.fields = [Field("branch", value)]
                    try sink.write(result)
                }
                return .finished
            }
        }
        #expect(try run().status == "complete")
        let query = "SELECT group_key, scope, groups FROM aggregates ORDER BY group_key, scope"
        let first = try scratch.open().read { try $0.query(query, []) }
        // Everyone and each branch, each overall, for the comments' two dimensions and for their one aspect.
        #expect(first.count == 12)
        for row in first {
            #expect((row[0].string?.utf8.count ?? .max) <= Rows.maximumGroupKeyBytes)
        }
        // The whole values are in `groups`.
        let groups = Set(first.compactMap { $0[2].string })
        for value in long { #expect(groups.contains(#"{"branch":"\#(value)"}"#)) }
        // A re-run replaces the same rows: the keys are stable.
        #expect(try run().status == "complete")
        #expect(try scratch.open().read { try $0.query(query, []) } == first)
    }

    @Test func sqliteStoresLongGroupValues() throws {
        try writeLongGroups(.sqlite)
    }

    @Test(.enabled(if: postgresAvailable, postgresSkipMessage))
    func postgresStoresLongGroupValues() throws {
        try writeLongGroups(.postgres)
    }
}
