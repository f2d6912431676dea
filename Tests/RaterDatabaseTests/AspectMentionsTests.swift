import Foundation
import RaterCore
import RaterSinks
import Testing

@testable import RaterDatabase

/// A comment's aspects (`aspect_mentions`) and profile-weighted service score (`comments.service_score`) are
/// written with it on every path, and replaced as a whole when it is written again.
@Suite struct AspectMentionsTests {
    /// `comment(id)` speaking to `aspects`, with `serviceScore`.
    static func result(_ id: String?, aspects: [Aspect], serviceScore: Double?) -> CommentResult {
        var result = comment(id, record: 1, text: "价格太贵，菜很好吃，位置偏")
        result.aspects = aspects.map { aspect in
            AspectSummary(aspect: aspect, label: aspect == .product ? .positive : .negative,
                          score: aspect == .product ? 0.7 : -0.6, mentions: 1,
                          evidence: [CueEvidence(cue: aspect.rawValue, clause: "clause of \(aspect.rawValue)")])
        }
        result.profile = ProfileSummary(name: "restaurant", version: "2", serviceScore: serviceScore)
        if serviceScore == nil { result.dimensions = [] }
        return result
    }

    /// Three runs over one comment: two aspects, then one of them, then none (and no dimension, so no service
    /// score). Keyed by an export id (`RunWriter`) or by its text (SQLite: staged, merged at the end).
    func rewrittenCommentLosesAspects(_ kind: DatabaseKind, exportID: Bool) throws {
        let scratch = try Scratch(kind)
        let runs: [([Aspect], Double?)] = [([.price, .product], 0.25), ([.product], -0.5), ([], nil)]
        for (aspects, serviceScore) in runs {
            try RunRecorder(options: scratch.options()).record { sink in
                try sink.write(Self.result(exportID ? "R1" : nil, aspects: aspects, serviceScore: serviceScore))
                return .finished
            }
            let database = try scratch.open()
            let stored = try database.read {
                try $0.query("SELECT aspect, label, score, mentions, evidence FROM aspect_mentions ORDER BY aspect", [])
            }
            #expect(stored == aspects.map { aspect in
                [.text(aspect.rawValue), .text(aspect == .product ? "positive" : "negative"),
                 .real(aspect == .product ? 0.7 : -0.6), .integer(1),
                 .text(#"[{"cue":"\#(aspect.rawValue)","clause":"clause of \#(aspect.rawValue)"}]"#)]
            }, "\(kind), export id \(exportID), \(aspects)")
            let comments = try database.read {
                try $0.query("SELECT profile, profile_version, service_score FROM comments", [])
            }
            #expect(comments == [[.text("restaurant"), .text("2"), SQLValue(serviceScore)]])
            #expect(try DatabaseReader.comments(in: database).map { $0.aspects.map(\.aspect) } == [aspects])
        }
    }

    @Test(arguments: [true, false]) func sqliteRewrittenCommentLosesAspects(exportID: Bool) throws {
        try rewrittenCommentLosesAspects(.sqlite, exportID: exportID)
    }
    @Test(.enabled(if: postgresAvailable, postgresSkipMessage), arguments: [true, false])
    func postgresRewrittenCommentLosesAspects(exportID: Bool) throws {
        try rewrittenCommentLosesAspects(.postgres, exportID: exportID)
    }
}
