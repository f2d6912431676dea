import Rater
import Testing

@testable import RaterDimensions

/// A cue's context conditions read at most `CueFinder.contextReach` bytes on each side, so a comment of one long
/// clause costs linear work; within that reach they behave as before.
@Suite struct ContextReachTests {
    private func window(_ text: String, cue: String) -> (before: String, after: String) {
        let bytes = Array(text.utf8)
        let start = text.utf8.count - text[text.range(of: cue)!.lowerBound...].utf8.count
        let cueRange = start..<(start + cue.utf8.count)
        return bytes.withUnsafeBufferPointer { folded in
            let (before, after) = CueFinder.contextWindow(in: folded, clause: 0..<bytes.count, cue: cueRange)
            return (String(decoding: bytes[before], as: UTF8.self), String(decoding: bytes[after], as: UTF8.self))
        }
    }

    @Test func aShortClauseIsReadWhole() {
        let (before, after) = window("the wait was over an hour", cue: "wait")
        #expect(before == "the ")
        #expect(after == " was over an hour")
    }

    @Test func aLongClauseIsReadWithinTheReachAndAtCharacterStarts() {
        // Three-byte characters, so a cut at exactly the reach would fall inside one.
        let side = String(repeating: "服务员态度", count: 200)  // 3,000 bytes
        let (before, after) = window(side + "wait" + side, cue: "wait")
        #expect(before.utf8.count <= CueFinder.contextReach && before.utf8.count > CueFinder.contextReach - 3)
        #expect(after.utf8.count <= CueFinder.contextReach && after.utf8.count > CueFinder.contextReach - 3)
        #expect(side.hasSuffix(before) && side.hasPrefix(after))
        #expect(!before.unicodeScalars.contains("\u{FFFD}") && !after.unicodeScalars.contains("\u{FFFD}"))
    }

    @Test func conditionsStillHoldNearTheCueInAVeryLongClause() throws {
        let filler = String(repeating: "and then we sat there ", count: 5_000)  // 110 KB with no punctuation
        let machine = try dimensions(filler + "the server went down twice this week")
        #expect(machine[.assurance] == nil)
        #expect(machine[.reliability] == .negative)
    }
}
