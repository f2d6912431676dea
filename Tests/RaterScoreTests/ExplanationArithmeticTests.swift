import Rater
import Testing

/// The explanation analysts read must add up: each term's base times the factors its rules show gives its weight.
/// Sentences written for these tests, one or more per rule.
@Suite struct ExplanationArithmeticTests {
    static let sentences = [
        "Why is the service so slow??", "Is the room clean?", "Is the staff rude?", "这家店服务很差吗?",
        "If the staff are rude, leave.", "如果服务差就别来了", "I hope the noise stops, it was terrible.",
        "Please be more careful", "请尽快处理,太慢了", "Can I get a refund for the broken kettle?",
        "not good", "not bad at all", "不是不好", "不是很好", "very good", "a bit slow", "有点慢",
        "The food was great but the service was terrible", "虽然价格贵,但是服务真的很周到",
        "The service was TERRIBLE!!", "sooo good", "Great room. Rude staff.",
        "It would have been lovely if the porter had been polite.", "要是客服回复快一点,就好了",
        "房价太高了", "The prices were way too high!", "价格不高",
        "The agent closed my ticket without fixing anything.", "师傅没修就走了", "The fees were low",
        "排队很长", "The queues were short", "I couldn't recommend them more", "I can't recommend this dentist more!",
        "They reversed the cancellation fee.", "客服免除了违约金", "They never waived the late fee.",
        "The gate changed and no one told the passengers.", "洗车才二十块钱", "Parking was only $5 for the whole day.",
        "退款两天就到账了，客服态度也很好",
    ]

    /// Replays a contribution's rules over its base.
    static func replay(_ contribution: Contribution, rules: ScoringRules) -> Double {
        var value = contribution.base
        for rule in contribution.rules {
            switch rule {
            case .negated: value *= value > 0 ? -rules.negatedPositive : -rules.negatedNegative
            case .doubleNegated: value *= rules.doubleNegation
            case let .intensified(_, factor), let .softened(_, factor), let .softNegated(_, factor),
                 let .afterContrast(_, factor), let .beforeContrast(_, factor), let .conceded(_, factor),
                 let .irrealis(_, _, factor), let .emphasis(_, factor), let .unsurpassed(_, factor),
                 let .negatedLean(_, factor):
                value *= factor
            case let .finalClause(factor): value *= factor
            case .priceScale: break  // the base is already the scale word's price valence
            case .quantityScale: break  // the base is already the scale word's valence on a quantity
            case .absentStaff: break  // the base is already the word of absence's valence on staff
            case .negatedAct: break  // the base is already the act's negated valence
            case .waitScale: break  // the base is already the scale word's valence
            case .measuredBy: value = 0
            case .remedy: break  // the base is already the act's valence on a charge
            case .remediedBy: value = 0
            case .cheapAmount: break  // the base is already what a small amount weighs
            case .recoveredTopic: value = 0
            case .unneeded: break  // the negator of need leaves the sign as it is
            }
        }
        return value
    }

    @Test(arguments: sentences)
    func everyWeightIsItsBaseTimesTheFactorsShown(_ text: String) throws {
        for contribution in try analyse(text).scored.contributions {
            let replayed = Self.replay(contribution, rules: ScoringRules())
            #expect(abs(replayed - contribution.weight) < 1e-9, "\(text): \(contribution.term) \(contribution.rules)")
        }
    }

    @Test func aComplaintInAQuestionShowsTheNegativeFactor() throws {
        let slow = try analyse("Why is the service so slow??").scored.contributions.first { $0.weight < 0 }
        #expect(slow?.rules.contains(.irrealis(role: "question", by: "?", factor: 0.5)) == true)
    }
}
