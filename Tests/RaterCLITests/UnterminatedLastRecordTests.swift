import Foundation
import Testing

/// An incremental run over an export whose last record has no line break yet (a writer in the middle of it) used to
/// checkpoint past it: the rest of that record, written later, was read as a record of its own or lost, in no count.
@Suite struct UnterminatedLastRecordTests {
    let directory = NSTemporaryDirectory() + "rater-unterminated-\(UUID().uuidString)"

    func ids(_ output: String) -> [String] {
        output.split(separator: "\n").compactMap { line in
            guard let start = line.range(of: "\"id\":\"")?.upperBound else { return nil }
            return String(line[start...].prefix { $0 != "\"" })
        }
    }

    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func theCheckpointStaysBeforeALastRecordWithoutALineBreak() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + "/inc.csv"
        let state = directory + "/st.json"
        let db = directory + "/inc.sqlite"
        try "id,branch,comment\n1,A,Great room\n2,B,服务很好\n3,C,Terrible wifi".write(toFile: export, atomically: true,
                                                                                   encoding: .utf8)
        let arguments = ["analyze", export, "--incremental", state, "--db", db, "--no-explanation", "--include-text"]
        let first = try CLIProcess.run(arguments)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(ids(first.standardOutput) == ["1", "2", "3"])
        #expect(first.standardError.contains("inc.csv: the last record (line 4) has no line break after it"),
                "\(first.standardError)")
        try append(" and rude staff\n4,D,安静舒适\n", to: export)
        let second = try CLIProcess.run(arguments)
        #expect(second.status == 0, "\(second.standardError)")
        // Record 3 again, whole this time (its row in the database is replaced by its id), and record 4.
        #expect(ids(second.standardOutput) == ["3", "4"])
        #expect(second.standardOutput.contains("Terrible wifi and rude staff"))
        #expect(second.standardError.contains("read 2, analysed 2, rejected 0"), "\(second.standardError)")
        #expect(!second.standardError.contains("no line break"))
        // Nothing new: nothing read.
        let third = try CLIProcess.run(arguments)
        #expect(ids(third.standardOutput).isEmpty)
    }

    /// Plain text and JSON Lines too. A file that has not grown since is not read again (every night's results and
    /// partials counted its held-back record once more); one whose last line was finished is.
    @Test(arguments: [("t.txt", "good service\nslow wifi", "slow wifi", 1),
                      ("t.jsonl", "{\"id\":\"a\",\"text\":\"good\"}\n{\"id\":\"b\",\"text\":\"slow\"}", "b", 1)])
    func lineFormatsToo(_ name: String, _ content: String, _ last: String, _ again: Int) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + "/" + name
        let state = directory + "/st.json"
        try content.write(toFile: export, atomically: true, encoding: .utf8)
        let arguments = ["analyze", export, "--incremental", state, "--no-explanation", "--include-text"]
        let first = try CLIProcess.run(arguments)
        #expect(first.standardError.contains("read 2, analysed 2, rejected 0"), "\(first.standardError)")
        // Nothing appended: nothing new, however many nights.
        for _ in 0..<2 {
            let unchanged = try CLIProcess.run(arguments)
            #expect(unchanged.status == 0 && !unchanged.standardOutput.contains(last), "\(unchanged.standardError)")
            #expect(!unchanged.standardError.contains("no line break"), "\(unchanged.standardError)")
        }
        // The writer finishes the line: the record comes again, whole.
        try append("\n", to: export)
        let finished = try CLIProcess.run(arguments)
        #expect(finished.standardError.contains("read \(again), analysed \(again), rejected 0"), "\(finished.standardError)")
        #expect(finished.standardOutput.contains(last))
        let after = try CLIProcess.run(arguments)
        #expect(!after.standardOutput.contains(last), "\(after.standardError)")
    }

    /// A half-written last record is as likely rejected (its quote not closed yet) as analysed: the warning said
    /// "analysed" either way, beside a rejects file and counts that said rejected. It says what happened.
    @Test func aHeldBackRecordThatWasRejectedIsCalledRejected() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + "/half.csv"
        try "id,comment\n1,Smooth check-in\n2,\"The minibar was".write(toFile: export, atomically: true, encoding: .utf8)
        let arguments = ["analyze", export, "--incremental", directory + "/st.json", "--no-explanation",
                         "--rejects", directory + "/rejects.jsonl"]
        let first = try CLIProcess.run(arguments)
        #expect(first.status == 3, "\(first.standardError)")
        #expect(first.standardError.contains("read 2, analysed 1, rejected 1"), "\(first.standardError)")
        #expect(first.standardError.contains("half.csv: the last record (line 3) has no line break after it (still "
            + "being written?): rejected (see the rejections), but --incremental's checkpoint stays before it"),
                "\(first.standardError)")
        #expect(!first.standardError.contains("analysed, but"), "\(first.standardError)")
        // Finished by the writer, it comes again and is analysed.
        try append(" empty\"\n", to: export)
        let second = try CLIProcess.run(arguments)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(ids(second.standardOutput) == ["2"])
    }

    /// A terminated last record followed by blank lines is not held back.
    @Test func blankLinesAfterTheLastRecordDoNotHoldItBack() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let export = directory + "/t.jsonl"
        try "{\"id\":\"1\",\"text\":\"a\"}\n{\"id\":\"2\",\"text\":\"b\"}\n  ".write(toFile: export, atomically: true,
                                                                                        encoding: .utf8)
        let arguments = ["analyze", export, "--incremental", directory + "/st.json", "--no-explanation"]
        let first = try CLIProcess.run(arguments)
        #expect(first.status == 0 && !first.standardError.contains("no line break"), "\(first.standardError)")
        try append("{\"id\":\"3\",\"text\":\"c\"}\n", to: export)
        #expect(ids(try CLIProcess.run(arguments).standardOutput) == ["3"])
    }
}
