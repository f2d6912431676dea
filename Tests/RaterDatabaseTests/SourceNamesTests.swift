import Foundation
import RaterCore
import RaterSinks
import Testing

@testable import RaterDatabase

/// One file named three ways (`dir/tiny.csv`, `dir/./tiny.csv`, through a link to its folder) is one source: a rerun
/// under another spelling replaces the rows the first one stored. Databases made before sources were recorded
/// (rows under a spelling, no `sources` row, or no `sources` table at all) get no second copy either.
@Suite struct SourceNamesTests {
    final class Folder {
        let path: String
        let link: String

        init() throws {
            let base = NSTemporaryDirectory() + "rater-sources-\(UUID().uuidString)"
            path = base + "/exports"
            link = base + "/link"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
            try Data("id,text\n1,a\n2,b\n".utf8).write(to: URL(fileURLWithPath: path + "/tiny.csv"))
        }

        deinit { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    }

    /// A run over `input` (spelled as typed) of two comments: one with an export id, one keyed by its text.
    @discardableResult
    func run(_ scratch: Scratch, _ input: String, in directory: String) throws -> RunRecorder {
        var options = scratch.options(inputs: [input])
        options.currentDirectory = directory
        let recorder = try RunRecorder(options: options)
        try recorder.record { sink in
            try sink.write(comment("1", record: 1, source: input, text: "a"))
            try sink.write(comment(nil, record: 2, source: input, text: "b"))
            try sink.write(Rejection(source: input, recordNumber: 3, line: 4, byteOffset: 9,
                                     reason: .missingColumn(name: "text", columnCount: 1), raw: "3"))
            return .finished
        }
        return recorder
    }

    func rows(_ scratch: Scratch) throws -> [[SQLValue]] {
        try scratch.open().read {
            try $0.query("SELECT source, comment_key, id FROM comments ORDER BY source, comment_key", [])
                + $0.query("SELECT source, record, -1 FROM rejects ORDER BY source, record", [])
        }
    }

    func threeSpellings(_ kind: DatabaseKind) throws {
        let folder = try Folder()
        let scratch = try Scratch(kind)
        let first = folder.path + "/tiny.csv"
        try run(scratch, first, in: "/")
        let stored = try rows(scratch)
        #expect(stored.count == 3)
        for spelling in [folder.path + "/./tiny.csv", folder.link + "/tiny.csv", "tiny.csv"] {
            let recorder = try run(scratch, spelling, in: folder.path)
            #expect(try rows(scratch) == stored, "\(spelling)")
            #expect(recorder.sourceNotes.contains { $0.contains(spelling) && $0.contains(first) }, "\(spelling)")
        }
        // The text-keyed comment's made-up id is the stored name's, as a run under that name gives.
        #expect(stored.contains([.text(first), .text("sha256:" + SHA256Digest.hex(of: "b")), .text(first + ":2")]))
    }

