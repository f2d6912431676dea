import Foundation
import RaterDatabase

/// A new, empty schema on the test server (`RATER_TEST_POSTGRES_URL`, set by `scripts/postgres-test-server.sh`),
/// reached through `search_path`, so that tests running at once never see each other's tables.
enum PostgresTestSchema {
    /// The test server's URL; nil when none runs, and the PostgreSQL half of a test is skipped.
    static let serverURL = ProcessInfo.processInfo.environment["RATER_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// A URL to a fresh schema named `prefix_…`; nil without a server.
    static func create(_ prefix: String) throws -> String? {
        guard let base = serverURL else { return nil }
        return try create(prefix, on: base).url
    }

    /// A fresh schema named `prefix_…` on the server at `base`, and a URL that reaches it through `search_path`.
    static func create(_ prefix: String, on base: String) throws -> (url: String, schema: String) {
        // The name is made here from a UUID, never from input: an identifier cannot be a parameter.
        let schema = prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresConnection(url: base).transaction { try $0.execute("CREATE SCHEMA \(schema)", []) }
        return (base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)", schema)
    }
}
