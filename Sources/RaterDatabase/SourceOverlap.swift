/// Comments a run stored that are already stored under another source: a nightly export under a dated name
/// (`shop-2026-11-27.csv`) repeating last night's comments is a new source, so `aggregates` (and every dashboard
/// reading it) counts each repeated comment twice, and nothing said so.
///
/// Cheap by design, whatever the database holds: per source the run wrote, a sample of its comments (the first
/// `sampleSize` by key, with their texts), then one look-up of those keys in each other stored source, through the
/// primary key (`source`, `comment_key`); no query per comment and no scan of `comments`. A comment counts as
/// repeated when the other source has the same key and the same text: two branches' exports numbering their
/// comments alike (`1`, `2`, …) share ids but not texts, and stay quiet.
enum SourceOverlap {
    static let sampleSize = 256

    /// A warning per source of run `runID` most of whose sampled comments another source already holds.
    static func warnings(_ executor: any SQLExecutor, runID: String) throws -> [String] {
        let dialect = executor.dialect
        let runSources = try executor.query(
            "SELECT DISTINCT source FROM comments WHERE run_id = \(dialect.placeholder(1))", [.text(runID)])
            .compactMap { $0.first?.string }
        guard !runSources.isEmpty else { return [] }
        let stored = try SourceNames.storedNames(executor)
        var warnings = [String]()
        for source in runSources.sorted() {
            let sample = try executor.query(
                "SELECT comment_key, text FROM comments WHERE source = \(dialect.placeholder(1)) AND run_id = "
                    + "\(dialect.placeholder(2)) ORDER BY comment_key LIMIT \(sampleSize)",
                [.text(source), .text(runID)])
            var texts = [String: String]()
            for row in sample {
                if row.count == 2, let key = row[0].string, let text = row[1].string { texts[key] = text }
            }
            guard !texts.isEmpty else { continue }
            let keys = texts.keys.sorted()
            let inKeys = (0..<keys.count).map { dialect.placeholder($0 + 2) }.joined(separator: ", ")
            let lookUp = "SELECT comment_key, text FROM comments WHERE source = \(dialect.placeholder(1)) AND "
                + "comment_key IN (\(inKeys))"
            var repeated = Set<String>()
            var bySource = [(source: String, count: Int)]()
            for other in stored.sorted() where other != source {
                let rows = try executor.query(lookUp, [.text(other)] + keys.map { .text($0) })
                let same = rows.compactMap { row -> String? in
                    guard row.count == 2, let key = row[0].string, let text = row[1].string, texts[key] == text
                    else { return nil }
                    return key
                }
                guard !same.isEmpty else { continue }
                repeated.formUnion(same)
                bySource.append((other, same.count))
            }
            // Most of them: a few shared comments are not a repeated export.
            guard repeated.count * 2 > texts.count else { continue }
            bySource.sort { $0.count != $1.count ? $0.count > $1.count : $0.source < $1.source }
            let others = bySource.prefix(3).map { "\($0.source) (\($0.count))" }.joined(separator: ", ")
                + (bySource.count > 3 ? " and \(bySource.count - 3) more" : "")
            let checked = texts.count < sampleSize ? "the \(texts.count)" : "the first \(texts.count) by key of the"
            warnings.append("\(repeated.count) of \(checked) comments stored under source \(source) (same id, same "
                + "text) are already stored under source \(others): the aggregates count each of them twice. If "
                + "\(source) is a later export of the same comments, store it under the earlier name "
                + "(--source-name \(bySource[0].source)), or delete the other source's rows; if they are different "
                + "comments, ignore this")
        }
        return warnings
    }
}
