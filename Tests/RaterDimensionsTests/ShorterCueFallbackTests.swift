import Rater
import RaterLexicon
import Testing

/// A cue whose context conditions fail gives way to the shorter cue it hid at its start (`CueTerms.Layer
/// .shorterEntry`): "refused to" is a refusal only before a remedy, but where it is not, the outcome word "refused"
/// inside it still stands, and decides the recovery cue near it. Sentences written for these tests, several trades.
@Suite struct ShorterCueFallbackTests {
    @Test(arguments: ["They refused to even look at the refund.",
                      "The landlord refused to so much as discuss a refund of the deposit.",
                      "The courier refused to even talk about compensation."])
    func refusalBeforeAnythingButARemedyStillRefuses(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.unresolved), "\(text)")
        #expect(!found.contains(.recovered), "\(text)")
    }

    @Test(arguments: ["They refused to give me a refund.", "The airline refused to compensate us."])
    func refusedRemedyStaysUnresolved(_ text: String) throws {
        #expect(try signals(text).contains(.unresolved), "\(text)")
    }
}

/// A cue gives way only to a shorter cue that reads its signal the same way, and never to a single Han character
/// (`CueTerms.isFallback`): 到现在都没 (unresolved) whose conditions fail is no 到 (done), "never happened again" no
/// answer "never".
@Suite struct ShorterCueDirectionTests {
    @Test(arguments: ["退款到现在都没见过一分钱", "换货到现在都没见过影子，客服也不回", "补偿到现在都没看到过一次"])
    func failedOpenCaseIsNoDoneWord(_ text: String) throws {
        #expect(try !signals(text).contains(.recovered), "\(text)")
    }

    @Test func fallbackKeepsKindAndDirection() throws {
        let cues = try Lexicon.load(directory: lexiconFolder).makeCueTerms()
        let layer = cues.layers[2]
        for term in ["到现在都没", "never happened"] {
            let entry = try #require(layer.lookup(term))
            let shorter = layer.shorterEntry.isEmpty ? -1 : Int(layer.shorterEntry[entry])
            let fallback = shorter >= 0 ? layer.terms[shorter] : nil
            #expect(fallback != "到" && fallback != "never", "\(term) falls back to \(fallback ?? "nothing")")
        }
        // "refused to" (unresolved) still gives way to the outcome word "refused".
        let refusedTo = try #require(layer.lookup("refused to"))
        #expect(layer.terms[Int(layer.shorterEntry[refusedTo])] == "refused")
    }
}
