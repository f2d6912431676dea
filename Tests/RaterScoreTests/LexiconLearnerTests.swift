@testable import Rater
import Testing

/// The learner's negation heuristic: only a word that is or ends with a negator negates the words after it.
@Suite struct LexiconLearnerTests {
    /// A lexicon with the rule words the learner must know about: negators and one degree word.
    /// A learner whose thresholds let a handful of repeated sentences through, so tests see the negation rule alone.
    static func permissiveLearner() throws -> LexiconLearner {
        var options = LexiconLearner.Options()
        options.minimumDocuments = 2
        options.minimumZ = 0.5
        options.minimumValence = 0.1
        options.maximumDocumentShare = 1
        return try LexiconLearner(lexicon: ruleLexicon(), options: options)
    }

    static func ruleLexicon() throws -> Lexicon {
        var lexicon = Lexicon()
        lexicon.add(try LexiconFile(path: "negators.tsv", contents: """
            # kind: negator
            # language: zh
            # provenance: test
            不
            没有
            not

            """))
        lexicon.add(try LexiconFile(path: "degree.tsv", contents: """
            # kind: degree
            # language: zh
            # provenance: test
            很\t1.3

            """))
        return lexicon
    }

    @Test func aWordEndingWithANegatorOpensAScopeAndOneStartingWithItDoesNot() throws {
        let learner = try LexiconLearner(lexicon: Self.ruleLexicon())
        #expect(learner.endsWithNegator(ArraySlice("一点都不".utf8)))
        #expect(learner.endsWithNegator(ArraySlice("从来没有".utf8)))
        #expect(!learner.endsWithNegator(ArraySlice("不错".utf8)))
        #expect(!learner.endsWithNegator(ArraySlice("不好用".utf8)))
    }

    @Test func aHanWordThatOnlyStartsWithANegatorDoesNotNegateTheNextWords() throws {
        var learner = try Self.permissiveLearner()
        // 不错 begins with 不 but is a word of its own: 质量 after it is counted. 一点都不 ends with 不: 好吃 after it
        // is inside the negation and is not counted.
        for _ in 0..<10 {
            try learner.add(text: "不错质量", label: .positive)
            try learner.add(text: "一点都不好吃", label: .negative)
            try learner.add(text: "太慢", label: .negative)
        }
        let terms = Set(try learner.learn().map(\.term))
        #expect(terms.contains("质量"))
        #expect(!terms.contains("好吃"))
    }

    @Test func wordsAfterANegatedWordAreStillLearned() throws {
        var learner = try Self.permissiveLearner()
        // "not" opens a scope in English, so "tasty" after it is skipped; "delicious" is counted.
        for _ in 0..<10 {
            try learner.add(text: "delicious food", label: .positive)
            try learner.add(text: "not tasty food", label: .negative)
            try learner.add(text: "horrible smell", label: .negative)
        }
        let terms = Set(try learner.learn().map(\.term))
        #expect(terms.contains("delicious"))
        #expect(!terms.contains("tasty"))
    }

    /// A word in more than a fifth of the comments is left out only when both labels use it (a function word such as
    /// "the"); a team's slang in a quarter of its corrections, all of one label, is learned.
    @Test func aCommonWordIsLeftOutOnlyWhenBothLabelsUseIt() throws {
        var options = LexiconLearner.Options()
        options.minimumDocuments = 3
        options.minimumZ = 1
        options.priorStrength = 20
        var learner = try LexiconLearner(lexicon: Self.ruleLexicon(), options: options)
        for index in 0..<100 {
            let positive = index % 2 == 0
            var words = [positive ? "lovely\(index % 7)" : "awful\(index % 7)"]
            if index < 44 { words.append(positive ? "bussin" : "janky") }  // 22 comments each, one-sided
            if index % 3 == 0 { words.append("the") }  // 34 comments, both labels
            try learner.add(text: words.joined(separator: " "), label: positive ? .positive : .negative)
        }
        let terms = Dictionary(uniqueKeysWithValues: try learner.learn().map { ($0.term, $0.valence) })
        #expect((terms["bussin"] ?? 0) > 0 && (terms["janky"] ?? 0) < 0)
        #expect(terms["the"] == nil)
        #expect(learner.tooCommonTerms().map(\.term) == ["the"])
        #expect(learner.tooCommonTerms().first?.share == 0.34)
    }

