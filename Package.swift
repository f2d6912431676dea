// swift-tools-version:6.1
// Rater: customer comments in, service-quality intelligence out.
//
// The pipeline is one module per stage, and data flows one way:
//   RaterIngest → RaterNormalize → RaterSegment → RaterScore → RaterDimensions → RaterAggregate → RaterSinks
// RaterCore holds the Sendable value types that travel between stages; RaterLexicon holds the lexicon files'
// data model and the byte-level matcher that the scoring and dimension stages share. `Rater` wires the stages
// into a pipeline for Swift users; `rater` is the command-line tool.
import PackageDescription

let package = Package(
    name: "Rater",
    products: [
        .library(name: "Rater", targets: ["Rater"]),
        .executable(name: "rater", targets: ["rater"]),
        .executable(name: "rater-fuzz", targets: ["RaterFuzz"]),
        .executable(name: "rater-bench", targets: ["RaterBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The review workspace's HTTP server (`rater serve`). Without swift-configuration (not used), with full
        // Foundation for the form decoder.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1",
                 traits: ["FullFoundation"]),
        // Already in Hummingbird's graph; named for NIOCore's `Channel` (the bound port when serving on port 0).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        // Also in Hummingbird's graph; named for header field names (`HTTPField.Name`).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // System libraries, found through pkg-config (Debian: pkg-config, libicu-dev, libxml2-dev, zlib1g-dev).
        .systemLibrary(name: "CICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The database sinks: libpq for PostgreSQL, OpenSSL's libcrypto for the manifest's SHA-256 (Debian: libpq-dev,
        // libssl-dev). SQLite comes through GRDB (libsqlite3-dev).
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // ICU's headers clash with Foundation's private ICU copy, so Swift never sees them: this C facade
        // exposes only <stdint.h> types and opaque handles.
        .target(name: "CRaterICU", dependencies: ["CICU"]),

        .target(name: "RaterCore"),
        .target(name: "RaterIngest", dependencies: ["RaterCore", "CLibXML2", "CRaterICU", "CZlib"]),
        .target(name: "RaterNormalize", dependencies: ["RaterCore", "CRaterICU"]),
        .target(name: "RaterSegment", dependencies: ["RaterCore", "CRaterICU"]),
        // RaterNormalize: lexicon terms and context conditions are normalised as comments are (NFKC, apostrophes,
        // invisible characters, Traditional → Simplified), or some would never match.
        .target(name: "RaterLexicon", dependencies: ["RaterCore", "RaterSegment", "RaterNormalize"]),
        .target(name: "RaterScore", dependencies: ["RaterCore", "RaterNormalize", "RaterSegment", "RaterLexicon"]),
        .target(name: "RaterDimensions", dependencies: ["RaterCore", "RaterSegment", "RaterLexicon", "RaterScore"]),
        .target(name: "RaterAggregate", dependencies: ["RaterCore"]),
        .target(name: "RaterSinks", dependencies: ["RaterCore", "RaterAggregate", "CLibCrypto"], exclude: ["Schema"]),
        // sqlite3_config, which Swift cannot call (variadic); linked against the system SQLite that GRDB uses.
        .target(name: "CRaterSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        // SQLite (GRDB) and PostgreSQL (libpq) sinks over one description of the tables, and the run manifest.
        .target(name: "RaterDatabase", dependencies: [
            "RaterCore", "RaterAggregate", "RaterSinks", "CLibPQ", "CLibCrypto", "CRaterSQLite", .product(name: "GRDB", package: "GRDB.swift"),
            // GRDB's own module for SQLite's C API: the per-comment writes bind values directly (WriteStatements).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        .target(name: "Rater", dependencies: [
            "RaterCore", "RaterIngest", "RaterNormalize", "RaterSegment", "RaterLexicon",
            "RaterScore", "RaterDimensions", "RaterAggregate", "RaterSinks",
        ]),
        // The HTML satisfaction report: an escaping-by-construction HTML builder, inline SVG charts, labels in Chinese
        // and English, over an aggregation and samples of terms and comments.
        .target(name: "RaterReport", dependencies: ["RaterCore", "RaterAggregate", "Rater"]),
        // The analysts' review workspace: queries and the append-only corrections over the results database, pages
        // built with the report's escaping HTML builder, and a Hummingbird server bound to loopback.
        .target(name: "RaterReview", dependencies: [
            // RaterNormalize: the search text is normalised as stored comments are (NFKC, Traditional → Simplified).
            "RaterCore", "RaterDatabase", "RaterNormalize", "RaterReport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "rater", dependencies: [
            "Rater", "RaterDatabase", "RaterReport", "RaterReview",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Fuzz targets for the readers and the encoding detector: scripts/fuzz.sh builds them with libFuzzer; a
        // normal build replays a corpus through the same checks.
        .executableTarget(name: "RaterFuzz", dependencies: ["RaterIngest", "RaterLexicon"]),
        // Throughput of each layer on one input (scripts/bench.sh); a release-build tool, not a test.
        .executableTarget(name: "RaterBench", dependencies: [
            "Rater", "RaterDatabase", "RaterSegment", "RaterSinks",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], path: "Benchmarks/RaterBench"),

        .testTarget(name: "RaterIngestTests", dependencies: ["RaterIngest"]),
        .testTarget(name: "RaterNormalizeTests", dependencies: ["RaterNormalize", "CRaterICU", "RaterTestSupport"]),
        .testTarget(name: "RaterSegmentTests", dependencies: ["RaterSegment"]),
        .testTarget(name: "RaterLexiconTests", dependencies: ["RaterLexicon", "RaterNormalize", "RaterTestSupport"]),
        .testTarget(name: "RaterScoreTests", dependencies: ["Rater", "RaterTestSupport"]),
        .testTarget(name: "RaterDimensionsTests", dependencies: ["Rater", "RaterDimensions", "RaterTestSupport"]),
        .testTarget(name: "RaterAggregateTests", dependencies: ["RaterAggregate", "RaterTestSupport"]),
        .testTarget(name: "RaterSinksTests", dependencies: ["RaterSinks"]),
        // PostgreSQL tests run when RATER_TEST_POSTGRES_URL names a server (.ci/run starts a throwaway one).
        // A test-only SQLite VFS that fails the staging database's writes on demand: a full disk under it alone.
        .target(name: "CRaterFaultVFS", path: "Tests/CRaterFaultVFS", linkerSettings: [.linkedLibrary("sqlite3")]),
        .testTarget(name: "RaterDatabaseTests", dependencies: ["RaterDatabase", "CRaterFaultVFS"]),
        .testTarget(name: "RaterEndToEndTests", dependencies: ["Rater", "RaterNormalize"]),
        // The report: escaping, chart geometry, numbers against the aggregates, well-formedness, and a render in
        // headless Chromium (skipped when it is not installed; .ci/run installs it) whose PNG is decoded with zlib.
        // Shared by the page tests: the W3C Nu validator runner and the Chromium locator.
        .target(name: "RaterTestSupport", path: "Tests/RaterTestSupport"),
        .testTarget(name: "RaterReportTests", dependencies: ["RaterReport", "CZlib", "RaterTestSupport"]),
        // The review workspace: store queries and corrections, page escaping, every endpoint over a live loopback
        // server, and an end-to-end run in headless Chromium driven over the DevTools protocol.
        .testTarget(name: "RaterReviewTests", dependencies: ["RaterReview", "RaterDatabase", "Rater", "RaterTestSupport"]),
        // Runs the built `rater` and `rater-fuzz` executables (exit codes, pipes, memory, fuzz corpus replay);
        // depending on them makes SwiftPM build them.
        .testTarget(name: "RaterCLITests", dependencies: ["rater", "RaterFuzz", "RaterDatabase", "RaterReview"]),
    ]
)
