import RaterDatabase

/// Which stored corrections judged a text their comment no longer has, and the SQL that leaves them out.
///
/// A comment is keyed by (source, comment_key), and a re-export may give a key another text ("the staff were great"
/// becomes "the staff were rude and slow"): the comments row is rewritten, the corrections are not. Each correction
/// keeps the SHA-256 of the text it judged (`corrections.text_sha256`), and one whose digest differs from the
/// digest of the comment's text now is stale.
///
/// The digests are compared here rather than in SQL because SQLite has no SHA-256 function. It is one pass over
/// the texts of the corrected comments (the corrections are what analysts typed, thousands at most; OpenSSL hashes
/// a megabyte in about a millisecond), each text hashed once however many corrections it has.
enum CorrectionStaleness {
    /// A stale correction and the comment it is on.
    struct Stale: Equatable {
        var seq: Int
        var source: String
        var key: String
    }

    /// Every stale correction, by `seq`.
    static func stale(_ executor: any SQLExecutor) throws -> [Stale] {
        let rows = try executor.query(
            "SELECT k.seq, k.source, k.comment_key, k.text_sha256, c.text FROM corrections k JOIN comments c ON "
                + "c.source = k.source AND c.comment_key = k.comment_key WHERE k.text_sha256 IS NOT NULL "
                + "ORDER BY k.source, k.comment_key, k.seq", [])
        var stale = [Stale]()
        var last: (source: String, key: String, digest: String)?
        for row in rows {
            guard let seq = row[0].int, let source = row[1].string, let key = row[2].string,
                  let judged = row[3].string else { continue }
            let digest: String
            if let last, last.source == source, last.key == key {
                digest = last.digest
            } else {
                digest = SHA256Digest.hex(of: row[4].string ?? "")
                last = (source, key, digest)
            }
            if digest != judged { stale.append(Stale(seq: seq, source: source, key: key)) }
        }
        return stale.sorted { $0.seq < $1.seq }
    }

    /// How `correction` (of a comment whose text has the digest `current`) stands.
    static func status(of correction: Correction, currentDigest current: String) -> CorrectionStatus {
        guard let judged = correction.textSHA256 else { return .unverified }
        return judged == current ? .current : .stale
    }

    /// An SQL condition on the correction aliased `alias`: true when it is one of `stale`.
    ///
    /// The numbers travel as one bound parameter, a JSON array read back by the database (`json_each` on SQLite,
    /// `json_array_elements_text` on PostgreSQL), so their count meets no limit on parameters and nothing is
    /// spliced into the statement.
    static func isStale(_ alias: String, _ stale: [Stale], _ parameters: inout SQLParameters) -> String {
        guard !stale.isEmpty else { return "1 = 0" }
        let list = parameters.add("[" + stale.map { String($0.seq) }.joined(separator: ",") + "]")
        switch parameters.dialect {
        case .sqlite:
            return alias + ".seq IN (SELECT j.value FROM json_each(" + list + ") j)"
        case .postgres:
            return alias + ".seq IN (SELECT CAST(j.value AS BIGINT) FROM json_array_elements_text(CAST(" + list
                + " AS JSON)) AS j(value))"
        }
    }

    /// An SQL condition on the correction aliased `alias`: true unless it is one of `stale` (the correction is
    /// applied; orphaned corrections are left out by the joins that use this).
    static func isApplied(_ alias: String, _ stale: [Stale], _ parameters: inout SQLParameters) -> String {
        stale.isEmpty ? "1 = 1" : "NOT (" + isStale(alias, stale, &parameters) + ")"
    }

    /// An SQL expression giving the correction aliased `alias` its `CorrectionStatus` (raw value).
    static func status(_ alias: String, _ stale: [Stale], _ parameters: inout SQLParameters) -> String {
        "CASE WHEN NOT EXISTS (SELECT 1 FROM comments c WHERE c.source = \(alias).source AND c.comment_key = "
            + "\(alias).comment_key) THEN 'orphaned' WHEN " + isStale(alias, stale, &parameters)
            + " THEN 'stale' WHEN \(alias).text_sha256 IS NULL THEN 'unverified' ELSE 'current' END"
    }
}
