import Foundation
import Synchronization
import Testing

/// The trait that keeps the reader tests' exports out of the system's temporary folder once they have run.
@Suite struct TemporaryFolderTests {
    @Test func theFolderAndItsFilesAreGoneWhenTheScopeEnds() async throws {
        let test = try #require(Test.current)
        #expect(TemporaryFolder.current == nil)
        let written = Mutex<String?>(nil)
        try await TemporaryFolder().provideScope(for: test, testCase: nil) {
            let path = try temporaryFile("id,text\n1,ok\n", suffix: ".csv")
            written.withLock { $0 = path }
            #expect(FileManager.default.fileExists(atPath: path))
        }
        let path = try #require(written.withLock { $0 })
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))
    }

    @Test func theFolderIsRemovedWhenTheTestThrows() async throws {
        struct Failure: Error {}
        let test = try #require(Test.current)
        let written = Mutex<String?>(nil)
        await #expect(throws: Failure.self) {
            try await TemporaryFolder().provideScope(for: test, testCase: nil) {
                written.withLock { $0 = TemporaryFolder.current }
                throw Failure()
            }
        }
        let folder = try #require(written.withLock { $0 })
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func writingOutsideTheTraitFailsWithAClearError() {
        #expect(throws: TemporaryFolder.Missing.self) { _ = try temporaryFile("x", suffix: ".txt") }
    }
}
