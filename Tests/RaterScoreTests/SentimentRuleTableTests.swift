import Rater
import Testing

/// Hand-written sentences per rule and language with the label a careful reader gives them.
@Suite struct SentimentRuleTableTests {
    static let chinese: [(String, SentimentLabel)] = [
        // plain valence
        ("服务很好", .positive), ("质量太差了", .negative), ("房间干净整洁", .positive),
        // negation, negators inside words, double negation
        ("不高兴", .negative), ("没有想象中好", .negative), ("不是不好", .positive), ("味道不错", .positive),
        ("一点都不好吃", .negative), ("没有任何问题", .positive),
        // degree words
        ("太贵了", .negative), ("太好了", .positive), ("有点慢", .negative), ("不太满意", .negative),
        // contrast and concession
        ("环境不错,但是服务员态度很差", .negative), ("虽然价格贵,但是服务真的很周到", .positive),
        ("菜一般,不过服务员很热情", .positive),
        // phrases and domain words
        ("性价比高", .positive), ("上菜慢", .negative), ("物超所值", .positive), ("态度差", .negative),
        // questions and requests
        ("请问几点开门?", .neutral), ("麻烦尽快处理", .negative),
        // traditional Chinese and code-mixed
        ("服務態度很好", .positive), ("wifi 很慢", .negative), ("服务 excellent", .positive),
        // emoji
        ("👍👍👍", .positive), ("😡", .negative),
        // emoji with skin tones match the bare emoji
        ("谢谢👍🏽", .positive), ("👎🏿👎🏿", .negative),
        // requests: courtesy around a complaint, thanks that begin with 请
        ("请尽快发货", .negative), ("请把破损的杯子换掉", .negative), ("服务很好,请继续保持", .positive),
        // questions state no opinion
        ("这个好用吗?", .neutral), ("服务员很热情吗?", .neutral),
        // inquiries ask for information: a topic word is no complaint
        ("请问可以开发票吗?", .neutral),
        // a duration is not a rating: 五分钟 does not contain the praise 五分
        ("医生看诊五分钟", .neutral),
        // negation raised through a verb of opinion reaches the opinion
        ("我并不认为他们的服务好", .negative), ("说实话不认为这里的环境好", .negative),
    ]

    static let english: [(String, SentimentLabel)] = [
        ("The staff were lovely", .positive), ("The room was dirty", .negative),
        ("not good", .negative), ("not the worst", .positive), ("I never liked how they treat me", .negative),
        ("not bad at all", .positive),
        ("extremely helpful", .positive), ("a bit slow", .negative),
        ("The food was great but the service was terrible", .negative),
        ("Although the room was small, the staff were wonderful", .positive),
        ("Delivery took forever", .negative), ("rude staff", .negative), ("worth every penny", .positive),
        ("is it any good?", .neutral), ("kindly fix this", .negative),
        ("The service was TERRIBLE", .negative), ("sooo good", .positive), ("Great :)", .positive),
        ("Never again", .negative), ("highly recommend", .positive),
        // requests: praise inside a request is no praise, a complaint inside it still counts
        ("Please be more careful with the packaging", .negative), ("Kindly replace the broken kettle", .negative),
        ("The staff kindly moved us to a quieter room", .positive), ("please keep up the good work", .positive),
        ("The staff could be more helpful", .negative),
        // questions state no opinion
        ("Does the hotel have good wifi?", .neutral), ("Is the delivery fast?", .neutral),
        ("Any good vegetarian options?", .neutral),
        // inquiries ask for information; a clear complaint inside one still counts
        ("Do you take reservations for large groups?", .neutral),
        ("Does anyone know why the app is so terrible?", .negative),
        // idioms the word-by-word rules would get wrong
        ("would not recommend", .negative), ("What a waste of money", .negative),
        ("Stay away from this place", .negative), ("The blender works great", .positive),
        ("No complaints at all", .positive), ("You can't go wrong with this one", .positive),
        ("It did not disappoint", .positive), ("I could not be happier", .positive),
        // return intent through negation, and function words that must not take the negation
        ("We won't be going back", .negative), ("I would not go back", .negative), ("I didn't like the room", .negative),
        // negation raised through a verb of opinion reaches the opinion
        ("I didn't think the instructions they sent were helpful", .negative),
        ("I don't think you will be disappointed", .positive),
        // …and waits for one: a learned weight on the way is no opinion to negate
        ("I don't think the clerk understood what we needed at all", .negative),
        // naming a shortfall, "not … enough", warnings as negated imperatives
        ("The room leaves a lot to be desired", .negative), ("The speaker is not loud enough", .negative),
        ("Don't even waste your time on this", .negative), ("It rarely works as it should", .negative),
        // exclamative idioms built on a negator intensify instead of negating
        ("These are without a doubt the worst fries in town", .negative),
        ("I can't believe how rude the receptionist was", .negative),
        // a short span of time is speed, not a wait
        ("Support replied in minutes", .positive),
        // cue phrases keep the sentiment word inside them
        ("The service was slow", .negative),
        // general review vocabulary beyond services
        ("The film was a masterpiece", .positive), ("boring and predictable", .negative),
        // emoji with skin tones match the bare emoji
        ("👍🏽", .positive), ("Great service 👍🏻", .positive), ("👎🏿👎🏿", .negative),
    ]

