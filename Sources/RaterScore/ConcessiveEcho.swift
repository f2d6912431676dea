import RaterLexicon
import RaterSegment

/// The echoed concession "X是X，就是Y" (好吃是好吃，就是太贵了; 干净倒是干净): a term repeated around 是 grants X
/// only to turn to Y, so the clause is conceded like one opened by 虽然, and X counts once.
///
/// No contrast word marks it (就是 alone is too ambiguous for `contrast.tsv`), so it is found by its shape: a lexicon
/// term repeated in one unit with nothing but a link between (the first time perhaps inside a longer phrase:
/// 房间干净倒是干净). The links (是, 倒是, 也是 …) are lexicon data (`zh/echo-links.tsv`, `EchoLinks`).
enum ConcessiveEcho {
    /// The echoing matches (the second X of each "X是X"), by match index, each with the match it echoes. The first X
    /// keeps its weight (conceded); the echo adds nothing.
    ///
    /// Runs for every comment, so the texts are compared as bytes in place: a comment without the character every
    /// link holds (是; every English comment) is passed over with one scan, and no match is read into a `String`.
    static func echoes(units: [ScoringUnit], segmented: SegmentedText, matches: [TermMatch],
                       links: EchoLinks) -> [Int: Int] {
        var echoes = [Int: Int]()
        guard !links.isEmpty, segmented.folded.withUnsafeBufferPointer({ links.mayOccur(in: $0) }) else {
            return echoes
        }
        segmented.original.withUnsafeBufferPointer { original in
            segmented.folded.withUnsafeBufferPointer { folded in
                for unit in units where unit.matches.count >= 2 {
                    for index in unit.matches.dropFirst() {
                        // The nearest earlier match ending in the same text: the first X may be a longer phrase
                        // (服务热情是热情), and a word such as 倒是 may be a match between.
                        let echo = matches[index].byteRange
                        guard let first = unit.matches[..<index].last(where: {
                                  endsAlike(matches[$0].byteRange, echo, in: original)
                              }),
                              matches[first].end < matches[index].start else { continue }
                        let between = Int(matches[first].end)..<Int(matches[index].start)
                        if links.contains(UnsafeBufferPointer(rebasing: folded[between])) { echoes[index] = first }
                    }
                }
            }
        }
        return echoes
    }

    /// Whether the text of `range` ends with the text of `suffix`, as the customer wrote both.
    private static func endsAlike(_ range: Range<Int>, _ suffix: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard range.count >= suffix.count else { return false }
        var offset = range.upperBound - suffix.count
        for byte in suffix {
            guard bytes[offset] == bytes[byte] else { return false }
            offset += 1
        }
        return true
    }
}
