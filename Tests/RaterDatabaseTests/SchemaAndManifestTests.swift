import Foundation
import Testing

@testable import RaterDatabase

@Suite struct SchemaAndManifestTests {
    /// The README documents every table and column (the "Database schema" section).
    @Test func readmeDocumentsEveryColumn() throws {
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "## Database schema") else {
            Issue.record("README.md has no '## Database schema' section")
            return
        }
        let section = readme[start.upperBound...]
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        let text = String(section[..<end])
        for table in Schema.tables {
            #expect(text.contains("`\(table.name)`"), "table \(table.name) is not documented")
            for column in table.columns {
                #expect(text.contains("`\(column.name)`"), "column \(table.name).\(column.name) is not documented")
            }
            for index in table.indexes { #expect(text.contains(index.name), "index \(index.name) is not documented") }
        }
    }

    @Test func statementsAreParameterised() {
        let sqlite = Schema.comments.upsertStatement(.sqlite)
        let postgres = Schema.comments.upsertStatement(.postgres)
        #expect(sqlite.hasPrefix("INSERT INTO comments (source, comment_key, id,"))
        #expect(sqlite.contains("VALUES (?, ?, ?,") && sqlite.contains("ON CONFLICT (source, comment_key) DO UPDATE"))
        #expect(postgres.contains("VALUES ($1, $2, $3,") && postgres.contains("$\(Schema.comments.columns.count))"))
        #expect(!sqlite.contains("excluded.source") && sqlite.contains("text = excluded.text"))
    }

    @Test func sha256KnownAnswers() throws {
        #expect(SHA256Digest.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let path = NSTemporaryDirectory() + "rater-sha-\(UUID().uuidString)"
        let big = [UInt8](repeating: 0x61, count: 3 << 20)  // three 1 MiB chunks
        try Data(big).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let digest = try SHA256Digest.file(path)
        #expect(digest.bytes == big.count && digest.sha256 == SHA256Digest.hex(of: big))
    }

    /// A comment is keyed by its own id unless the id is the one Rater made, `source:record`, exactly.
    @Test func exportIDsAreToldFromMadeOnes() {
        #expect(!Rows.hasExportID(id: "data/a.csv:12", source: "data/a.csv", recordNumber: 12))
        #expect(!Rows.hasExportID(id: "西湖.csv:7", source: "西湖.csv", recordNumber: 7))
        #expect(Rows.hasExportID(id: "B12", source: "data/a.csv", recordNumber: 12))
        #expect(Rows.hasExportID(id: "data/a.csv:012", source: "data/a.csv", recordNumber: 12))
        #expect(Rows.hasExportID(id: "data/a.csv:1", source: "data/a.csv", recordNumber: 12))
        #expect(Rows.hasExportID(id: "data/a.csv:123", source: "data/a.csv", recordNumber: 12))
        #expect(Rows.hasExportID(id: "data/a.csv;12", source: "data/a.csv", recordNumber: 12))
        #expect(Rows.hasExportID(id: "data/b.csv:12", source: "data/a.csv", recordNumber: 12))
        #expect(Rows.hasExportID(id: "data/a.csv:", source: "data/a.csv", recordNumber: 12))
        #expect(Rows.hasExportID(id: "data/a.csv", source: "data/a.csv", recordNumber: 12))
        #expect(Rows.hasExportID(id: "", source: "-", recordNumber: 1))
        #expect(!Rows.hasExportID(id: "-:1", source: "-", recordNumber: 1))
    }

    @Test func groupKeysAreUnambiguous() {
        #expect(Rows.groupKey([]) == "")
        #expect(Rows.groupKey([.init("branch", "西湖店"), .init("channel", "app")]) == "branch=西湖店; channel=app")
        #expect(Rows.groupKey([.init("a", "x; b=y")]) != Rows.groupKey([.init("a", "x"), .init("b", "y")]))
    }

