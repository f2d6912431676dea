import Testing
import Foundation
nonisolated(unsafe) var out = ""
import RaterSegment
@testable import RaterLexicon

@Test func probe() throws {
    let s = try Segmenter()
    func run(_ terms: [String], _ t: String) throws {
        var d = [String: LexiconEntry]()
        for term in terms { d[term] = LexiconEntry(valence: 1) }
        let m = TermMatcher(entries: d)
        let seg = try s.segment(t)
        let toks = seg.tokens.map { seg.text(of: $0) }
        let ms = m.matches(in: seg).map { "\(m.terms[Int($0.entry)])@\($0.start)..<\($0.end) tok\($0.token)" }
        out += "\(terms) \(t) \(toks) \(ms)\n"
    }
    try run(["好"], "很好")
    try run(["好"], "只好")
    try run(["好"], "最好")
    try run(["不", "好"], "不好")
    try run(["好"], "好像")
    try run(["好"], "服务好")
    try run(["好"], "好")
    try run(["好"], "好的")
    try run(["性价比", "性价比高", "高"], "性价比高")
    try run(["性价比", "高"], "性价比高")
    try run(["服务员", "服务", "态度"], "服务员态度很差")
    try run(["took forever", "took", "forever"], "It took forever!")
    try run(["good"], "goodness good Good GOOD")
    try run(["👍"], "👍🏽 👍")
    try run([":)"], "nice :) ok")
    try run(["not good", "good", "not"], "not good at all, not really good")
    try run(["慢", "太慢"], "太慢了")
    try run(["差"], "很差")
    try run(["差", "很"], "很差")
    try out.write(toFile: "/tmp/probe.txt", atomically: true, encoding: .utf8)
}
