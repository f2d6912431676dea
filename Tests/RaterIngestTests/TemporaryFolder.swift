import Foundation
import Testing

/// A folder of its own for each test of a suite, removed with everything in it when the test ends, passed or
/// failed. The reader tests write hundreds of small exports per run; before this trait each one stayed in the
/// system's temporary folder for good.
///
/// Apply it to a suite (`@Suite(.temporaryFolder)`) and write through `temporaryFile(_:suffix:)`, which finds the
/// folder through a task-local value: tests of a suite run concurrently, so a shared stored folder would not do.
struct TemporaryFolder: TestTrait, SuiteTrait, TestScoping {
    /// Thrown by `temporaryFile` in a test whose suite does not have the trait.
    struct Missing: Error, CustomStringConvertible {
        var description: String { "temporaryFile(_:suffix:) needs the test's suite to have the .temporaryFolder trait" }
    }

    @TaskLocal static var current: String?

    /// Each test in the suite gets its own folder, not one shared by the whole suite.
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void)
        async throws
    {
        guard !test.isSuite else {
            try await function()
            return
        }
        let folder = NSTemporaryDirectory() + "rater-ingest-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Self.$current.withValue(folder) { try await function() }
    }
}

extension Trait where Self == TemporaryFolder {
    /// Gives each test a folder of its own for `temporaryFile(_:suffix:)`, removed when the test ends.
    static var temporaryFolder: Self { Self() }
}
