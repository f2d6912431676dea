import Foundation
import RaterCore
import RaterSinks

/// What a run read, with what, and what came of it: written to `--manifest PATH` and kept in `runs.manifest`.
public struct RunManifest: Codable, Sendable, Equatable {
    public var runID: String
    public var raterVersion: String
    public var startedAt: String
    public var finishedAt: String?
    /// `complete`, `complete_with_rejects`, `stopped` (`--strict`), `failed`.
    public var status: String
    public var exitCode: Int?
    public var error: String?
    public var inputs: [FileDigest]
    public var lexicons: [FileDigest]
    /// `sha256:` over the lexicon files' digests in load order: equal when the lexicons are byte-identical.
    public var lexiconVersion: String?
    public var profileVersion: String?
    public var counts: Counts
    public var timings: Timings
    /// Where the run wrote: `results`, `rejects`, `sqlite`, `postgres` (its URL without the password).
    public var outputs: [String: String]
    /// Only when the databases disagree (the run committed in one and failed in another): each database's display
    /// name and the status its `runs` row holds. Absent otherwise: every database then holds `status`.
    public var databases: [String: String]?
    /// The process that ran the run, and the machine it ran on: a manifest that still says `running` while no
    /// process of that pid lives on that host belongs to a run that was killed (SIGKILL, the OOM killer, a crash).
    public var pid: Int?
    public var host: String?
    /// What the databases' side of the run warned of (a source stored twice, rows a corrected export dropped, the
    /// `aggregates` table made with other grouping options): said on standard error too, but a cron job run at
    /// `--log-level error` kept nothing of it. Absent when there were none.
    public var warnings: [String]?

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", raterVersion = "rater_version", startedAt = "started_at", finishedAt = "finished_at"
        case status, exitCode = "exit_code", error, inputs, lexicons, lexiconVersion = "lexicon_version"
        case profileVersion = "profile_version", counts, timings, outputs, databases, pid, host, warnings
    }

    public init(runID: String, raterVersion: String, startedAt: String, finishedAt: String?, status: String,
                exitCode: Int?, error: String?, inputs: [FileDigest], lexicons: [FileDigest], lexiconVersion: String?,
                profileVersion: String?, counts: Counts, timings: Timings, outputs: [String: String],
                databases: [String: String]? = nil, pid: Int? = nil, host: String? = nil) {
        self.runID = runID
        self.raterVersion = raterVersion
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.exitCode = exitCode
        self.error = error
        self.inputs = inputs
        self.lexicons = lexicons
        self.lexiconVersion = lexiconVersion
        self.profileVersion = profileVersion
        self.counts = counts
        self.timings = timings
        self.outputs = outputs
        self.databases = databases
        self.pid = pid
        self.host = host
    }

    /// This process and this machine, for `pid` and `host`.
    public static var currentProcess: (pid: Int, host: String) {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count - 1) == 0 ? String(cString: name) : ""
        return (Int(getpid()), host)
    }

    /// The manifest of a run that failed before it could start (an input, a lexicon, a database, the state file):
    /// what is known by then, with the error.
    public static func failedBeforeStart(runID: String, startedAt: Date, error: any Error, inputs: [String] = [],
                                         outputs: [String: String] = [:],
                                         raterVersion: String = RunRecorder.raterVersion) -> RunManifest {
        var manifest = RunManifest(
            runID: runID, raterVersion: raterVersion, startedAt: Rows.timestamp(startedAt), finishedAt: nil,
            status: "running", exitCode: nil, error: nil,
            inputs: inputs.map { FileDigest(path: $0, bytes: nil, sha256: nil) }, lexicons: [], lexiconVersion: nil,
            profileVersion: nil, counts: Counts(), timings: Timings(), outputs: outputs)
        (manifest.pid, manifest.host) = currentProcess
        manifest.markFailed(error, seconds: Date().timeIntervalSince(startedAt))
        return manifest
    }

    /// Makes this the manifest of a failed run: every failure, before the start or during the run, says it the
    /// same way (status `failed`, exit code 1, the error, when it ended). A run stopped by a signal has the exit
    /// status the process ends with, 128 + the signal (143 for SIGTERM).
    public mutating func markFailed(_ error: any Error, seconds: Double) {
        finishedAt = Rows.timestamp(Date())
        status = "failed"
        exitCode = (error as? RunInterrupted)?.exitCode ?? 1
        self.error = "\(error)"
        timings.seconds = seconds
    }

    public struct FileDigest: Codable, Sendable, Equatable {
        public var path: String
        /// nil for standard input and other inputs that are not regular files, which cannot be read twice.
        public var bytes: Int?
        public var sha256: String?
        /// Why an input other than standard input has no digest (it is not a regular file); nil otherwise.
        public var note: String?

        public init(path: String, bytes: Int?, sha256: String?, note: String? = nil) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
            self.note = note
        }
    }

    /// The note of an input that is not a regular file.
    public static let notDigestedNote = "not a regular file (a pipe, FIFO, socket or device): read once, by the "
        + "analysis, and not digested"

    public struct Counts: Codable, Sendable, Equatable {
        public var read = 0
        public var analysed = 0
        public var rejected = 0
        /// Survey rows with a rating and no comment (`RatingOnlyAnswer`): read = analysed + ratingOnly + rejected.
        /// 0 in manifests of versions before them.
        public var ratingOnly = 0
        public var rejectedByReason: [String: Int] = [:]
        public var aggregates = 0
        public var signals = 0
        /// Keys (`comments.comment_key` within a source) that came more than once in the run, and the records whose
        /// rows a later one of them replaced: the run stored `analysed - duplicatesReplaced` comments (see
        /// `DuplicateKeys`). Counted by the databases; 0 without one (and in manifests of versions before them).
        public var duplicateKeys = 0
        public var duplicatesReplaced = 0
        /// Comments `--replace-source` deleted because the run's exports no longer hold their records (with their
        /// mentions and signals; rating-only answers and rejections are named in the summary). 0 without the flag,
        /// and in manifests of versions before it.
        public var replacedComments = 0

        public init() {}

        enum CodingKeys: String, CodingKey {
            case read, analysed, ratingOnly = "rating_only", rejected, rejectedByReason = "rejected_by_reason"
            case aggregates, signals
            case duplicateKeys = "duplicate_keys", duplicatesReplaced = "duplicates_replaced"
            case replacedComments = "replaced_comments"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            read = try container.decode(Int.self, forKey: .read)
            analysed = try container.decode(Int.self, forKey: .analysed)
            rejected = try container.decode(Int.self, forKey: .rejected)
            ratingOnly = try container.decodeIfPresent(Int.self, forKey: .ratingOnly) ?? 0
            rejectedByReason = try container.decode([String: Int].self, forKey: .rejectedByReason)
            aggregates = try container.decode(Int.self, forKey: .aggregates)
            signals = try container.decode(Int.self, forKey: .signals)
            duplicateKeys = try container.decodeIfPresent(Int.self, forKey: .duplicateKeys) ?? 0
            duplicatesReplaced = try container.decodeIfPresent(Int.self, forKey: .duplicatesReplaced) ?? 0
            replacedComments = try container.decodeIfPresent(Int.self, forKey: .replacedComments) ?? 0
        }
    }

    public struct Timings: Codable, Sendable, Equatable {
        /// Whole run, from opening the databases to the end (in the `runs` row: to just before the commit).
        public var seconds = 0.0
        /// Reading inputs and lexicons a second time for their digests.
        public var hashingSeconds = 0.0
        /// Making the `aggregates` table from every stored comment at the end of the run, in all databases; nil in
        /// a run with no database (and in manifests of versions before it).
        public var aggregatesSeconds: Double?

        enum CodingKeys: String, CodingKey {
            case seconds, hashingSeconds = "hashing_seconds", aggregatesSeconds = "aggregates_seconds"
        }
    }

    /// Digests of `paths`; `-` (standard input) gets none, and neither does any other path that is not a regular
    /// file: a FIFO or a process substitution (`<(zcat export.gz)`, `/dev/fd/63`) can be read only once, and a
    /// digest pass before the analysis would consume every record of it, leaving the analysis an empty input.
    /// A relative path is read from `directory` when one is given (the run's, `RunRecorder.Options`), and kept as
    /// written.
    public static func digests(_ paths: [String], in directory: String? = nil) throws -> [FileDigest] {
        try paths.map { path in
            if path == "-" { return FileDigest(path: path, bytes: nil, sha256: nil) }
            let file = directory.map { SourceNames.absolutePath(path, in: $0) } ?? path
            // A path that cannot be stat'ed is left to the digest below, which reports it.
            if PathKind(path: file) == .other {
                return FileDigest(path: path, bytes: nil, sha256: nil, note: notDigestedNote)
            }
            let digest = try SHA256Digest.file(file)
            return FileDigest(path: path, bytes: digest.bytes, sha256: digest.sha256)
        }
    }

    public static func lexiconVersion(_ lexicons: [FileDigest]) -> String? {
        guard !lexicons.isEmpty else { return nil }
        return "sha256:" + SHA256Digest.hex(of: lexicons.map { $0.sha256 ?? "-" }.joined(separator: "\n"))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    public func json() throws -> String {
        String(decoding: try Self.encoder.encode(self), as: UTF8.self)
    }

    public static func decode(_ json: String) throws -> RunManifest {
        try JSONDecoder().decode(RunManifest.self, from: Data(json.utf8))
    }
}

