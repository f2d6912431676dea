import Foundation
import Rater
import RaterCore
import RaterDatabase
@testable import RaterReview

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let lexiconFolder = repositoryRoot.appendingPathComponent("Lexicons").path

let reviewEngine: Engine = {
    do { return try Engine.standard(lexiconDirectory: lexiconFolder) } catch { fatalError("\(error)") }
}()

/// A fresh SQLite results database holding `records` as `rater analyze --db` writes them, deleted with its journal
/// files when the test lets go of the fixture.
final class ReviewFixture: Sendable {
    let path: String
    let store: ReviewStore

    convenience init(_ records: [SourceRecord], dateColumn: String? = nil) throws {
        let analyzer = try Analyzer(engine: reviewEngine)
        try self.init(results: records.map { try analyzer.analyze($0) }, dateColumn: dateColumn)
    }

    /// Results written as they are (no analysis), for large or hand-made databases.
    init(results: [CommentResult], dateColumn: String? = nil) throws {
        path = NSTemporaryDirectory() + "rater-review-\(UUID().uuidString).sqlite"
        let recorder = try RunRecorder(options: .init(sqlitePath: path, inputs: []))
        _ = try recorder.record { sink in
            for result in results { try sink.write(result) }
            return .finished
        }
        store = try ReviewStore(connection: SQLiteConnection(path: path), dateColumn: dateColumn)
    }

    /// Mixed Chinese and English comments from two branches over three days, written for these tests.
    static func sample() throws -> ReviewFixture {
        let rows: [(String, String, String, String)] = [
            ("r1", "西湖店", "2026-11-01", "环境不错，但是服务员态度很差"),
            ("r2", "西湖店", "2026-11-02", "房间干净整洁，床也很舒服，下次还会再来"),
            ("r3", "滨江店", "2026-11-02", "The room was spotless and the staff were lovely."),
            ("r4", "滨江店", "2026-11-03", "We waited an hour for a table and nobody apologised. Never again."),
            ("r5", "西湖店", "2026-11-03", "上菜太慢了，等了四十分钟"),
            ("r6", "滨江店", "2026/11/03", "Checked in at noon."),
        ]
        return try ReviewFixture(rows.enumerated().map { index, row in
            SourceRecord(source: "branches.csv", recordNumber: index + 1, line: index + 2, id: row.0, text: row.3,
                         fields: [Field("branch", row.1), Field("date", row.2)])
        })
    }

    deinit {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
