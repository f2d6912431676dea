import Foundation
import RaterCore
import Testing

@testable import RaterIngest

/// Writes `contents` to a fresh file in the running test's `TemporaryFolder` and returns its path.
func temporaryFile(_ contents: [UInt8], suffix: String) throws -> String {
    guard let folder = TemporaryFolder.current else { throw TemporaryFolder.Missing() }
    let path = folder + "/file-\(UUID().uuidString)\(suffix)"
    try Data(contents).write(to: URL(fileURLWithPath: path))
    return path
}

func temporaryFile(_ text: String, suffix: String) throws -> String {
    try temporaryFile(Array(text.utf8), suffix: suffix)
}

/// Reads every event from a file with the given options.
func readAll(_ path: String, _ configure: (inout IngestOptions) -> Void = { _ in }) throws -> [IngestEvent] {
    var options = IngestOptions()
    configure(&options)
    var reader = try InputOpener.open(path: path, options: options).reader
    var events = [IngestEvent]()
    while let event = try reader.next() { events.append(event) }
    return events
}

extension IngestEvent {
    var record: SourceRecord? { if case let .record(record) = self { return record } else { return nil } }
    var rejection: Rejection? { if case let .rejected(rejection) = self { return rejection } else { return nil } }
}

/// The repository's Corpora folder.
let corpora = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpora").path
