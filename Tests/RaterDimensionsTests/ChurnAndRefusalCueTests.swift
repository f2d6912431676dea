import Rater
import Testing

/// Loyalty and recovery cues written as patterns rather than single phrases (`Lexicons/{en,zh}/signals.tsv`): taking
/// one's own accounts or contract to another provider, any loyalty noun after "used to be", answers that say yes
/// without hesitating, refusing a remedy, 没人 + a remedial act, 以后还/下次还 + coming or buying here. Sentences
/// written for these tests, several industries.
@Suite struct ChurnAndRefusalCueTests {
    @Test(arguments: ["I'm moving my accounts to a credit union.", "We are switching our broadband to a rival provider.",
                      "I transferred my mortgage to another lender last month.", "Taking our business elsewhere."])
    func movingOnesAccountAwayIsChurn(_ text: String) throws {
        #expect(try signals(text).contains(.atRisk), "\(text)")
    }

    /// Moving a plan or an account within the same provider (a new bundle, another branch) is no churn: the move is
    /// churn only where the clause names a place outside (another bank, a rival, elsewhere).
    @Test(arguments: ["The agent helped me switch my plan to the family bundle, great service.",
                      "I am moving my account to the new branch near my office.",
                      "The adviser transferred my savings to a fixed-rate account at no cost.",
                      "We switched our broadband to the faster fibre package last week."])
    func movingWithinTheProviderIsNoChurn(_ text: String) throws {
        #expect(try !signals(text).contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["We moved our accounts here from a rival bank.", "I moved house last year."])
    func arrivingOrMovingHouseIsNoChurn(_ text: String) throws {
        #expect(try !signals(text).contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["Used to be our go-to spot.", "Used to be my usual place for a haircut.",
                      "This gym used to be our local, not anymore."])
    func lapsedLoyaltyNounIsChurn(_ text: String) throws {
        #expect(try signals(text).contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["Would I come back? In a heartbeat.", "Would we stay here again? Without hesitation.",
                      "Will I return? Without a doubt."])
    func answerWithoutHesitationIsLoyal(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.loyal), "\(text)")
        #expect(!found.contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["They refused to replace it.", "The garage refused to repair the damage they caused.",
                      "The airline refuses to compensate us for the cancelled flight."])
    func refusedRemedyIsUnresolved(_ text: String) throws {
        #expect(try signals(text).contains(.unresolved), "\(text)")
    }

    @Test(arguments: ["报修三天了没人上门", "投诉了一个星期也没人给个说法", "工单提交以后一直没人跟进"])
    func nobodyDidTheRemedyIsUnresolved(_ text: String) throws {
        #expect(try signals(text).contains(.unresolved), "\(text)")
    }

    @Test(arguments: ["东西不错，以后还在这买", "质量挺好，下次还在这家买"])
    func comingBackHereIsLoyal(_ text: String) throws {
        #expect(try signals(text).contains(.loyal), "\(text)")
    }

    @Test func anAdviceAboutLaterIsNoLoyalty() throws {
        #expect(try !signals("以后还要注意包装").contains(.loyal))
    }
}
