import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives Debian's `chromium` over the DevTools protocol on a pipe (`--remote-debugging-pipe`: commands on the
/// browser's fd 3, replies and events on its fd 4, each a JSON message ended by NUL), so the end-to-end test needs
/// no WebDriver, no Node and no network.
final class ChromiumSession {
    struct Failure: Error, CustomStringConvertible { let description: String }

    private let pid: pid_t
    private let commands: Int32
    private let replies: Int32
    private var pending = [UInt8]()
    private var nextID = 1
    /// Every event received so far, in order.
    private(set) var events: [[String: Any]] = []
    private(set) var session: String?
    let profile: String

    init(browser: String) throws {
        profile = NSTemporaryDirectory() + "rater-chromium-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe: \(errno)") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, profile + "/stdout.log", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, profile + "/stderr.log", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let arguments = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         "--no-default-browser-check", "--disable-extensions", "--remote-debugging-pipe",
                         "--user-data-dir=\(profile)/data", "--window-size=1200,900", "about:blank"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child = pid_t()
        let status = posix_spawn(&child, browser, &actions, nil, &argv, environ)
        Glibc.close(toBrowser[0])
        Glibc.close(fromBrowser[1])
        guard status == 0 else { throw Failure(description: "posix_spawn \(browser): \(status)") }
        pid = child
        commands = toBrowser[1]
        replies = fromBrowser[0]
    }

    /// Opens a page and attaches to it; later commands go to that page.
    func openPage() throws {
        let target = try send("Target.createTarget", ["url": "about:blank"], toPage: false)
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "no target: \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true], toPage: false)
        session = attached["sessionId"] as? String
        _ = try send("Page.enable")
        _ = try send("Runtime.enable")
        _ = try send("Emulation.setFocusEmulationEnabled", ["enabled": true])
    }

    /// Sends a command and waits for its reply's `result` (throws on an `error` reply).
    @discardableResult
    func send(_ method: String, _ parameters: [String: Any] = [:], toPage: Bool = true,
              timeout: TimeInterval = 90) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if toPage, let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(commands, bytes.baseAddress! + offset, bytes.count - offset)
                guard written > 0 else { throw Failure(description: "write to chromium: \(errno)") }
                offset += written
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try nextMessage(until: deadline, waitingFor: method)
            if reply["id"] as? Int == id {
                if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
                return reply["result"] as? [String: Any] ?? [:]
            }
            if reply["method"] != nil { events.append(reply) }
        }
    }

    /// Waits for an event that arrives after `after` events had been seen.
    func waitForEvent(_ method: String, after: Int, timeout: TimeInterval = 90) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = events.dropFirst(after).first(where: { $0["method"] as? String == method }) { return found }
            let message = try nextMessage(until: deadline, waitingFor: method)
            if message["method"] != nil { events.append(message) }
        }
    }

    /// Loads `url` and waits for its load event.
    func navigate(_ url: String) throws {
        let before = events.count
        try send("Page.navigate", ["url": url])
        _ = try waitForEvent("Page.loadEventFired", after: before)
    }

    /// Evaluates a JavaScript expression in the page and returns its value.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true])
        if let exception = result["exceptionDetails"] { throw Failure(description: "\(expression): \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Presses a key as a person would: key down (with its text, so it types) and key up.
    func press(_ key: String, code: String, keyCode: Int, text: String? = nil) throws {
        var down: [String: Any] = ["type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": keyCode]
        if let text { down["text"] = text }
        try send("Input.dispatchKeyEvent", down)
        try send("Input.dispatchKeyEvent", ["type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": keyCode])
    }

    /// Presses a letter or digit key.
    func press(character: Character) throws {
        let text = String(character)
        let upper = text.uppercased()
        let code = character.isNumber ? "Digit" + text : "Key" + upper
        try press(text, code: code, keyCode: Int(upper.unicodeScalars.first!.value), text: text)
    }

    /// Presses a key and waits for the page it leads to.
    func pressAndWaitForLoad(_ action: () throws -> Void) throws {
        let before = events.count
        try action()
        _ = try waitForEvent("Page.loadEventFired", after: before)
    }

    func typeText(_ text: String) throws { try send("Input.insertText", ["text": text]) }

    func close() {
        _ = try? send("Browser.close", toPage: false, timeout: 5)
        var status: Int32 = 0
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) == pid { break }
            usleep(100_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, WNOHANG)
        Glibc.close(commands)
        Glibc.close(replies)
        try? FileManager.default.removeItem(atPath: profile)
    }

    private func nextMessage(until deadline: Date, waitingFor method: String) throws -> [String: Any] {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let message = Array(pending[..<end])
                pending.removeFirst(end + 1)
                return (try JSONSerialization.jsonObject(with: Data(message))) as? [String: Any] ?? [:]
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(description: "timed out waiting for \(method)") }
            var descriptor = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready <= 0 { continue }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = buffer.withUnsafeMutableBytes { read(replies, $0.baseAddress, $0.count) }
            guard count > 0 else {
                let log = (try? String(contentsOfFile: profile + "/stderr.log", encoding: .utf8)) ?? ""
                throw Failure(description: "chromium closed the pipe while waiting for \(method): \(log.suffix(2_000))")
            }
            pending += buffer[0..<count]
        }
    }
}
