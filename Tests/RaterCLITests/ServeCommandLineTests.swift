import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `rater serve` as an operator starts it: the URL alone on standard output, loopback by default, and a refusal to
/// bind elsewhere without a token.
@Suite struct ServeCommandLineTests {
    @Test func servesOnLoopbackAndPrintsItsAddress() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rater-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("results.sqlite").path
        let analysed = try CLIProcess.run(["analyze", "Corpora/review/night2.csv", "--db", database,
                                           "-o", directory.appendingPathComponent("out.jsonl").path])
        #expect(analysed.status == 0, "\(analysed.standardError)")

        let process = Process()
        process.executableURL = CLIProcess.executable("rater")
        process.arguments = ["serve", "--db", database, "--port", "0", "--analyst", "ops"]
        process.currentDirectoryURL = CLIProcess.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        // The first line is the address.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let address = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(address.hasPrefix("http://127.0.0.1:") && address.hasSuffix("/"), "\(address)")
        let port = try #require(Int(address.dropFirst("http://127.0.0.1:".count).dropLast()))
        #expect(port > 0)
        func get(_ path: String) async throws -> String {
            let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: "http://127.0.0.1:\(port)" + path)))
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try await get("/healthz") == "ok\n")
        let page = try await get("/?q=janky")
        #expect(page.contains("The ordering kiosk is janky") && page.contains("value=\"ops\""))
    }

    @Test func refusesToBindBeyondLoopbackWithoutAToken() throws {
        let outcome = try CLIProcess.run(["serve", "--db", "results.sqlite", "--host", "0.0.0.0"])
        #expect(outcome.status != 0 && outcome.standardError.contains("--token"), "\(outcome.standardError)")
        let short = try CLIProcess.run(["serve", "--db", "results.sqlite", "--host", "0.0.0.0", "--token", "abc"])
        #expect(short.status != 0 && short.standardError.contains("16 characters"), "\(short.standardError)")
        let missing = try CLIProcess.run(["serve", "--db", "/nonexistent/results.sqlite"])
        #expect(missing.status != 0 && missing.standardError.contains("no database at"))
        let both = try CLIProcess.run(["serve"])
        #expect(both.status != 0 && both.standardError.contains("--db"))
    }
}