    /// One-sided is judged by each label's rate, not by counts: on a set of 95% praise, a word in every comment has
    /// 95% positive comments, yet it is as common in the complaints.
    @Test func oneSidedIsJudgedByRatesNotCounts() throws {
        var options = LexiconLearner.Options()
        options.minimumDocuments = 3
        options.minimumZ = 0
        options.minimumValence = 0
        var learner = try LexiconLearner(lexicon: Self.ruleLexicon(), options: options)
        for index in 0..<100 {
            try learner.add(text: "everywhere word\(index)", label: index < 95 ? .positive : .negative)
        }
        #expect(learner.tooCommonTerms().map(\.term) == ["everywhere"])
        #expect(try !learner.learn().contains { $0.term == "everywhere" })
    }

    /// With `minimumSources` 2 a term must lean its way in two sources: "script", a complaint word of the film
    /// reviews only, is left out, while "superb" and "dreadful", which lean their way in both, are kept.
    @Test func aLeanSeenInOneSourceOnlyIsLeftOutWithMinimumSources() throws {
        func learned(minimumSources: Int) throws -> [String: Double] {
            var options = LexiconLearner.Options()
            options.minimumDocuments = 3
            options.minimumZ = 1
            options.priorStrength = 20
            options.minimumSources = minimumSources
            var learner = try LexiconLearner(lexicon: Self.ruleLexicon(), options: options)
            for index in 0..<40 {
                let source = index < 20 ? "films" : "restaurants"
                let positive = index % 2 == 0
                var words = [positive ? "superb" : "dreadful", "filler\(index)"]
                if source == "films", !positive { words.append("script") }
                try learner.add(text: words.joined(separator: " "), label: positive ? .positive : .negative,
                                source: source)
            }
            #expect(learner.sourceCount == 2)
            return Dictionary(uniqueKeysWithValues: try learner.learn().map { ($0.term, $0.valence) })
        }
        let oneSource = try learned(minimumSources: 1)
        #expect((oneSource["script"] ?? 0) < 0)
        let twoSources = try learned(minimumSources: 2)
        #expect(twoSources["script"] == nil)
        #expect((twoSources["superb"] ?? 0) > 0 && (twoSources["dreadful"] ?? 0) < 0)
    }

    /// The recount weighs a term where the scorer would match it. "notch" leans positive by its words, but in
    /// every positive comment it is inside the hand-written phrase "top notch", which the scorer matches instead; the
    /// comments the scorer matches "notch" in are all complaints, so the recount leaves it out. "crisp", matched
    /// wherever it is a word, keeps its lean and its valence.
    @Test func theRecountLeavesOutATermWhoseMatchesLeanTheOtherWay() throws {
        var lexicon = try Self.ruleLexicon()
        lexicon.add(try LexiconFile(path: "phrases.tsv", contents: """
            # kind: sentiment
            # language: en
            # provenance: test
            top notch\t2

            """))
        func learned(recount: Bool) throws -> [String: Double] {
            var options = LexiconLearner.Options()
            options.minimumDocuments = 3
            options.minimumZ = 0.5
            options.minimumValence = 0.1
            options.priorStrength = 20
            options.maximumDocumentShare = 1
            options.recountMatches = recount
            // Single words only: a learned pair such as "below soggy" would take the match of "soggy" too.
            options.includeBigrams = false
            var learner = try LexiconLearner(lexicon: lexicon, options: options)
            for index in 0..<12 {
                try learner.add(text: "top notch crisp bread\(index)", label: .positive)
            }
            for index in 0..<6 {
                try learner.add(text: "a notch below soggy bread\(index)", label: .negative)
            }
            return Dictionary(uniqueKeysWithValues: try learner.learn().map { ($0.term, $0.valence) })
        }
        let counted = try learned(recount: false)
        #expect((counted["notch"] ?? 0) > 0)
        let recounted = try learned(recount: true)
        #expect(recounted["notch"] == nil)
        #expect(recounted["crisp"] != nil && recounted["crisp"] == counted["crisp"])
        #expect((recounted["soggy"] ?? 0) < 0)
    }

