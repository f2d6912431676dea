import Foundation
import Rater
import RaterAggregate
import RaterCore
import RaterLexicon
import RaterSinks
import Testing

/// A result carries what `rater explain` tells the analyst about where a score came from: each term's lexicon file and
/// whether its weight is learned, and whether the score rests on learned weights only. The review workspace shows
/// these from the stored result, so they must be in it.
@Suite struct TermSourceResultTests {
    func analyze(_ text: String) throws -> CommentResult {
        try Analyzer(engine: engine).analyze(SourceRecord(source: "t.csv", recordNumber: 1, id: "t1", text: text))
    }

    /// "ordered" and "said" lean negative in the learned English lexicon, and the sentence has no opinion word.
    @Test func aFactualSentenceRestsOnLearnedWeightsOnly() throws {
        let result = try analyze("We ordered at the counter and the man said table four")
        #expect(result.sentiment.evidenceKind == .learnedOnly)
        let ordered = try #require(result.sentiment.terms.first { $0.term == "ordered" })
        #expect(ordered.isLearned)
        #expect(ordered.source == "en/learned-reviews.tsv")
    }

    /// "rude" is in both the learned and the hand-written file; the hand-written one, layered after, gives the weight.
    @Test func anOpinionWordNamesItsHandWrittenFile() throws {
        let result = try analyze("We ordered at the counter and the man was rude")
        #expect(result.sentiment.evidenceKind == .opinion)
        let rude = try #require(result.sentiment.terms.first { $0.term == "rude" })
        #expect(!rude.isLearned)
        #expect(rude.source == "en/sentiment.tsv")
        let chinese = try analyze("服务员态度很差")
        #expect(chinese.sentiment.terms.first { $0.term == "差" }?.source == "zh/sentiment.tsv")
    }

    @Test func aCommentWithoutTermsRestsOnNothing() throws {
        let result = try analyze("12345")
        #expect(result.sentiment.terms.isEmpty)
        #expect(result.sentiment.evidenceKind == EvidenceKind.none)
    }

    /// The JSON line carries both, so a results file read back (or the database's stored explanation) has them.
    @Test func theResultLineCarriesTheSourceAndTheEvidenceKind() throws {
        let line = String(decoding: ResultEncoder().encode(try analyze("We ordered at the counter and the man said table four")),
                          as: UTF8.self)
        #expect(line.contains(#""evidence_kind":"learned_only""#))
        #expect(line.contains(#"{"term":"ordered","#))
        #expect(line.contains(#""source":"en/learned-reviews.tsv","learned":true}"#))
    }

    /// A results file written before the fields existed is read as before, and one with them reads the same.
    @Test func resultLinesWithAndWithoutTheNewFieldsAreRead() throws {
        let line = ResultEncoder().encode(try analyze("We ordered at the counter and the man said table four"))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        let current = try ResultLineDecoder.observation(Data(line), path: "new.jsonl", lineNumber: 1)
        var sentiment = try #require(object["sentiment"] as? [String: Any])
        #expect(sentiment.removeValue(forKey: "evidence_kind") != nil)
        sentiment["terms"] = (sentiment["terms"] as? [[String: Any]])?.map { term in
            term.filter { $0.key != "source" && $0.key != "learned" }
        }
        object["sentiment"] = sentiment
        let older = try JSONSerialization.data(withJSONObject: object)
        #expect(!String(decoding: older, as: UTF8.self).contains("learned"))
        let read = try ResultLineDecoder.observation(older, path: "old.jsonl", lineNumber: 1)
        #expect(read == current)
    }

    /// Every term of one file shares the engine's one string for the file's name: naming the source costs no string
    /// per term (the hot path, issue 7).
    @Test func termsOfOneFileShareOneName() throws {
        let result = try analyze("The staff were rude, the food was cold and the room was dirty and noisy")
        let names = result.sentiment.terms.compactMap(\.source).filter { $0 == "en/sentiment.tsv" }
        #expect(names.count >= 2)
        let shared = try #require(engine.termSources.names.compactMap { $0 }.first { $0 == "en/sentiment.tsv" })
        func storage(_ text: String) -> UnsafeRawPointer? {
            var text = text
            return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        for name in names { #expect(storage(name) == storage(shared)) }
    }
}
