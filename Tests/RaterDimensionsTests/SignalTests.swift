import Rater
import Testing

/// Expectation, recovery and loyalty signals, with negation respected.
@Suite struct SignalTests {
    @Test(arguments: [
        ("比预期好多了,很满意", SignalValue.exceeded),
        ("没想到这么好吃", .exceeded),
        ("本以为会很好,结果很一般", .fellShort),
        ("完全不如预期", .fellShort),
        ("和描述一样,符合预期", .met),
        ("It was better than expected", .exceeded),
        ("Honestly not what I expected, the room was tiny", .fellShort),
        ("We were so disappointed", .fellShort),
        ("Exactly as described", .met),
    ])
    func expectation(_ text: String, _ expected: SignalValue) throws {
        #expect(try signals(text).contains(expected), "\(text)")
    }

    @Test(arguments: [
        ("店长当面道歉,还给了补偿", SignalValue.recovered),
        ("第二天就退款了", .recovered),
        ("投诉了三次,到现在还没解决", .unresolved),
        ("问题一直没有解决", .unresolved),
        ("They apologised and refunded the whole order", .recovered),
        ("The engineer fixed it quickly", .recovered),
        ("I emailed twice and they never got back to me", .unresolved),
        ("The issue is still not resolved", .unresolved),
        ("交换机故障,一个小时就恢复业务了", .recovered),
        ("Service was restored within the hour", .recovered),
    ])
    func recovery(_ text: String, _ expected: SignalValue) throws {
        #expect(try signals(text).contains(expected), "\(text)")
    }

    @Test(arguments: [
        ("下次还会再来", SignalValue.loyal),
        ("强烈推荐给朋友", .loyal),
        ("已经回购三次了", .loyal),
        ("再也不来了", .atRisk),
        ("准备换一家试试", .atRisk),
        ("不会再来了", .atRisk),
        ("不推荐", .atRisk),
        ("We will be back next month", .loyal),
        ("I highly recommend this place", .loyal),
        ("Never again.", .atRisk),
        ("We are switching to another provider", .atRisk),
        ("I would not recommend them", .atRisk),
        ("I won't be back", .atRisk),
    ])
    func loyalty(_ text: String, _ expected: SignalValue) throws {
        #expect(try signals(text) == [expected], "\(text)")
    }

    /// Loyalty in the past tense has lapsed; the same words in the present are loyal.
    @Test(arguments: [
        ("It used to be my favorite bakery, the new owners ruined it", SignalValue.atRisk),
        ("Used to be a regular here until the prices doubled", .atRisk),
        ("We used to come here every Friday", .atRisk),
        ("This bakery is my favorite on the street", .loyal),
        ("以前经常来这家吃早饭", .atRisk),
        ("以前是老顾客，现在不来了", .atRisk),
        ("老顾客了，每周都来", .loyal),
    ])
    func pastLoyaltyIsAtRisk(_ text: String, _ expected: SignalValue) throws {
        #expect(try signals(text).filter { $0.kind == .loyalty } == [expected], "\(text)")
    }

    @Test func negationIsInTheEvidence() throws {
        let signal = try #require(try report("I would not recommend them").signals.first)
        #expect(signal.value == .atRisk)
        #expect(signal.evidence.first?.cue == "recommend")
        #expect(signal.evidence.first?.negator == "not")
    }

    /// In Chinese a negator reaches a cue up to three characters after it. Characters, not scalars: with combining
    /// marks (which no precomposed form absorbs) three characters are six scalars and still within reach.
    @Test func aNegatorReachesThreeCharactersAhead() throws {
        #expect(try signals("不给他们推荐") == [.atRisk])
        #expect(try signals("不给他们这推荐") == [.loyal])
        #expect(try signals("不他\u{301}们\u{301}这\u{301}推荐") == [.atRisk])
        #expect(try signals("不他\u{301}们\u{301}这\u{301}些\u{301}推荐") == [.loyal])
    }