    /// A negated match is not counted in the recount, as in the first count: "tasty" after "not" in the complaints
    /// does not pull its lean toward them.
    @Test func theRecountSkipsNegatedMatches() throws {
        func tasty(recount: Bool) throws -> LexiconLearner.LearnedTerm? {
            var options = LexiconLearner.Options()
            options.minimumDocuments = 3
            options.minimumZ = 0.5
            options.minimumValence = 0.1
            options.priorStrength = 20
            options.maximumDocumentShare = 1
            options.recountMatches = recount
            var learner = try LexiconLearner(lexicon: Self.ruleLexicon(), options: options)
            for index in 0..<10 {
                try learner.add(text: "tasty soup\(index)", label: .positive)
                try learner.add(text: "not tasty stew\(index)", label: .negative)
                try learner.add(text: "cold stew\(index)", label: .negative)
            }
            return try learner.learn().first { $0.term == "tasty" }
        }
        let counted = try tasty(recount: false)
        let recounted = try tasty(recount: true)
        #expect(counted != nil)
        #expect(recounted?.positiveDocuments == 10 && recounted?.negativeDocuments == 0)
        #expect(recounted?.valence == counted?.valence)
    }

    /// `language` zh leaves out English comments (counted in `otherLanguageComments`) and the Latin words of
    /// Chinese ones: `--language zh` over an English gold wrote "service −2.83" into a `# language: zh` file.
    @Test func aLanguageKeepsOnlyItsCommentsAndItsScript() throws {
        func learned(language: Language?) throws -> (terms: Set<String>, leftOut: Int, comments: Int) {
            var options = LexiconLearner.Options()
            options.minimumDocuments = 3
            options.minimumZ = 1
            options.priorStrength = 20
            options.maximumDocumentShare = 1
            options.language = language
            var learner = try LexiconLearner(lexicon: Self.ruleLexicon(), options: options)
            for index in 0..<6 {
                try learner.add(text: "服务周到\(index)", label: .positive)
                try learner.add(text: "wifi 断线，前台冷漠", label: .negative)
                try learner.add(text: "the service was excellent", label: .positive)
                try learner.add(text: "the service was dreadful, rude staff", label: .negative)
            }
            return (Set(try learner.learn().map(\.term)), learner.otherLanguageComments,
                    learner.positiveComments + learner.negativeComments)
        }
        let all = try learned(language: nil)
        #expect(all.terms.isSuperset(of: ["wifi", "dreadful", "冷漠"]) && all.leftOut == 0 && all.comments == 24)
        let zh = try learned(language: .zh)
        // "wifi 断线，前台冷漠" is Chinese (one Latin word against six Han characters): kept, without "wifi".
        #expect(zh.leftOut == 12 && zh.comments == 12)
        #expect(zh.terms.contains("冷漠") && !zh.terms.contains("wifi") && !zh.terms.contains("dreadful"))
        let en = try learned(language: .en)
        #expect(en.leftOut == 12 && en.terms.contains("dreadful") && !en.terms.contains { $0.unicodeScalars.contains { $0.value >= 0x4E00 } })
    }

    /// A term from three complaints of fifty comments, at the README's small-set thresholds, was learned at −3.0
    /// (the clip) with z ≈ −1: the prior's pseudo-count on the praise side is its share of all words, about 0.06.
    /// Its valence is now no stronger than its z.
    @Test func aValenceIsNoStrongerThanItsZ() throws {
        var options = LexiconLearner.Options()
        options.minimumDocuments = 3
        options.minimumZ = 1
        options.priorStrength = 20
        var learner = try LexiconLearner(lexicon: Self.ruleLexicon(), options: options)
        // Distinct filler words of letters only: a token with digits ("room7") is not a word the learner counts.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for index in 0..<25 {
            let tag = String([letters[index], letters[(index * 7) % 26]])
            try learner.add(text: "lovely\(tag) room\(tag) view\(tag)", label: .positive)
            try learner.add(text: "awful\(tag) bed\(tag)" + (index < 3 ? " meh" : ""), label: .negative)
        }
        let meh = try #require(try learner.learn().first { $0.term == "meh" })
        #expect(meh.negativeDocuments == 3 && meh.positiveDocuments == 0)
        #expect(meh.z < -1 && meh.z > -3)
        #expect(meh.valence == -((meh.z * -100).rounded() / 100))
    }
}
