import Testing
import Foundation
import RaterCore
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

/// Hostile and unusual comments: the highlighter's work stays linear in the text, and it marks whole characters.
@Suite struct TextHighlighterLimitTests {
    typealias Mark = TextHighlighter.Mark

    static func marked(_ runs: [TextHighlighter.Run]) -> [String] { runs.filter { $0.mark != nil }.map(\.text) }

    /// `good ` thousands of times with one mark per occurrence (as the renderer passes them) used to take cubic time:
    /// 28 s for 1,000 repetitions. The work is counted, not timed.
    @Test func tensOfThousandsOfOccurrencesTakeLinearWork() {
        let repetitions = 30_000
        let text = String(repeating: "good ", count: repetitions)
        let characters = text.count
        var marks = (0..<repetitions).map { _ in Mark(needle: "good", kind: .positive, title: "base 1.00") }
        marks += [Mark(needle: "GOOD good", kind: .positive, title: "pair"), Mark(needle: "od", kind: .negative, title: ""),
                  Mark(needle: "good", kind: .cue, title: "cue")]
        let all = TextHighlighter.highlight(text, marks: marks, limit: .max)
        #expect(!all.isTruncated)
        #expect(all.runs.map(\.text).joined() == text)
        let pairs = all.runs.filter { $0.mark != nil }
        #expect(pairs.count == repetitions / 2)
        #expect(pairs.allSatisfy { $0.text == "good good" && $0.mark?.title == "pair" })
        #expect(all.work <= 8 * characters, "work \(all.work) for \(characters) characters")

        // With the page's limit the first marks are kept, the rest of the text stays plain, and it says so.
        let capped = TextHighlighter.highlight(text, marks: marks)
        #expect(capped.isTruncated)
        #expect(Self.marked(capped.runs).count == TextHighlighter.markLimit)
        #expect(capped.runs.map(\.text).joined() == text)
        #expect(capped.work <= all.work)
    }

    /// Hundreds of distinct terms over one long run of the same letter: the step budget stops the search.
    @Test func theStepBudgetBoundsTheWorstCase() {
        let text = String(repeating: "a", count: 50_000) + " a"
        let marks = (1...TextHighlighter.needleLimit).map { Mark(needle: String(repeating: "a", count: $0), kind: .cue, title: "") }
        let result = TextHighlighter.highlight(text, marks: marks, limit: .max)
        #expect(result.isTruncated)
        // The budget is checked before each candidate; one candidate compares and marks at most twice a term's length.
        #expect(result.work <= TextHighlighter.workBudget(characters: text.count) + 2 * TextHighlighter.needleLimit + 1)
        #expect(result.runs.map(\.text).joined() == text)
        // More distinct terms than the limit: the extra ones are not searched for, and the result says so.
        let han = (0..<(TextHighlighter.needleLimit + 10)).map { String(Character(Unicode.Scalar(0x4E00 + $0)!)) }
        let many = han.map { Mark(needle: $0, kind: .cue, title: "") }
        let words = han.joined(separator: " ")
        let limited = TextHighlighter.highlight(words, marks: many, limit: .max)
        #expect(limited.isTruncated && Self.marked(limited.runs).count == TextHighlighter.needleLimit)
    }

    /// Foundation's `range(of:)` matched the 🔥 inside the ❤️‍🔥 sequence and split it with a `<mark>`.
    @Test func termsMatchWholeCharactersOnly() {
        let fire = [Mark(needle: "🔥", kind: .positive, title: "")]
        let runs = TextHighlighter.runs("Food 🔥 and dessert ❤️‍🔥", marks: fire)
        #expect(runs == [TextHighlighter.Run(text: "Food ", mark: nil), TextHighlighter.Run(text: "🔥", mark: fire[0]),
                         TextHighlighter.Run(text: " and dessert ❤️‍🔥", mark: nil)])
        #expect(Self.marked(TextHighlighter.runs("❤️‍🔥❤️‍🔥", marks: fire)).isEmpty)
        #expect(Self.marked(TextHighlighter.runs("ok 👍🏽 👍", marks: [Mark(needle: "👍", kind: .positive, title: "")])) == ["👍"])
        #expect(Self.marked(TextHighlighter.runs("🇨🇳🇺🇸", marks: [Mark(needle: "🇳🇺", kind: .positive, title: "")])).isEmpty)
        // A letter with a combining accent is another character than the letter; canonically equal forms match.
        #expect(Self.marked(TextHighlighter.runs("cafe\u{301} cafe", marks: [Mark(needle: "cafe", kind: .positive, title: "")]))
                == ["cafe"])
        #expect(Self.marked(TextHighlighter.runs("Cafe\u{301}!", marks: [Mark(needle: "caf\u{E9}", kind: .positive, title: "")]))
                == ["Cafe\u{301}"])
        // Case folding beyond ASCII, and a CR LF (one character) next to a term.
        #expect(Self.marked(TextHighlighter.runs("ÜBEL\r\nübel", marks: [Mark(needle: "übel", kind: .negative, title: "")]))
                == ["ÜBEL", "übel"])
    }
}