    @Test func sqliteThreeSpellings() throws { try threeSpellings(.sqlite) }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage)) func postgresThreeSpellings() throws {
        try threeSpellings(.postgres)
    }

    /// Rows stored under `tiny.csv` by a build that did not record sources, run from the export's folder: tonight's
    /// `./tiny.csv` (or its absolute path) replaces them, resolving the stored spelling against the current folder.
    func olderDatabase(_ kind: DatabaseKind, dropTable: Bool) throws {
        let folder = try Folder()
        let scratch = try Scratch(kind)
        try run(scratch, "tiny.csv", in: folder.path)
        let stored = try rows(scratch)
        try scratch.open().transaction { executor in
            try executor.execute(dropTable ? "DROP TABLE sources" : "DELETE FROM sources", [])
            // The schema before: `runs` without the duplicate counts either.
            if dropTable {
                for column in ["duplicate_keys", "duplicates_replaced"] {
                    try executor.execute("ALTER TABLE runs DROP COLUMN \(column)", [])
                }
            }
        }
        try run(scratch, "./tiny.csv", in: folder.path)
        #expect(try rows(scratch) == stored)
        try run(scratch, folder.link + "/tiny.csv", in: "/")
        #expect(try rows(scratch) == stored)
    }

    @Test(arguments: [false, true]) func sqliteOlderDatabase(dropTable: Bool) throws {
        try olderDatabase(.sqlite, dropTable: dropTable)
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage), arguments: [false, true])
    func postgresOlderDatabase(dropTable: Bool) throws {
        try olderDatabase(.postgres, dropTable: dropTable)
    }

    /// Standard input is `-`, as before, and no file is recorded for it.
    @Test func standardInputIsUnchanged() throws {
        let scratch = try Scratch(.sqlite)
        try run(scratch, "-", in: "/")
        try run(scratch, "-", in: "/tmp")
        let sources = try scratch.open().read { try $0.query("SELECT DISTINCT source FROM comments", []) }
        #expect(sources == [[.text("-")]])
        #expect(try scratch.open().count(Schema.comments) == 2)
        #expect(try scratch.open().count(Schema.sources) == 0)
    }

    /// Two different files that a folder change gives one spelling (`export.csv` in two folders) stay one source,
    /// as before: the name is what keys rows when no stored path matches; the path recorded follows the file.
    @Test func theSameSpellingInAnotherFolderKeepsItsName() throws {
        let (one, two) = (try Folder(), try Folder())
        let scratch = try Scratch(.sqlite)
        try run(scratch, "tiny.csv", in: one.path)
        let recorder = try run(scratch, "tiny.csv", in: two.path)
        #expect(try scratch.open().count(Schema.comments) == 2)
        let paths = try scratch.open().read { try $0.query("SELECT source, path FROM sources", []) }
        let resolved = URL(fileURLWithPath: two.path + "/tiny.csv").resolvingSymlinksInPath().path
        #expect(paths == [[.text("tiny.csv"), .text(resolved)]])
        // A warning, not an info note: it may be another host's file replacing this one's rows.
        #expect(recorder.sourceWarnings.count == 1 && recorder.sourceWarnings[0].contains("and is now \(resolved)")
                    && recorder.sourceWarnings[0].contains("--source-name"), "\(recorder.sourceWarnings)")
        #expect(!recorder.sourceNotes.contains { $0.contains("now") })
    }

    /// A name given for the input (`--source-name`) keeps two files of one spelling apart, and comes before the
    /// name the file was stored under before, whose rows stay (noted).
    @Test func aGivenNameComesFirst() throws {
        let (one, two) = (try Folder(), try Folder())
        let scratch = try Scratch(.sqlite)
        var options = scratch.options(inputs: ["tiny.csv"])
        func run(in directory: String, as name: String?) throws -> RunRecorder {
            options.currentDirectory = directory
            options.sourceNames = name.map { ["tiny.csv": $0] } ?? [:]
            let recorder = try RunRecorder(options: options)
            try recorder.record { sink in
                try sink.write(comment("1", record: 1, source: "tiny.csv", text: "a"))
                try sink.write(comment(nil, record: 2, source: "tiny.csv", text: "b"))
                return .finished
            }
            return recorder
        }
        _ = try run(in: one.path, as: nil)
        let named = try run(in: one.path, as: "hostA")
        #expect(named.sourceNotes.contains { $0.contains("stay under that name") }, "\(named.sourceNotes)")
        _ = try run(in: two.path, as: "hostB")
        let sources = try scratch.open().read {
            try $0.query("SELECT source, count(*) FROM comments GROUP BY source ORDER BY source", [])
        }
        #expect(sources == [[.text("hostA"), .integer(2)], [.text("hostB"), .integer(2)], [.text("tiny.csv"), .integer(2)]])
        // A made-up id is made from the given name, as from any stored name.
        let ids = try scratch.open().read { try $0.query("SELECT id FROM comments WHERE source = 'hostB' ORDER BY id", []) }
        #expect(ids.contains([.text("hostB:2")]), "\(ids)")
    }
}
