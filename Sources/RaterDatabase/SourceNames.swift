#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RaterCore
import RaterSinks

/// The name each input's rows are stored under (`comments.source`, and so the key of every table a run writes),
/// so that one file named differently on another night (`tiny.csv`, `./tiny.csv`, `/data/tiny.csv`, a path through
/// a link) replaces the rows it stored instead of adding a second copy.
///
/// The rule, per database: `sources` keeps each name with the file's absolute path, links resolved (`realpath`).
///
/// 1. An input whose resolved path a stored source has is stored under that source's name (the first recorded,
///    if earlier versions left several names for one file; the others are named in a note, as their rows stay).
/// 2. Otherwise under its spelling as typed, as before; its path is recorded, or, when a source of that name had
///    another path (the file moved, or the run is in another folder), updated: the name still keys the rows, as it
///    always did.
///
/// Databases made before `sources` have rows under the names earlier runs typed and no path for them: each such
/// name that names a file from the current folder (a relative spelling is as cron typed it there) is resolved and
/// recorded once, before the inputs are matched, so tonight's `./tiny.csv` finds yesterday's `tiny.csv`. That is a best effort:
/// a relative name from a run in another folder resolves to the wrong place, and is then only a name (rule 2).
///
/// Standard input (`-`) and inputs that are not regular files (a FIFO, a process substitution such as
/// `/dev/fd/63`, whose path names a different pipe every time) keep their spelling and record nothing.
///
/// A name given for an input (`--source-name`, in `given`) comes before both rules: the input is stored under it,
/// whatever the file was stored as before, and its path is recorded under it (none for standard input or a pipe).
/// That is how two exports of the same name from two folders or hosts are kept apart in one database.
///
/// When a name's recorded path changes (rule 2, or a given name), that is a warning: it is a file that moved, or
/// another file of the same name (`hostB/export.csv` after `hostA/export.csv`) whose rows replace the first's.
struct SourceNames {
    /// The stored name of each input whose rows go under another name than its spelling.
    private(set) var renamed: [String: String] = [:]
    /// What was decided, for the log (info level).
    private(set) var notes: [String] = []
    /// What may have replaced another file's rows, for the log at warning level.
    private(set) var warnings: [String] = []
    /// Names whose recorded path changed in this run by rule 2 (not given with `--source-name`): another file of the
    /// same name may have taken the name over, so `--replace-source` must not delete what the first file stored.
    private(set) var moved: Set<String> = []

    static func resolve(_ executor: any SQLExecutor, inputs: [String], currentDirectory: String, runID: String,
                        timestamp: String, given: [String: String] = [:]) throws -> SourceNames {
        var names = SourceNames()
        let table = Schema.sources
        let insert = table.upsertStatement(executor.dialect)
        func record(_ name: String, _ path: String) throws {
            try executor.execute(insert, table.values([
                "source": .text(name), "path": .text(path), "run_id": .text(runID), "recorded_at": .text(timestamp),
            ]))
        }
        // Recorded sources, oldest first: the first of several names for one path wins.
        var paths = [String: String]()
        var byPath = [String: [String]]()
        for row in try executor.query("SELECT source, path FROM \(table.name) ORDER BY recorded_at, source", []) {
            guard row.count == 2, let name = row[0].string, let path = row[1].string else { continue }
            paths[name] = path
            byPath[path, default: []].append(name)
        }
        // Names that rows have and `sources` does not (a database from before it): resolved here, once.
        for name in try storedNames(executor) where paths[name] == nil && name != "-" {
            // Only a file that is there: a name whose file is gone (or a pipe's) matches no input, and stays
            // unrecorded until a file by that name comes back.
            guard PathKind(path: absolutePath(name, in: currentDirectory)) == .regularFile else { continue }
            let path = resolved(name, in: currentDirectory)
            try record(name, path)
            paths[name] = path
            byPath[path, default: []].append(name)
            names.notes.append("source \(name) recorded as \(path) (resolved against the current folder)")
        }
        var claimed = Set<String>()
        func pathChanged(_ name: String, from earlier: String, to path: String, hint: String) -> String {
            "source \(name) was \(earlier) and is now \(path): this run replaces the rows stored under \(name). "
                + "If they are different files (another folder or host), \(hint)"
        }
        for input in inputs {
            let regular = input != "-" && PathKind(path: absolutePath(input, in: currentDirectory)) == .regularFile
            if let name = given[input] {
                claimed.insert(name)
                if name != input { names.renamed[input] = name }
                guard regular else { continue }
                let path = resolved(input, in: currentDirectory)
                if let earlier = paths[name], earlier != path {
                    names.warnings.append(pathChanged(name, from: earlier, to: path,
                                                      hint: "give each its own --source-name"))
                }
                if let others = byPath[path]?.filter({ $0 != name }), !others.isEmpty {
                    names.notes.append("\(input) is stored as source \(name) as given; its rows stored before as "
                        + "\(others.joined(separator: ", ")) stay under that name (delete them by source)")
                }
                try record(name, path)
                continue
            }
            guard regular else { continue }
            let path = resolved(input, in: currentDirectory)
            if let known = byPath[path], let name = known.first(where: { !claimed.contains($0) }) {
                claimed.insert(name)
                if name != input {
                    names.renamed[input] = name
                    names.notes.append("\(input) is stored as source \(name) (the same file, \(path))")
                }
                if known.count > 1 {
                    names.notes.append("sources \(known.joined(separator: ", ")) are all \(path); this run writes "
                        + "\(name), and the rows of the others stay as they are")
                }
                continue
            }
            // A name another input of this run is stored under (rule 1) cannot be this file's too.
            var name = input
            if claimed.contains(name) { name = path }
            claimed.insert(name)
            if name != input { names.renamed[input] = name }
            if let earlier = paths[name], earlier != path {
                names.warnings.append(pathChanged(name, from: earlier, to: path,
                                                  hint: "store each under its own name with --source-name"))
                names.moved.insert(name)
            }
            try record(name, path)
        }
        return names
    }

