import Foundation

/// Runs the built `rater` executable, as cron would, and collects what it printed.
///
/// The test target depends on the `rater` target, so SwiftPM builds it beside the test bundle.
struct CLIProcess {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func executable(_ name: String) -> URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `rater arguments…` in the repository folder (or `directory`); `input` is written to standard input by
    /// `feed`, which may stream any amount (it gets the pipe's write handle and must not close it).
    static func run(_ arguments: [String], program: String = "rater", directory: String? = nil,
                    feed: ((FileHandle) throws -> Void)? = nil) throws -> Outcome
    {
        let process = Process()
        // A bare name is a product built beside the tests; a path is a program of the system (`/bin/bash`).
        process.executableURL = program.hasPrefix("/") ? URL(fileURLWithPath: program) : executable(program)
        process.arguments = arguments
        process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? repository
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["RATER_LEXICONS": repository.appendingPathComponent("Lexicons").path]) { $1 }
        let input = Pipe()
        // Outputs go to files, not pipes: nothing to drain while the child runs, so no deadlock on a full pipe.
        let outputPath = NSTemporaryDirectory() + "rater-cli-\(UUID().uuidString).out"
        let errorPath = outputPath + ".err"
        // Opening the files below fails if creating them did.
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }
        process.standardInput = feed == nil ? FileHandle.nullDevice : input
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
        try process.run()
        if let feed {
            try feed(input.fileHandleForWriting)
            try input.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        let outputData = try Data(contentsOf: URL(fileURLWithPath: outputPath))
        let errorData = try Data(contentsOf: URL(fileURLWithPath: errorPath))
        return Outcome(status: process.terminationStatus,
                       standardOutput: String(decoding: outputData, as: UTF8.self),
                       standardError: String(decoding: errorData, as: UTF8.self))
    }
}
