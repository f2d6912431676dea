import Foundation
import RaterCore
import Testing

@testable import RaterDatabase

/// `rater report --db` reads the stored comments a page at a time (`StoredComments`): pages of any size give every
/// comment whole, its dimension and aspect mentions and its signals attached to it and to no neighbour, none lost
/// or repeated at a page's edge; the rating-only answers likewise.
@Suite struct StoredCommentsTests {
    /// Nine comments in two sources, each speaking to a different mix of dimensions, aspects and signals, so that a
    /// mention read into the wrong page or matched to the wrong comment changes what comes back.
    static func comments() -> [CommentResult] {
        (1...9).map { record in
            var result = comment(record % 3 == 0 ? nil : "P\(record)", record: record,
                                 source: record <= 5 ? "a.csv" : "b.csv", text: "评论 \(record)")
            result.dimensions = record % 2 == 0 ? [] : [DimensionSummary(
                dimension: record % 4 == 1 ? .empathy : .reliability, label: .negative, score: -Double(record) / 10,
                mentions: record, evidence: [(cue: "cue \(record)", clause: "clause \(record)")])]
            result.aspects = record % 3 == 1 ? [] : [AspectSummary(
                aspect: .price, label: .positive, score: Double(record) / 10, mentions: 1,
                evidence: [CueEvidence(cue: "价 \(record)", clause: "clause \(record)")])]
            result.signals = record % 4 == 0
                ? [SignalSummary(value: .loyal, evidence: [CueEvidence(cue: "again \(record)", clause: "", negator: nil)]),
                   SignalSummary(value: .atRisk, evidence: [])]
                : []
            result.fields.sort { $0.name < $1.name }
            return result
        }
    }

    func paging(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        let written = Self.comments()
        try RunRecorder(options: scratch.options()).record { sink in
            for comment in written { try sink.write(comment) }
            try sink.write(RatingOnlyAnswer(source: "a.csv", recordNumber: 10, line: 11,
                                            fields: [Field("csat", "4"), Field("nps", "9")]))
            try sink.write(RatingOnlyAnswer(source: "b.csv", recordNumber: 11, line: 12, fields: [Field("csat", "2")]))
            return .finished
        }
        let database = try scratch.open()
        #expect(try DatabaseReader.comments(in: database) == written)
        let byKey = Dictionary(uniqueKeysWithValues: written.map { ("\($0.source) \($0.id)", $0) })
        for size in [1, 2, 4, 8, 9, 10, 4_096] {
            var read = [CommentResult]()
            try DatabaseReader.forEachComment(in: database, pageSize: size) { read.append($0) }
            #expect(read.count == written.count, "page size \(size)")
            for result in read { #expect(byKey["\(result.source) \(result.id)"] == result, "page size \(size)") }
            var answers = [RatingOnlyAnswer]()
            try DatabaseReader.forEachRatingAnswer(in: database, pageSize: size) { answers.append($0) }
            #expect(answers.map(\.recordNumber) == [10, 11], "page size \(size)")
            #expect(answers.first?.fields == [Field("csat", "4"), Field("nps", "9")])
        }
    }

    /// A nightly run that commits while a report pages through the database is in what the report reads whole or
    /// not at all: the report reads one snapshot (on PostgreSQL every statement saw the newest commit, so a page of
    /// comments could meet another run's mentions, and the answers another state than the comments; a code review).
    func oneSnapshot(_ kind: DatabaseKind) throws {
        let scratch = try Scratch(kind)
        func record(_ comments: [CommentResult], answer: RatingOnlyAnswer) throws {
            try RunRecorder(options: scratch.options()).record { sink in
                for comment in comments { try sink.write(comment) }
                try sink.write(answer)
                return .finished
            }
        }
        try record(Self.comments(), answer: RatingOnlyAnswer(source: "a.csv", recordNumber: 10, line: 11,
                                                             fields: [Field("csat", "4")]))
        var late = comment("L1", record: 1, source: "c.csv", text: "后来的评论")
        late.fields.sort { $0.name < $1.name }
        var comments = 0, answers = 0, committed = false
        try DatabaseReader.forEachStored(in: try scratch.open(), pageSize: 2, comment: { _ in
            comments += 1
            if !committed {
                committed = true
                try record([late], answer: RatingOnlyAnswer(source: "c.csv", recordNumber: 2, line: 3,
                                                            fields: [Field("csat", "5")]))
            }
        }, answer: { _ in answers += 1 })
        #expect(committed)
        #expect(comments == 9 && answers == 1, "\(comments) comments, \(answers) answers")
        #expect(try DatabaseReader.comments(in: try scratch.open()).count == 10)
        #expect(try DatabaseReader.ratingAnswers(in: try scratch.open()).count == 2)
    }

    @Test func sqliteReportReadsOneSnapshot() throws {
        try oneSnapshot(.sqlite)
    }

    @Test(.enabled(if: postgresAvailable, postgresSkipMessage))
    func postgresReportReadsOneSnapshot() throws {
        try oneSnapshot(.postgres)
    }

    @Test func sqlitePagesGiveEveryCommentWhole() throws {
        try paging(.sqlite)
    }

    @Test(.enabled(if: postgresAvailable, postgresSkipMessage))
    func postgresPagesGiveEveryCommentWhole() throws {
        try paging(.postgres)
    }
}