    @Test func askingOrHopingForARecoveryMeansItHasNotHappened() throws {
        #expect(try signals("希望尽快退款") == [.unresolved])
        #expect(try signals("I hope they refund me") == [.unresolved])
        #expect(try signals("Did they ever apologise?") == [.unresolved])
    }

    @Test func aConditionalReturnIsNotLoyaltyButAConditionalThreatIsChurn() throws {
        #expect(try signals("如果价格再低一点还会再来") == [])
        #expect(try signals("如果再这样就换一家") == [.atRisk])
        #expect(try signals("Will we be back?") == [])
    }

    @Test func aPlainCommentHasNoSignals() throws {
        #expect(try signals("房间很大,早餐一般").isEmpty)
        #expect(try signals("The room was big and breakfast was fine").isEmpty)
    }

    @Test func readingsAreTurnedByNegation() {
        #expect(SignalValue.loyal.negated == .atRisk)
        #expect(SignalValue.recovered.negated == .unresolved)
        #expect(SignalValue.exceeded.negated == .fellShort)
        #expect(SignalValue.fellShort.negated == .met)
        #expect(SignalKind.expectation.reading(positive: false) == .fellShort)
    }
}

/// Return and come-again phrasings, with negation and "never".
@Suite struct LoyaltyVariantTests {
    @Test(arguments: [
        ("We will never come again", SignalValue.atRisk),
        ("I won't visit again", .atRisk),
        ("We will not return", .atRisk),
        ("I would never return to that hotel", .atRisk),
        ("Not coming back, ever", .atRisk),
        ("We will definitely come back", .loyal),
        ("Would happily come again", .loyal),
        ("We will return next summer", .loyal),
        ("Would stay here again", .loyal),
        ("下次不来了", .atRisk),
        ("这种店不会再光顾", .atRisk),
        ("以后还会回头的", .loyal),
        ("不会回头了", .atRisk),
        ("再也不来这家了", .atRisk),
        ("下次还来，老板人很好", .loyal),
    ])
    func comeAgainAndReturn(_ text: String, _ expected: SignalValue) throws {
        #expect(try signals(text).filter { $0.kind == .loyalty } == [expected], "\(text)")
    }

    /// Returning an item is no loyalty.
    @Test func returningAnItemIsNoLoyalty() throws {
        #expect(try signals("I will return the kettle tomorrow").filter { $0.kind == .loyalty }.isEmpty)
    }

    /// Loyalty follows the comment's last word on it.
    @Test func theLastClauseDecidesLoyalty() throws {
        #expect(try signals("以前很推荐这家，现在不会再来了").filter { $0.kind == .loyalty } == [.atRisk])
    }
}

/// The misreadings the last review found and the signal gold confirmed, each as a general rule.
@Suite struct SignalMisreadingTests {
    /// A negated negator affirms: 不是没解决 was solved, 不是没有退款 means a refund came.
    @Test(arguments: [
        ("不是没解决", SignalValue.recovered),
        ("不是没有退款", .recovered),
        ("不是没有道歉", .recovered),
        ("这个问题不是没解决,是解决得太慢", .recovered),
        ("没有退款", .unresolved),
        ("It's not that they didn't refund me", .recovered),
    ])
    func doubleNegation(_ text: String, _ expected: SignalValue) throws {
        #expect(try signals(text) == [expected], "\(text)")
    }

    /// A promise or request whose result follows in the next clause is kept.
    @Test(arguments: [
        ("客服说会退款,第二天就到账了", SignalValue.recovered),
        ("店长答应补发,后来收到了", .recovered),
        ("申请了退款,两天后已到账", .recovered),
        // The result must be a result: a later clause with no outcome, or a pending one, leaves the promise open.
        ("客服说会退款,态度还不错", .unresolved),
        ("客服说会退款,到现在还没到账", .unresolved),
        ("客服说会退款,我到家就去看了", .unresolved),
    ])
    func resultInTheNextClause(_ text: String, _ expected: SignalValue) throws {
        #expect(try signals(text) == [expected], "\(text)")
    }

