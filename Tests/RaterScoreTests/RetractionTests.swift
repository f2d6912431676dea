import Rater
import Testing

/// A lone retraction ("not anymore", "no longer", `IrrealisRole.retraction`) takes back the clause before it, which
/// then reads as a bygone state, as with "used to". Sentences written for these tests, from several industries.
@Suite struct RetractionTests {
    @Test(arguments: ["I loved this gym, not anymore.", "Great bakery, but not anymore.",
                      "It was my favourite hotel in town. Not anymore.", "This bank was reliable. No longer."])
    func praiseTakenBackIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try rules(text).contains("irrealis"), "\(text)")
    }

    /// Praise taken back is no loyalty.
    @Test func aFavouriteTakenBackIsNotLoyal() throws {
        let signals = try analyse("It was my favourite cafe. Not anymore.").report.signals
        #expect(!signals.contains { $0.value == .loyal }, "\(signals)")
    }

    /// Inside a longer clause the marker retracts nothing and still negates what follows it.
    @Test(arguments: ["The staff are lovely and the rooms are not anymore noisy", "The food is great, I no longer wait for a table"])
    func aMarkerInsideAClauseRetractsNothing(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }
}

/// Chinese takes praise back with a lapse ending after a word for the present (`IrrealisRole.lapse` after
/// `IrrealisRole.present`): 以前很喜欢，现在不了 reads as "used to", as "I loved it, not anymore" does. The ending alone
/// (不了, 不会了) is an everyday phrase and retracts nothing; inside a clause (不了解) it is no term at all. Sentences
/// written for these tests, from gyms, restaurants, banks, hotels and shops.
@Suite struct ChineseRetractionTests {
    @Test(arguments: ["以前很喜欢这家健身房，现在不了", "这家面馆以前特别好吃，但现在不会了。",
                      "原来是我最满意的银行，如今不是了", "酒店以前停车很方便，现在没有了"])
    func praiseTakenBackIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try rules(text).contains("irrealis"), "\(text)")
    }

    /// Without a word for the present the ending takes nothing back (谢谢，不了 declines an offer).
    @Test(arguments: ["服务很热情，谢谢，不了", "东西很好，谢谢，不了"])
    func anEndingAloneRetractsNothing(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
        #expect(try !rules(text).contains("irrealis"), "\(text)")
    }

    /// Inside a clause the ending is no term: the negator is matched as before.
    @Test(arguments: [("客服现在不了解情况", "不"), ("经理说现在不会了解这些问题", "不会"), ("现在不了，下次再说", "不了")])
    func anEndingInsideAClauseIsNoTerm(_ text: String, negator: String) throws {
        let scored = try analyse(text).scored
        let matched = scored.matches.map { sharedEngine.scorer.matcher.terms[Int($0.entry)] }
        #expect(matched.contains(negator), "\(text): \(matched)")
    }

    /// 受不了, 少不了, 免不了 keep their own readings.
    @Test(arguments: ["等了两个小时，真受不了", "这种态度以后少不了投诉", "排队免不了，但服务很快"])
    func longerWordsAreUntouched(_ text: String) throws {
        #expect(try !rules(text).contains("irrealis"), "\(text)")
    }
}

/// A complaint taken back (以前经常断网，现在没有了; "the app kept crashing, but not anymore") says things got better:
/// under a retraction a negative term reads as mild praise (×`ScoringRules.retractedComplaint`), the mirror of praise
/// taken back. A plain "used to" keeps half of a complaint: it does not say the fault is gone. Sentences written for
/// these tests, from broadband, banks, couriers, apps and hotels.
@Suite struct RetractedComplaintTests {
    @Test(arguments: ["以前经常断网，现在没有了", "以前排队很长，现在不会了", "快递以前经常丢件，现在没有了",
                      "The app kept crashing, but not anymore.", "The lifts were always broken, not anymore."])
    func aComplaintTakenBackIsNoComplaint(_ text: String) throws {
        #expect(try label(text) != .negative, "\(text)")
        #expect(try score(text) > 0, "\(text)")
    }

    @Test(arguments: ["The staff used to be rude.", "以前经常断网"])
    func aPastComplaintAloneStaysAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }
}