/// For ordinary comments the output is what the earlier highlighter (Foundation's `range(of:)`, kept here as the
/// reference) produced, with the terms and cues the engine finds.
@Suite struct TextHighlighterCompatibilityTests {
    typealias Mark = TextHighlighter.Mark

    static func reference(_ text: String, marks: [Mark]) -> [TextHighlighter.Run] {
        var taken = [Range<String.Index>: Mark]()
        var covered = [Range<String.Index>]()
        let ordered = marks.enumerated().sorted { lhs, rhs in
            let lhsCue = lhs.element.kind == .cue, rhsCue = rhs.element.kind == .cue
            if lhsCue != rhsCue { return !lhsCue }
            if lhs.element.needle.count != rhs.element.needle.count {
                return lhs.element.needle.count > rhs.element.needle.count
            }
            return lhs.offset < rhs.offset
        }.map(\.element)
        for mark in ordered where !mark.needle.trimmingCharacters(in: .whitespaces).isEmpty {
            var start = text.startIndex
            while start < text.endIndex,
                  let range = text.range(of: mark.needle, options: [.caseInsensitive], range: start..<text.endIndex) {
                if !covered.contains(where: { $0.overlaps(range) }) && isWholeWord(range, in: text) {
                    taken[range] = mark
                    covered.append(range)
                }
                start = range.upperBound
            }
        }
        var runs = [TextHighlighter.Run]()
        var position = text.startIndex
        for range in covered.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if position < range.lowerBound { runs.append(.init(text: String(text[position..<range.lowerBound]), mark: nil)) }
            runs.append(.init(text: String(text[range]), mark: taken[range]))
            position = range.upperBound
        }
        if position < text.endIndex { runs.append(.init(text: String(text[position...]), mark: nil)) }
        return runs
    }

    static func isWholeWord(_ range: Range<String.Index>, in text: String) -> Bool {
        let word = TextHighlighter.FoldedText.isWordCharacter
        if range.lowerBound > text.startIndex, let first = text[range].first, word(first),
           word(text[text.index(before: range.lowerBound)]) {
            return false
        }
        if range.upperBound < text.endIndex, let last = text[range].last, word(last), word(text[range.upperBound]) {
            return false
        }
        return true
    }

    @Test func ordinaryCommentsAreMarkedAsBefore() throws {
        let texts = [
            "The staff were friendly and helpful, but the room was not clean.",
            "Great location, terrible service. Not bad food though, and the bar staff were GREAT!",
            "Nothing good to say: rude, slow, dirty. Bad bad bad.",
            "服务很好，环境也不错，但是价格太贵了，服务员态度一般。",
            "房间很干净，前台服务热情，下次还来。不过早餐不好吃",
            "Checked in late; the night manager apologised and upgraded us. Would stay again.",
            "Waited 40 minutes for the food and nobody apologised. Never again!!",
            "Clean rooms 👍 friendly staff ❤️ but slow check-in 😡",
        ]
        let records = texts.enumerated().map { index, text in
            SourceRecord(source: "normal.csv", recordNumber: index + 1, id: "n\(index + 1)", text: text, fields: [])
        }
        let fixture = try ReviewFixture(records)
        let sample = try ReviewFixture.sample()
        let comments = try fixture.store.page(ReviewFilter()).comments + sample.store.page(ReviewFilter()).comments
        #expect(comments.count == texts.count + 6)
        var marked = 0
        for comment in comments {
            let marks = ReviewPageRenderer.marks(comment)
            let runs = TextHighlighter.runs(comment.text, marks: marks)
            #expect(runs == Self.reference(comment.text, marks: marks), "\(comment.id): \(comment.text)")
            marked += runs.filter { $0.mark != nil }.count
        }
        #expect(marked >= comments.count, "the engine's terms are marked")
    }

    @Test func handWrittenMarksAreMarkedAsBefore() {
        let cases: [(String, [Mark])] = [
            ("not bad at all, NOT BAD", [Mark(needle: "bad", kind: .negative, title: "1"),
                                          Mark(needle: "not bad", kind: .positive, title: "2"),
                                          Mark(needle: "Not Bad", kind: .neutral, title: "3"),
                                          Mark(needle: "at", kind: .cue, title: "4")]),
            ("badbad bad-bad bad_bad", [Mark(needle: "bad", kind: .negative, title: "")]),
            ("aaaa aa", [Mark(needle: "aa", kind: .cue, title: "")]),
            ("服务员服务服务员", [Mark(needle: "服务", kind: .cue, title: "c"), Mark(needle: "服务员", kind: .positive, title: "p")]),
            ("staff staff", [Mark(needle: "staff", kind: .cue, title: "cue"), Mark(needle: "staff", kind: .positive, title: "p")]),
            ("Good, good. GOOD!", [Mark(needle: "good", kind: .positive, title: "a"), Mark(needle: "Good", kind: .negative, title: "b")]),
            ("", [Mark(needle: "x", kind: .cue, title: "")]),
            ("x", []),
            ("room 2 rooms", [Mark(needle: "room", kind: .cue, title: ""), Mark(needle: "2", kind: .neutral, title: "")]),
        ]
        for (text, marks) in cases {
            #expect(TextHighlighter.runs(text, marks: marks) == Self.reference(text, marks: marks), "\(text)")
        }
    }
}