/// A manifest's file: its temporary sibling is made when the run starts, so that a place where it cannot be
/// written fails the run before anything is read or committed; `begin` puts the run's `running` manifest in place of
/// the previous run's, and `write` puts the outcome there, once.
///
/// The manifest in place is always the latest run's: from `begin` on, a run that dies without a word (SIGKILL, the
/// OOM killer, a machine that goes down) leaves `running`, with its `pid` and `host`, never the previous run's
/// `complete`. The outcome is written into space set aside at `begin` (`OutputFile.reserve`), so a run that failed
/// because its results filled the disk can still say so; where it cannot be written all the same, the manifest in
/// its place is removed (no manifest is better than one that describes another run or a run still going) and
/// `failure` keeps why, for the caller to report: a run that is failing writes its manifest with `try?`, as the
/// run's own error comes first.
public final class ManifestFile {
    public let path: String
    private let output: OutputFile
    /// Whether `write` was called (whether or not it succeeded): a manifest is written once.
    public private(set) var isWritten = false
    /// Why `write` failed, with what became of the manifest that was in its place; nil while it has not.
    public private(set) var failure: ManifestError?
    private var begun = false
    /// A file, replaced by a rename; not standard output or a FIFO, written in place, whose reader is given only the
    /// outcome and which is never removed.
    private let isFile: Bool

