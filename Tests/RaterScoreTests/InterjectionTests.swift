import Rater
import Testing

/// An interjection that is an ordinary phrase elsewhere (我去, slang for "damn", literally "I go"; kind `interjection`)
/// counts only where it stands alone in its clause; at the start of an ordinary sentence (我去银行办事, "I went to the
/// bank") it is no term. Sentences written for these tests.
@Suite struct InterjectionTests {
    private func terms(_ text: String) throws -> [String] {
        try analyse(text).scored.contributions.map(\.term)
    }

    @Test(arguments: ["我去银行办事", "周末我去商场逛了逛", "明天我去取快递"])
    func anOrdinaryVerbPhraseIsNoSlang(_ text: String) throws {
        #expect(try !terms(text).contains("我去"), "\(text)")
    }

    @Test func anErrandIsNoComplaint() throws {
        #expect(try label("我去银行办事") != .negative)
    }

    @Test(arguments: ["我去！", "我去，这也太离谱了", "我去 又坏了", "我去😂"])
    func slangStandingAloneStillCounts(_ text: String) throws {
        #expect(try terms(text).contains("我去"), "\(text)")
    }
}

/// An interjection refused inside a sentence gives back the term it hid: 我去 took the 去 of 去了, 去维修, 去拿,
/// 去实体 and was then dropped, so none of them was seen. Sentences written for these tests, from shops, repairs,
/// deliveries and banks.
@Suite struct RefusedInterjectionScoringTests {
    @Test(arguments: [("这款我去了三家店都说没货", "去了"), ("空调坏了我去维修点跑了两趟", "去维修"),
                      ("周末我去拿快递，箱子被压扁了", "去拿"), ("我去实体店看过同款，便宜一百", "去实体"),
                      ("上周我去了营业厅，排了一上午", "去了")])
    func theHiddenTermIsFound(_ text: String, hidden: String) throws {
        let terms = try analyse(text).scored.contributions.map(\.term)
        #expect(terms.contains(hidden), "\(text): \(terms)")
        #expect(!terms.contains("我去"), "\(text): \(terms)")
    }
}
