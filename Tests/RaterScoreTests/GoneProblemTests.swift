import Rater
import Testing

/// A problem said to have gone away (`GoneProblem`: a word of going right after a complaint in its clause) is no
/// complaint: the complaint is taken back, mild praise. A member of staff gone, a word between that names something
/// else, and 没了 inside a word (没了解) read as before. Sentences written for these tests, from several industries.
@Suite struct GoneProblemTests {
    @Test(arguments: ["师傅来过以后，墙角的霉斑不见了。", "开窗通风以后，异味没了。", "关上窗户，噪音消失了。",
                      "The leak is gone now.", "The mould disappeared after one treatment.",
                      "The carpet stains are finally gone.", "By Friday the pain had stopped."])
    func aProblemThatWentAwayIsNoComplaint(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .positive, "\(text): \(sentiment.score)")
        #expect(try roles(text).contains("gone"), "\(text)")
    }

    @Test(arguments: ["点完菜服务员就不见了。", "The rude waiter stopped by twice.", "客服没了解清楚就挂了电话。",
                      "The waiter vanished after taking our order."])
    func nothingElseIsTakenBack(_ text: String) throws {
        #expect(try !roles(text).contains("gone"), "\(text)")
        #expect(try label(text) == .negative, "\(text)")
    }

    private func roles(_ text: String) throws -> Set<String> {
        Set(try analyse(text).scored.contributions.flatMap { contribution in
            contribution.rules.compactMap { rule -> String? in
                if case let .irrealis(role, _, _) = rule { return role }
                return nil
            }
        })
    }
}