    /// A negator that runs into the cue negates it: 不再 in 不再来 shares its 再 with the cue 再来.
    @Test(arguments: ["我不再来了", "以后不再来了", "这家店不再推荐"])
    func aNegatorOverlappingTheCueNegatesIt(_ text: String) throws {
        #expect(try signals(text).filter { $0.kind == .loyalty } == [.atRisk], "\(text)")
    }

    /// 二话不说 is one word: its 不 does not negate the gesture after it.
    @Test(arguments: ["商家二话不说给了补偿", "商家二话不说重新做了一份", "二话没说就给了补偿"])
    func readilyIsNoNegation(_ text: String) throws {
        #expect(try signals(text) == [.recovered], "\(text)")
    }
}

/// Rhetorical questions, surprise cues and manner words: misreadings found after the signal gold, each as a general
/// rule.
@Suite struct SignalRhetoricTests {
    /// A rhetorical question with a negator affirms what the customer would do; without one it denies it.
    @Test(arguments: [
        ("这么好的店怎么会不推荐呢", SignalValue.loyal),
        ("怎能不推荐给朋友", .loyal),
        ("难道不会再来吗", .loyal),
        ("How could I not recommend them?", .loyal),
        ("Why wouldn't I come back?", .loyal),
        ("这种店怎么会推荐给朋友", .atRisk),
        ("How could we not come back?", .loyal),
        // The opener reaches only a cue close after it: a run-on clause's last words are no longer the question's.
        ("怎么会这么差以后再也不来了", .atRisk),
        ("怎么会有这么差的服务我再也不会来了", .atRisk),
    ])
    func rhetoricalQuestionsAssert(_ text: String, _ expected: SignalValue) throws {
        #expect(try signals(text).filter { $0.kind == .loyalty } == [expected], "\(text)")
    }

    /// A genuine question settles nothing, and a rhetorical one about what the business did is a complaint.
    @Test func genuineQuestionsAndRecoveriesAreUnchanged() throws {
        #expect(try signals("Would you recommend it?") == [])
        #expect(try signals("Will we be back?") == [])
        #expect(try signals("难道不应该退款吗").filter { $0.kind == .recovery } == [.unresolved])
        #expect(try signals("How could they not refund me?").filter { $0.kind == .recovery } == [.unresolved])
    }

    /// A surprise cue takes the direction of what it is about: the last sentiment term after it in its clause, the last
    /// opinion word when there is one.
    @Test(arguments: [
        ("没想到这么偏的地方有这么好的酒店", SignalValue.exceeded),
        ("没想到这么好吃", .exceeded),
        ("没想到这么好的酒店这么脏", .fellShort),
        ("没想到服务这么差,菜倒是不错", .fellShort),
        ("这么好吃,真没想到", .exceeded),
        ("本以为会很好,结果很一般", .fellShort),
        ("I was surprised how clean the room was", .exceeded),
    ])
    func surpriseFollowsWhatItIsAbout(_ text: String, _ expected: SignalValue) throws {
        #expect(try signals(text).filter { $0.kind == .expectation } == [expected], "\(text)")
    }

    /// A manner word (及时, "promptly") says how something went, not that a promised recovery happened: alone in
    /// the next clause it keeps no promise; beside the recovery it still says the recovery went well.
    @Test(arguments: [
        ("客服说会退款,回复很及时", SignalValue.unresolved),
        ("客服说会退款,态度很爽快", .unresolved),
        ("They promised a refund, and replied promptly", .unresolved),
        ("客服说会退款,第二天就到账了", .recovered),
        ("客服说会退款,很快就到账了", .recovered),
        ("退款很及时", .recovered),
        ("They refunded me promptly", .recovered),
    ])
    func mannerWordsKeepNoPromise(_ text: String, _ expected: SignalValue) throws {
        #expect(try signals(text).filter { $0.kind == .recovery } == [expected], "\(text)")
    }
}
