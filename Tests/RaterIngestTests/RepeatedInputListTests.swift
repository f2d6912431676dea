import Foundation
import Testing
import RaterIngest

/// A file named twice on a command line is read once: read twice, its comments were counted twice.
@Suite struct RepeatedInputListTests {
    @Test func aFileNamedTwiceIsListedOnceWhereItFirstAppears() throws {
        let directory = NSTemporaryDirectory() + "rater-inputs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["a.jsonl", "b.jsonl"] {
            #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data("{}\n".utf8)))
        }
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.jsonl",
                                                   withDestinationPath: directory + "/b.jsonl")
        var repeats = [(String, String)]()
        let files = try InputList.expand(
            [directory + "/b.jsonl", directory + "/*.jsonl", directory + "/./a.jsonl", "-", "-"]) {
            repeats.append(($0, $1))
        }
        #expect(files == [directory + "/b.jsonl", directory + "/a.jsonl", "-"])
        #expect(repeats.map(\.0) == [directory + "/b.jsonl", directory + "/link.jsonl", directory + "/./a.jsonl", "-"])
        #expect(repeats.map(\.1) == [directory + "/b.jsonl", directory + "/b.jsonl", directory + "/a.jsonl", "-"])
    }
}