    @Test(arguments: chinese)
    func chineseSentences(_ text: String, _ expected: SentimentLabel) throws {
        #expect(try label(text) == expected, "\(text)")
    }

    @Test(arguments: english)
    func englishSentences(_ text: String, _ expected: SentimentLabel) throws {
        #expect(try label(text) == expected, "\(text)")
    }
}

@Suite struct SentimentRuleMechanicsTests {
    @Test func negationIsExplained() throws {
        #expect(try rules("not good").contains("negated"))
        #expect(try rules("不好").contains("negated"))
        #expect(try rules("不是不好").contains("double_negated"))
    }

    @Test func degreeWordsScale() throws {
        #expect(try score("非常好") > score("好"))
        #expect(try score("有点好") < score("好"))
        #expect(try score("very good") > score("good"))
        #expect(try rules("非常好").contains("intensified"))
    }

    @Test func theClauseAfterATurnWeighsMore() throws {
        let analysis = try analyse("环境不错,但是服务员态度很差")
        let contributions = analysis.scored.contributions
        #expect(contributions.contains { $0.rules.map(\.name).contains("after_contrast") })
        #expect(contributions.contains { $0.rules.map(\.name).contains("before_contrast") })
        #expect(analysis.scored.sentiment.score < 0)
    }

    @Test func longCommentsDoNotSaturateAndAClosingComplaintCounts() throws {
        let praise = String(repeating: "The room was great and the view was lovely. ", count: 12)
        let pure = try score(praise)
        let withComplaint = try score(praise + "But the staff were rude and the checkout was a disaster!")
        #expect(pure < 1)
        #expect(withComplaint < pure - 0.15)
    }

    @Test func longChineseCommentsDoNotSaturateAndAClosingComplaintCounts() throws {
        let praise = String(repeating: "房间很干净,早餐也很丰富。", count: 12)
        let pure = try score(praise)
        let analysis = try analyse(praise + "但是前台态度非常恶劣!")
        #expect(pure < 1)
        #expect(analysis.scored.sentiment.score < pure - 0.15)
        #expect(analysis.scored.sentiment.negativeShare > 0)
    }

    @Test func skinTonesAndVariationSelectorsDoNotHideAnEmoji() throws {
        #expect(try score("👍🏽") == score("👍"))
        #expect(try score("👍🏿👍🏿") == score("👍👍"))
        #expect(try score("❤️") == score("❤"))
    }

    @Test func requestsDropPraiseAndKeepComplaints() throws {
        #expect(try rules("Please be more careful").contains("irrealis"))
        #expect(try score("Please be more careful") < -0.05)
        #expect(try score("Please replace the broken kettle") < -0.05)
        // Only a request marker that opens its clause makes a request.
        #expect(try !rules("The staff kindly helped us").contains("irrealis"))
        #expect(try rules("请尽快发货").contains("irrealis") || score("请尽快发货") < -0.05)
    }

    @Test func functionWordsPassTheNegationOn() throws {
        // A function word given a valence (as `--learn-function-words` does) keeps it but does not take the
        // negation: "not" still reaches "going" after "be".
        var lexicon = Lexicon()
        lexicon.add(try LexiconFile(path: "function.tsv", contents: "# kind: function\n# language: en\n# provenance: test\nbe\n"))
        lexicon.add(try LexiconFile(path: "sentiment.tsv", contents: "# kind: sentiment\n# language: en\n# provenance: test\nbe\t-0.5\ngoing\t2\n"))
        lexicon.add(try LexiconFile(path: "negators.tsv", contents: "# kind: negator\n# language: en\n# provenance: test\nnot\n"))
        let analysis = try Analyzer(engine: Engine(lexicon: lexicon)).analysis(of: "I will not be going")
        let weights = Dictionary(uniqueKeysWithValues: analysis.scored.contributions.map { ($0.term, $0.weight) })
        #expect(weights["be"] == -0.5)
        #expect((weights["going"] ?? 0) < 0)
    }

    @Test func questionsStateNoOpinion() throws {
        #expect(try abs(score("is it any good?")) < 0.05)
        #expect(try abs(score("这家店好吗?")) < 0.05)
    }

    @Test func capitalsAndElongationAreEmphasis() throws {
        #expect(try rules("the food was AMAZING").contains("emphasis"))
        #expect(try score("sooo good") > score("so good") - 0.001)
        // Every run of a repeated letter is tried at one and two letters: "gooodd" is "good".
        #expect(try score("gooodd") > 0.05)
    }

    @Test func scoreStaysInRangeAndSharesSumToOne() throws {
        for text in ["好好好好好好好好好好好好好好", "terrible " + String(repeating: "awful ", count: 200), "", "12345"] {
            let sentiment = try analyse(text).scored.sentiment
            #expect(sentiment.score >= -1 && sentiment.score <= 1)
            let shares = sentiment.positiveShare + sentiment.negativeShare + sentiment.neutralShare
            #expect(shares == 0 || abs(shares - 1) < 1e-9)
            #expect(sentiment.confidence >= 0 && sentiment.confidence <= 1)
        }
    }

    @Test func thresholdsDecideTheLabel() {
        let thresholds = LabelThresholds(positive: 0.3, negative: -0.3)
        #expect(thresholds.label(for: 0.2) == .neutral)
        #expect(thresholds.label(for: 0.31) == .positive)
        #expect(thresholds.label(for: -0.5) == .negative)
    }
}
