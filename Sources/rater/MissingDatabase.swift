/// A results database that is not where the command line says: found when the command runs, so a failure (exit 1)
/// rather than a usage error (exit 64). No empty database is made in its place, which would only hide a typo.
enum MissingDatabase: Error, CustomStringConvertible {
    case sqlite(path: String)

    var description: String {
        switch self {
        case let .sqlite(path): return "no database at '\(path)' (write one with `rater analyze --db \(path)`)"
        }
    }
}
