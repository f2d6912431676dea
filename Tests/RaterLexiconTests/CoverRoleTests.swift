@testable import RaterLexicon
import Testing

/// A piece's role in a cover of one ICU word follows the valence the scorer weighs (`LexiconEntry.scoredValence`): a
/// learned weight on a degree word or negator (这么 is learned −0.57 and a degree word) yields to that role.
@Suite struct CoverRoleTests {
    @Test func aDegreeWordWithALearnedWeightIsADegreeWord() {
        var entry = LexiconEntry(valence: -0.57, degree: 1.3)
        entry.isLearnedValence = true
        #expect(CoverRole(entry) == .degree)
    }

    @Test func aNegatorWithALearnedWeightIsANegator() {
        var entry = LexiconEntry(valence: -0.4, isNegator: true)
        entry.isLearnedValence = true
        #expect(CoverRole(entry) == .negator)
    }

    /// ICU has 很不, 太不 … as one word: a degree word and a negator alone cover it (they modify the next word); a
    /// negator with a word of no role does not (无线), nor a contrast word with a degree word.
    @Test func aDegreeWordAndANegatorCoverAWord() {
        #expect(CoverRole.accepts([.degree, .negator], isSingleCharacter: [true, true]))
        #expect(CoverRole.accepts([.negator, .degree], isSingleCharacter: [true, true]))
        #expect(!CoverRole.accepts([.negator, .other], isSingleCharacter: [true, true]))
        #expect(!CoverRole.accepts([.degree, .ruleWord], isSingleCharacter: [true, true]))
        #expect(!CoverRole.accepts([.negator, .negator], isSingleCharacter: [true, true]))
    }

    @Test func aLearnedTermAloneIsLearnedAndAHandWrittenOneAnOpinion() {
        var learned = LexiconEntry(valence: 0.53)
        learned.isLearnedValence = true
        #expect(CoverRole(learned) == .learned)
        #expect(CoverRole(LexiconEntry(valence: 2.0, degree: 1.3)) == .opinion)
    }
}