    @Test func manifestFileAndRunRow() throws {
        let folder = NSTemporaryDirectory() + "rater-manifest-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: folder + "in.csv"))
        try Data("好\t2\n".utf8).write(to: URL(fileURLWithPath: folder + "lexicon.tsv"))
        let options = RunRecorder.Options(sqlitePath: folder + "db.sqlite", manifestPath: folder + "run.json",
                                          inputs: [folder + "in.csv", "-"], lexiconFiles: [folder + "lexicon.tsv"])
        let manifest = try RunRecorder(options: options).record { sink in
            try sink.write(comment("A", record: 1))
            return .finished
        }
        let written = try RunManifest.decode(String(contentsOfFile: folder + "run.json", encoding: .utf8))
        #expect(written == manifest)
        #expect(written.inputs == [.init(path: folder + "in.csv", bytes: 8, sha256: SHA256Digest.hex(of: "a,b\n1,2\n")),
                                   .init(path: "-", bytes: nil, sha256: nil)])
        #expect(written.lexicons.first?.sha256 == SHA256Digest.hex(of: "好\t2\n"))
        #expect(written.lexiconVersion?.hasPrefix("sha256:") == true)
        #expect(written.status == "complete" && written.exitCode == 0 && written.counts.analysed == 1)
        #expect(written.outputs["sqlite"] == folder + "db.sqlite")
        let json = try String(contentsOfFile: folder + "run.json", encoding: .utf8)
        #expect(json.contains("\"lexicon_version\"") && json.contains("\"hashing_seconds\""))
    }

    @Test func passwordsStayOutOfManifests() {
        #expect(PostgresConnection.redacted("postgresql://rater:secret@db.example:5432/x") ==
                    "postgresql://rater:***@db.example:5432/x")
        #expect(!PostgresConnection.redacted("postgresql://h/x?password=secret").contains("secret"))
    }

    /// Inputs that are not regular files are read once, by the analysis: the digest pass leaves them alone (a pipe
    /// read here would reach the analysis empty) and the manifest says why they have no digest.
    @Test func onlyRegularFilesAreDigested() throws {
        let file = NSTemporaryDirectory() + "rater-digest-\(UUID().uuidString).txt"
        try Data("abc\n".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let digests = try RunManifest.digests([file, "/dev/null", "-"])
        #expect(digests[0] == .init(path: file, bytes: 4, sha256: SHA256Digest.hex(of: "abc\n")))
        #expect(digests[1] == .init(path: "/dev/null", bytes: nil, sha256: nil, note: RunManifest.notDigestedNote))
        #expect(digests[2] == .init(path: "-", bytes: nil, sha256: nil))
    }

    /// Every form libpq takes, with and without a password: the password never survives, the rest does.
    @Test func passwordsAreCutFromEveryFormOfConnectionString() {
        let cases: [(String, String)] = [
            ("postgresql://rater:s3cret@db.example:5432/x", "postgresql://rater:***@db.example:5432/x"),
            ("postgres://rater:s3cret@db.example/x", "postgres://rater:***@db.example/x"),
            ("postgresql://rater:s3cret@10.0.0.1:5432,10.0.0.2:5433/x",
             "postgresql://rater:***@10.0.0.1:5432,10.0.0.2:5433/x"),
            ("postgresql://rater:s3cret@[::1]:5432,[::2]:5433/x?target_session_attrs=read-write",
             "postgresql://rater:***@[::1]:5432,[::2]:5433/x?target_session_attrs=read-write"),
            ("postgresql://rater:s%40cr%2Fet@h1,h2/x", "postgresql://rater:***@h1,h2/x"),
            ("postgresql://h1,h2/x?user=rater&password=s3cret&sslmode=require",
             "postgresql://h1,h2/x?user=rater&password=***&sslmode=require"),
            ("postgresql://rater@h/x?sslpassword=s3cret", "postgresql://rater@h/x?sslpassword=***"),
            ("postgresql://rater@h1:5432,h2:5432/x", "postgresql://rater@h1:5432,h2:5432/x"),
            ("host=h1,h2 port=5432,5433 user=rater password=s3cret dbname=x",
             "host=h1,h2 port=5432,5433 user=rater password=*** dbname=x"),
            ("host=h user=rater password = 's3 cr\\'et' dbname=x", "host=h user=rater password=*** dbname=x"),
            ("password=s3cret host=h", "password=*** host=h"),
            ("host=h dbname=x", "host=h dbname=x"),
        ]
        for (url, expected) in cases {
            let shown = PostgresConnection.redacted(url)
            #expect(shown == expected, "\(url)")
            #expect(!shown.contains("s3") && !shown.contains("cr%2Fet"), "\(url) → \(shown)")
        }
        // Forms the scan cannot cut cleanly are not shown at all.
        for url in ["postgresql://rater:s3?cret@h/x", "host=h password='s3cret", "postgresql://rater:rater@h/x"] {
            let shown = PostgresConnection.redacted(url)
            #expect(!shown.contains("s3") && !shown.contains(":rater@"), "\(url) → \(shown)")
        }
    }

    /// libpq's own messages about a string it cannot read quote the part it could not read, which may be the
    /// password; those quotes are dropped.
    @Test func libpqMessagesLoseTheSecret() {
        #expect(PostgresConnection.scrubbed("password \"s3cret\" rejected", connectionString: "host=h password=s3cret")
            == "password \"***\" rejected")
        #expect(!PostgresConnection.scrubbed("missing \"=\" after \"s3cret\" in connection info string",
                                             connectionString: "host=h s3cret").contains("s3cret"))
    }
}
