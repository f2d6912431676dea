import Testing
@testable import RaterReport

@Suite struct HTMLEscapeTests {
    @Test func textEscapesMarkupButNotQuotes() {
        #expect(HTMLEscape.text("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d")
        #expect(HTMLEscape.text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTMLEscape.text("say \"hi\" it's") == "say \"hi\" it's")
    }

    @Test func attributesEscapeBothQuotes() {
        #expect(HTMLEscape.attribute("\" onmouseover=\"alert(1)") == "&quot; onmouseover=&quot;alert(1)")
        #expect(HTMLEscape.attribute("x' onerror='y") == "x&#39; onerror=&#39;y")
        #expect(HTMLEscape.attribute("line\nbreak") == "line break")
    }

    @Test func bidiAndControlCharactersAreRemoved() {
        let overrides = "Service was \u{202E}dab yrev\u{202C} honestly \u{2066}x\u{2069}\u{200F}"
        let escaped = HTMLEscape.text(overrides)
        #expect(escaped == "Service was dab yrev honestly x")
        #expect(!escaped.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        #expect(HTMLEscape.text("a\u{0}b\u{7}c\u{85}d\u{FFFE}e") == "abcde")
        #expect(HTMLEscape.text("中文 emoji 👍 ok") == "中文 emoji 👍 ok")
    }

    @Test func builderEscapesByConstruction() {
        var html = HTMLBuilder()
        html.element("p", [("class", "x\" onclick=\"evil()"), ("title", nil)]) { p in
            p.text("<b>bold</b>")
            p.element("br")
        }
        #expect(html.output == "<p class=\"x&quot; onclick=&quot;evil()\">&lt;b&gt;bold&lt;/b&gt;<br/></p>")
    }
}
