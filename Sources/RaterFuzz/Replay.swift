#if !FUZZING
import Foundation

/// Without libFuzzer, `rater-fuzz TARGET PATH…` replays files (or every file in folders) through a fuzz target:
/// the seed corpus and saved crash inputs run as regression checks in a normal build.
@main
struct Replay {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            // write(2), not FileHandle.standardError.write, which traps when standard error cannot be written.
            let usage = Array("usage: rater-fuzz \(names) FILE_OR_FOLDER…\n".utf8)
            _ = usage.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            exit(2)
        }
        var count = 0
        for path in arguments.dropFirst() {
            for file in files(at: path) {
                target.run(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
                count += 1
            }
        }
        print("rater-fuzz: \(name): \(count) inputs replayed, all properties held")
    }

    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }.filter {
            var nested: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &nested) && !nested.boolValue
        }
    }
}
#endif
