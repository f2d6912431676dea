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

    @Test func aNegatorWithALearnedWeightIsARuleWord() {
        var entry = LexiconEntry(valence: -0.4, isNegator: true)
        entry.isLearnedValence = true
        #expect(CoverRole(entry) == .ruleWord)
    }

    @Test func aLearnedTermAloneIsLearnedAndAHandWrittenOneAnOpinion() {
        var learned = LexiconEntry(valence: 0.53)
        learned.isLearnedValence = true
        #expect(CoverRole(learned) == .learned)
        #expect(CoverRole(LexiconEntry(valence: 2.0, degree: 1.3)) == .opinion)
    }
}
