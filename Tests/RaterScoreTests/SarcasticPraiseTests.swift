import Rater
import Testing

/// Praise the writer does not mean (`SarcasticPraise`): a lone exclamation of praise opening a sentence whose rest is a
/// complaint, or a praise word in scare quotes, counts as a complaint. Sincere praise beside good news, praise of a
/// thing and a recovery story read as before. Sentences written for these tests, from several industries.
@Suite struct SarcasticPraiseTests {
    @Test(arguments: ["Wonderful, the airline lost my suitcase again.",
                      "Fantastic, the pizza arrived cold and late.",
                      "Perfect, the dry cleaner ruined my only suit.",
                      "Oh great, the elevator is broken again.",
                      "太好了，快递又把包裹弄丢了。",
                      "真棒，空调又坏了。",
                      "太棒了，医院又让我们白等了一上午。"])
    func aLoneExclamationBeforeAComplaintIsSarcastic(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .negative, "\(text): \(sentiment.score)")
        #expect(try roles(text).contains("sarcasm"), "\(text)")
    }

    @Test(arguments: ["前台的服务真是太\"热情\"了。", "这家店的售后可真“专业”。",
                      "Such \"friendly\" staff at this bank.", "The repair shop was very 'reliable' as always."])
    func praiseInScareQuotesIsSarcastic(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .negative, "\(text): \(sentiment.score)")
        #expect(try roles(text).contains("sarcasm"), "\(text)")
    }

    /// A marker of sarcasm as a clause of its own ("yeah right") turns the praise of its sentence. 呵呵 is no such marker:
    /// in long restaurant reviews it is mostly friendly laughter beside sincere praise.
    @Test(arguments: ["Yeah right, the best support in town.", "Yeah right, super friendly staff."])
    func praiseBesideAMarkerOfSarcasmIsAComplaint(_ text: String) throws {
        let sentiment = try analyse(text).scored.sentiment
        #expect(sentiment.label == .negative, "\(text): \(sentiment.score)")
        #expect(try roles(text).contains("sarcasm"), "\(text)")
    }

    @Test(arguments: ["这家的鱼很鲜美，呵呵，下次还来。", "呵呵，服务员很热情。"])
    func laughterIsNoSarcasm(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }

    /// Sincere praise: before good news, of a thing ("Great food"), a recovery story, a turn ("but").
    @Test(arguments: ["Wonderful, the plumber arrived on time.", "Perfect, the package came a day early.",
                      "太好了，快递提前一天到了。", "真棒，师傅一次就修好了。",
                      "Excellent, they replaced the broken screen for free.",
                      "Great food, slow service.", "Great, but the parking was hard to find.",
                      "The staff were friendly and the room was clean."])
    func sincerePraiseIsNoSarcasm(_ text: String) throws {
        #expect(try !roles(text).contains("sarcasm"), "\(text)")
    }

    @Test(arguments: ["Wonderful, the plumber arrived on time.", "太好了，快递提前一天到了。"])
    func sincerePraiseStaysPositive(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }

    /// Thanks for nothing received is the idiom of a complaint (it read +2 through "thanks for").
    @Test(arguments: ["Thanks for nothing.", "Thank you for nothing, support team."])
    func thanksForNothingIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    /// The irrealis roles of every term's rules (`sarcasm` among them).
    private func roles(_ text: String) throws -> Set<String> {
        Set(try analyse(text).scored.contributions.flatMap { contribution in
            contribution.rules.compactMap { rule -> String? in
                if case let .irrealis(role, _, _) = rule { return role }
                return nil
            }
        })
    }
}
