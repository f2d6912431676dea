import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
#if canImport(Glibc)
import Glibc
#endif

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

    /// A port another program holds: one line that names the address and the way out, exit 1, not NIO's
    /// `bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`.
    @Test func aPortInUseIsNamedWithTheWayOut() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rater-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("results.sqlite").path
        let analysed = try CLIProcess.run(["analyze", "Corpora/review/night2.csv", "--db", database,
                                           "-o", directory.appendingPathComponent("out.jsonl").path])
        #expect(analysed.status == 0, "\(analysed.standardError)")

        // Hold a loopback port: bound and listening, as another server would.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(holder >= 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) }
        }
        try #require(bound == 0 && listen(holder, 1) == 0)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(holder, $0, &length) }
        }
        try #require(named == 0)
        let port = Int(UInt16(bigEndian: address.sin_port))

        let outcome = try CLIProcess.run(["serve", "--db", database, "--port", String(port)])
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "rater serve: 127.0.0.1:\(port) is already in use (another rater serve?); "
                    + "choose another with --port\n", "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
    }
}
