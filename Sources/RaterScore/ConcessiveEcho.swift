import Foundation
import RaterLexicon
import RaterSegment

/// The echoed concession "X是X，就是Y" (好吃是好吃，就是太贵了; 干净倒是干净): a term repeated around 是 grants X
/// only to turn to Y, so the clause is conceded like one opened by 虽然, and X counts once.
///
/// No contrast word marks it (就是 alone is too ambiguous for `contrast.tsv`), so it is found by its shape: a lexicon
/// term repeated in one unit with nothing but a copula between (the first time perhaps inside a longer phrase:
/// 房间干净倒是干净).
enum ConcessiveEcho {
    /// The words allowed between the two halves of an echo, after trimming spaces.
    static let links: Set<String> = ["是", "倒是", "倒也是", "也是", "确实是"]

    /// The echoing matches (the second X of each "X是X"), by match index, each with the match it echoes. The first X
    /// keeps its weight (conceded); the echo adds nothing.
    static func echoes(units: [ScoringUnit], segmented: SegmentedText, matches: [TermMatch]) -> [Int: Int] {
        var echoes = [Int: Int]()
        // Every link holds 是: a comment without it (every English one) has no echo, and is not read term by term
        // into Strings below, which this runs for every comment.
        guard containsShi(segmented.folded) else { return echoes }
        for unit in units where unit.matches.count >= 2 {
            for index in unit.matches.dropFirst() {
                // The nearest earlier match ending in the same term: the first X may be a longer phrase (服务热情是
                // 热情), and a word such as 倒是 may be a match between.
                let echo = segmented.text(matches[index].byteRange)
                guard let first = unit.matches[..<index].last(where: {
                          segmented.text(matches[$0].byteRange).hasSuffix(echo)
                      }),
                      matches[first].end < matches[index].start else { continue }
                let between = segmented.text(Int(matches[first].end)..<Int(matches[index].start))
                    .trimmingCharacters(in: .whitespaces)
                if links.contains(between) { echoes[index] = first }
            }
        }
        return echoes
    }

    /// Whether the UTF-8 bytes hold 是 (E6 98 AF).
    private static func containsShi(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index + 2 < buffer.count {
                if buffer[index] == 0xE6 && buffer[index + 1] == 0x98 && buffer[index + 2] == 0xAF { return true }
                index += 1
            }
            return false
        }
    }
}
