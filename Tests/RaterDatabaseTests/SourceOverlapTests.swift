import Foundation
import RaterCore
import Testing

@testable import RaterDatabase

/// A dated export (`shop-2026-11-27.csv`) that repeats comments stored the night before under another file name is
/// another source, so `aggregates` counts those comments twice: the run now warns when most of the comments it
/// stored are already stored under another source, naming `--source-name`.
@Suite struct SourceOverlapTests {
    /// A run storing comments with export ids `ids` under `source`, each with a text made from its id (and `texts`).
    @discardableResult
    func run(_ scratch: Scratch, _ source: String, ids: [String], texts: String = "comment") throws -> RunRecorder {
        let recorder = try RunRecorder(options: scratch.options())
        try recorder.record { sink in
            for (index, id) in ids.enumerated() {
                try sink.write(comment(id, record: index + 1, source: source, text: "\(texts) \(id)"))
            }
            return .finished
        }
        return recorder
    }

    func overlap(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        #expect(try run(scratch, "shop-2026-11-26.csv", ids: ["a1", "a2", "a3", "a4"]).sourceWarnings.isEmpty)
        // The same source again replaces its rows: nothing is counted twice.
        #expect(try run(scratch, "shop-2026-11-26.csv", ids: ["a1", "a2", "a3", "a4"]).sourceWarnings.isEmpty)
        let next = try run(scratch, "shop-2026-11-27.csv", ids: ["a2", "a3", "a4", "a5"])
        #expect(next.sourceWarnings.count == 1, "\(next.sourceWarnings)")
        let warning = try #require(next.sourceWarnings.first)
        #expect(warning.contains("3 of the 4 comments stored under source shop-2026-11-27.csv (same id, same text)"),
                "\(warning)")
        #expect(warning.contains("already stored under source shop-2026-11-26.csv (3)"), "\(warning)")
        #expect(warning.contains("--source-name shop-2026-11-26.csv"), "\(warning)")
        // Another branch's export numbering its comments alike holds other comments; one repeated comment of four is
        // no sign of a repeated export either.
        #expect(try run(scratch, "branch-b.csv", ids: ["a1", "a2", "a3", "a4"], texts: "other").sourceWarnings.isEmpty)
        #expect(try run(scratch, "branch-c.csv", ids: ["a1", "c1", "c2", "c3"]).sourceWarnings.isEmpty)
    }

    @Test func sqliteOverlap() throws { try overlap(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresOverlap() throws {
        try overlap(.postgres)
    }
}