    /// Every `source` of `comments` and `rejects`, each found through the table's primary key (which leads with
    /// it) by looking up the next one after the last: a look-up per source, never a scan of the rows.
    static func storedNames(_ executor: any SQLExecutor) throws -> Set<String> {
        var names = Set<String>()
        for table in [Schema.comments.name, Schema.rejects.name, Schema.ratingAnswers.name] {
            let first = "SELECT min(source) FROM \(table)"
            let next = "SELECT min(source) FROM \(table) WHERE source > \(executor.dialect.placeholder(1))"
            var current = try executor.query(first, []).first?.first?.string
            while let name = current {
                names.insert(name)
                current = try executor.query(next, [.text(name)]).first?.first?.string
            }
        }
        return names
    }

    static func absolutePath(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory.hasSuffix("/") ? directory : directory + "/") + path
    }

    /// The absolute path with links resolved (`realpath`), or, for a path that does not exist (a stored name whose
    /// file is gone), the absolute path with `.` and `..` taken out as written.
    static func resolved(_ path: String, in directory: String) -> String {
        let absolute = absolutePath(path, in: directory)
        if let real = RealPath.of(absolute) { return real }
        var parts = [Substring]()
        for part in absolute.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `comment` as stored under its source's name: a made-up id (`source:record`) is made from that name too, as
    /// a run that typed it would have made it, so that the stored rows look the same whichever spelling wrote them.
    func stored(_ comment: StoredComment) -> StoredComment {
        // Nearly every run renames nothing: then no comment's source is hashed.
        guard !renamed.isEmpty, let name = renamed[comment.source] else { return comment }
        var stored = comment
        if !StoredComment.hasExportID(id: comment.id, source: comment.source, recordNumber: comment.recordNumber) {
            stored.id = "\(name):\(comment.recordNumber)"
        }
        stored.source = name
        return stored
    }

    func stored(_ rejection: Rejection) -> Rejection {
        guard !renamed.isEmpty, let name = renamed[rejection.source] else { return rejection }
        var stored = rejection
        stored.source = name
        return stored
    }

    func stored(_ answer: RatingOnlyAnswer) -> RatingOnlyAnswer {
        guard !renamed.isEmpty, let name = renamed[answer.source] else { return answer }
        var stored = answer
        stored.source = name
        return stored
    }

    func stored(_ superseded: SupersededRecord) -> SupersededRecord {
        guard !renamed.isEmpty, let name = renamed[superseded.source] else { return superseded }
        var stored = superseded
        stored.source = name
        return stored
    }
}
