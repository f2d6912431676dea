import Testing
@testable import RaterSegment

@Test func probe() throws {
    let s = try Segmenter()
    for t in ["太慢了！！！", "真的吗？", "Hello, world. It's 3.5 stars!", "👍🏽 nice 👨‍👩‍👧", "性价比高，服务员很好", "不好", "好像", "took forever", "goodness", "a\nb\r\nc", "，。！", "", "环境不错，但是服务员态度很差", "价格：100元；还行…", "Wait?! ok", "¿Qué? « ok »", "日本語のテキスト", "x@y #tag $5 €5 ©"] {
        let seg = try s.segment(t)
        print("TEXT", t.debugDescription)
        for tok in seg.tokens { print("  ", tok.start, tok.end, tok.kind, seg.text(of: tok).debugDescription) }
        for c in seg.clauses { print("  C", c, seg.text(of: c).debugDescription) }
    }
}
