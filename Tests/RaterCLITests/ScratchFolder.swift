import Foundation

/// A temporary folder for one test's files, removed with it, and the small exports and result files the
/// command-line checks run over.
final class ScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "rater-scratch-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` to `name` in the folder and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String) throws -> String {
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path + name))
        return path + name
    }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path + name, encoding: .utf8) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path + name) }

    /// A CSV export of `count` comments with a branch and a CSAT rating.
    func export(_ count: Int, name: String = "export.csv") throws -> String {
        let texts = ["The room was clean and the staff were friendly", "The staff were rude", "Great food but slow"]
        var csv = "id,branch,csat,text\n"
        for index in 0..<count { csv += "E\(index),b\(index % 2),\(index % 5 + 1),\(texts[index % texts.count])\n" }
        return try write(name, csv)
    }

    /// Results of `rater analyze` over an export of `count` comments, as `name`.
    func results(_ count: Int, name: String = "results.jsonl") throws -> String {
        let outcome = try CLIProcess.run(["analyze", try export(count, name: name + ".csv"), "-o", path + name])
        guard outcome.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path + name
    }
}