    public convenience init(path: String) throws {
        let output: OutputFile
        do { output = try OutputFile(path: path) } catch {
            throw ManifestError.cannotWrite(path: path, reason: "\(error)")
        }
        self.init(path: path, output: output)
    }

    /// A manifest at `path` whose outcome is written through `output` (tests give one whose writes fail).
    init(path: String, output: OutputFile) {
        self.path = path
        self.output = output
        isFile = path != "-" && PathKind(path: path) != .other
    }

    /// Puts `manifest` (the run's, saying `running`) in place of the previous run's, and sets space aside for the
    /// outcome. Nothing for a manifest that goes to a stream (standard output, a FIFO): its reader gets one manifest.
    public func begin(_ manifest: RunManifest) throws {
        guard !begun, !isWritten, isFile else { return }
        begun = true
        previousRunWarning = Self.unfinished(atPath: path)
        let bytes = Array((try manifest.json() + "\n").utf8)
        do {
            let running = try OutputFile(path: path)
            try running.write(bytes)
            try running.commit()
        } catch {
            throw ManifestError.cannotWrite(path: path, reason: "\(error)")
        }
        // The outcome adds the inputs' sizes and digests, the lexicons', the counts and the error to this.
        output.reserve(bytes.count + 256 * manifest.inputs.count + 65_536)
    }

    /// What the manifest this run replaced says of a run that never finished: it still said `running`. Its process
    /// gone, the run was killed (SIGKILL, the OOM killer, a reboot) and the manifest was the only trace, which this
    /// run then replaced without a word (a user-side review); its process alive, another run is going at once.
    public private(set) var previousRunWarning: String?

    static func unfinished(atPath path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let previous = try? RunManifest.decode(text), previous.status == "running" else { return nil }
        let run = "the previous run \(previous.runID) (started \(previous.startedAt)) never wrote its outcome to \(path)"
        guard let pid = previous.pid, let host = previous.host else { return run + ": it may have been killed" }
        guard host == RunManifest.currentProcess.host else {
            return run + ": it ran on \(host) as process \(pid), which may still be running or may have been killed"
        }
        if kill(pid_t(pid), 0) == 0 || errno == EPERM {
            return run + ": its process \(pid) is still running, so two runs are writing at once"
        }
        return run + ": its process \(pid) is gone, so it was killed (SIGKILL, the OOM killer, a reboot?); its "
            + "database transactions were rolled back"
    }

    public func write(_ manifest: RunManifest) throws {
        guard !isWritten else { return }
        isWritten = true
        do {
            try output.write(Array((try manifest.json() + "\n").utf8))
            try output.commit()
        } catch {
            let failure = ManifestError.cannotWrite(path: path, reason: "\(error)" + removeManifestInPlace())
            self.failure = failure
            throw failure
        }
    }

    /// Removes the manifest in place (this run's `running` one, or an earlier run's), which would otherwise be
    /// taken for this run's outcome; returns what to add to the reason the outcome could not be written.
    private func removeManifestInPlace() -> String {
        guard isFile else { return "" }
        if unlink(path) == 0 {
            return "; the manifest that was there was removed, so that it cannot be taken for this run's outcome"
        }
        let code = errno
        guard code != ENOENT else { return "" }
        return "; the manifest that is there could not be removed either (\(String(cString: strerror(code))))"
    }
}
