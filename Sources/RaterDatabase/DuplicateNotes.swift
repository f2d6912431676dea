import GRDB
import Synchronization

/// SQLite's half of `DuplicateKeys`: the keys a run wrote twice, noted by a function its upsert of `comments` calls
/// when it replaces a row the same run wrote (`SET run_id = rater_note_duplicate(…)`, see
/// `Schema.onConflictReplace`).
///
/// A trigger on `comments` did this first, but a table with a trigger makes SQLite keep a statement journal for
/// every multi-row insert: a CSV export with ids (109,000 comments, `mixed_20mb.csv --db`) went from 4.1 to 6.2 s
/// of analysis. The function costs nothing on a fresh key (the upsert's update branch never runs) and one call on a
/// replaced one. What it notes grows with the duplicated keys only, never with the run; `DuplicateKeys.read` moves
/// it into the run's table of duplicates, beside what a staged merge found.
final class DuplicateNotes: Sendable {
    struct Note: Equatable {
        var source: String
        var key: String
        var firstRecord: Int?
        var firstLine: Int?
        var replaced: Int
    }

    /// The notes in the order their keys were first found, and each key's place among them.
    private let notes = Mutex<(list: [Note], index: [[String]: Int])>(([], [:]))

    static let functionName = "rater_note_duplicate"

    /// `rater_note_duplicate(same_run, source, comment_key, record, line, new_run_id)`: notes the replaced row when
    /// `same_run` is true, and returns `new_run_id`, the value the upsert sets.
    var function: DatabaseFunction {
        DatabaseFunction(Self.functionName, argumentCount: 6, pure: false) { [self] values in
            if Bool.fromDatabaseValue(values[0]) == true, let source = String.fromDatabaseValue(values[1]),
               let key = String.fromDatabaseValue(values[2]) {
                note(source: source, key: key, record: Int.fromDatabaseValue(values[3]),
                     line: Int.fromDatabaseValue(values[4]))
            }
            return values[5]
        }
    }

    func note(source: String, key: String, record: Int?, line: Int?) {
        notes.withLock { notes in
            if let place = notes.index[[source, key]] {
                notes.list[place].replaced += 1
            } else {
                notes.index[[source, key]] = notes.list.count
                notes.list.append(Note(source: source, key: key, firstRecord: record, firstLine: line, replaced: 1))
            }
        }
    }

    /// The notes so far, which are then forgotten.
    func drain() -> [Note] {
        notes.withLock { notes in
            defer { notes = ([], [:]) }
            return notes.list
        }
    }
}
