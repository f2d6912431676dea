import Rater
import RaterLexicon
import Testing

@testable import RaterDimensions

/// `CueFinder` checks a cue's context conditions role by role: a cue whose conditions all hold names its entry in
/// place (no filtered copy), one whose roles partly fail holds the roles that hold, in their order, and one whose
/// roles all fail is no hit. Entries made for this test, over a comment written for it.
@Suite struct CueRoleFilterTests {
    @Test func rolesAreKeptAsTheirConditionsSay() throws {
        let engine = dimensionEngine
        let text = "we will order again soon"
        let scored = try Analyzer(engine: engine).analysis(of: text).scored
        let afterWill = try #require(try CueContext(parsing: "prev:will"))
        let afterNever = try #require(try CueContext(parsing: "prev:never"))
        let beforeAgain = try #require(try CueContext(parsing: "later:again"))
        func entry(_ cues: [DimensionCue], _ signals: [SignalCue]) -> LexiconEntry {
            var entry = LexiconEntry()
            entry.cues = cues
            entry.signals = signals
            return entry
        }
        let entries = [
            // Every condition holds.
            entry([DimensionCue(.responsiveness, weight: 0.5, context: afterWill)],
                  [SignalCue(.loyal, context: beforeAgain)]),
            // The first and last dimension cues fail, the middle one holds, the signal fails.
            entry([DimensionCue(.responsiveness, weight: 0.5, context: afterNever),
                   DimensionCue(.reliability, weight: 0.7, context: afterWill),
                   DimensionCue(.empathy, weight: 0.3, context: afterNever)],
                  [SignalCue(.loyal, context: afterNever)]),
            // Every condition fails.
            entry([DimensionCue(.responsiveness, weight: 0.5, context: afterNever)],
                  [SignalCue(.loyal, context: afterNever)]),
        ]
        let token = try #require(scored.segmented.tokens.firstIndex { $0.start == 8 })
        let matches = entries.indices.map { TermMatch(start: 8, end: 13, token: Int32(token), entry: Int32($0)) }
        var scratch = MappingScratch()
        let finder = CueFinder(scored, reusing: &scratch)
        var roles = CueRoles(layers: [CueLayer(matches: matches, entries: entries)])
        var hits = [CueHit]()
        finder.appendHits(ofLayer: 0, in: scored, scoring: engine.scorer.matcher, roles: &roles, to: &hits)
        try #require(hits.count == 2)
        #expect(hits[0].roles == .entry(layer: 0, entry: 0))
        #expect(roles.dimensions(of: hits[0]) == entries[0].cues)
        #expect(roles.signals(of: hits[0]) == entries[0].signals)
        #expect(roles.dimensions(of: hits[1]) == [entries[1].cues[1]])
        #expect(roles.signals(of: hits[1]).isEmpty)
        #expect(roles.filtered.count == 1)
    }
}
