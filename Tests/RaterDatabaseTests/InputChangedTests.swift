import Foundation
import Testing

@testable import RaterDatabase

/// A run over an export still being written: rows appended while the run read it were analysed and stored, and the
/// manifest gave the size and digest of the file without them, with no word (a user-side review). The digest now
/// says the file changed, and the run warns.
@Suite struct InputChangedTests {
    @Test func anInputThatGrewDuringTheRunIsNamed() throws {
        let scratch = try Scratch(.sqlite)
        let input = NSTemporaryDirectory() + "rater-growing-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: input) }
        try "id,text\n1,Quick refund\n".write(toFile: input, atomically: true, encoding: .utf8)
        let recorder = try RunRecorder(options: scratch.options(inputs: [input]), manifestFile: nil,
                                       runID: UUID().uuidString.lowercased(), now: Date())
        let manifest = try recorder.record { sink in
            try sink.write(comment("1", record: 1))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: input))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("2,Slow reply\n".utf8))
            try handle.close()
            return .finished
        }
        let digest = try #require(manifest.inputs.first)
        #expect(digest.bytes == 23)
        #expect(digest.note?.contains("changed while the run read it: 23 bytes when the run started, 36 at its end")
            == true, "\(digest.note ?? "")")
        #expect(recorder.sourceWarnings.contains { $0.hasPrefix("input \(input) changed while the run read it") },
                "\(recorder.sourceWarnings)")
    }

    @Test func anUnchangedInputHasNoNote() throws {
        let scratch = try Scratch(.sqlite)
        let input = NSTemporaryDirectory() + "rater-still-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: input) }
        try "id,text\n1,Quick refund\n".write(toFile: input, atomically: true, encoding: .utf8)
        let recorder = try RunRecorder(options: scratch.options(inputs: [input]), manifestFile: nil,
                                       runID: UUID().uuidString.lowercased(), now: Date())
        let manifest = try recorder.record { sink in
            try sink.write(comment("1", record: 1))
            return .finished
        }
        #expect(manifest.inputs.first?.note == nil)
        #expect(recorder.sourceWarnings.isEmpty, "\(recorder.sourceWarnings)")
    }
}
