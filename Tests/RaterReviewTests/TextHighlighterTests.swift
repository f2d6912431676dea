import Testing
@testable import RaterReview

@Suite struct TextHighlighterTests {
    typealias Mark = TextHighlighter.Mark

    @Test func marksTermsByPolarityAndKeepsTheRestAsText() {
        let runs = TextHighlighter.runs("环境不错，但是服务员态度很差", marks: [
            Mark(needle: "不错", kind: .positive, title: "base 1.00"),
            Mark(needle: "差", kind: .negative, title: "base -1.00"),
            Mark(needle: "服务员", kind: .cue, title: "Assurance cue"),
        ])
        #expect(runs.map(\.text).joined() == "环境不错，但是服务员态度很差")
        #expect(runs.compactMap { $0.mark.map { m in m.kind } } == [.positive, .cue, .negative])
        #expect(runs.first { $0.mark?.kind == .cue }?.text == "服务员")
    }

    @Test func latinTermsMatchWholeWordsCaseInsensitively() {
        let runs = TextHighlighter.runs("Bad badge, BAD service", marks: [Mark(needle: "bad", kind: .negative, title: "")])
        #expect(runs.filter { $0.mark != nil }.map(\.text) == ["Bad", "BAD"])
    }

    @Test func longerTermsWinAndNothingIsMarkedTwice() {
        let runs = TextHighlighter.runs("not bad at all", marks: [
            Mark(needle: "bad", kind: .negative, title: ""), Mark(needle: "not bad", kind: .positive, title: ""),
            Mark(needle: "bad at", kind: .cue, title: ""),
        ])
        #expect(runs.filter { $0.mark != nil }.map(\.text) == ["not bad"])
        #expect(runs.map(\.text).joined() == "not bad at all")
    }

    @Test func emptyAndBlankTermsAreIgnored() {
        let runs = TextHighlighter.runs("ok", marks: [Mark(needle: "", kind: .positive, title: ""),
                                                      Mark(needle: " ", kind: .negative, title: "")])
        #expect(runs == [TextHighlighter.Run(text: "ok", mark: nil)])
    }
}
