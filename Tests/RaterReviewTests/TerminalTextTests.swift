import RaterCore
import Testing

/// `rater corrections list` prints keys, file names and analyst names that came from exports and the page: no
/// control or invisible character may reach the terminal.
@Suite struct TerminalTextTests {
    @Test func controlAndInvisibleCharactersAreShownAsEscapes() {
        let attack = "\u{1B}]0;pwned\u{7}\u{1B}[2K\rFAKE ROW"
        #expect(TerminalText.visible(attack) == "\\u{1B}]0;pwned\\u{7}\\u{1B}[2K\\u{D}FAKE ROW")
        #expect(TerminalText.visible("a\tb\nc\r\nd") == "a\\u{9}b\\u{A}c\\u{D}\\u{A}d")
        #expect(TerminalText.visible("\u{0}\u{7F}\u{85}\u{9B}") == "\\u{0}\\u{7F}\\u{85}\\u{9B}")
        #expect(TerminalText.visible("a\u{202E}b\u{2066}c\u{200B}d\u{FEFF}e\u{2028}f\u{FFFF}")
                == "a\\u{202E}b\\u{2066}c\\u{200B}d\\u{FEFF}e\\u{2028}f\\u{FFFF}")
        #expect(TerminalText.visible("a\\u{1B}") == "a\\\\u{1B}", "a written escape cannot pass for a real one")
        #expect(TerminalText.visible("李雷 e\u{301} ok") == "李雷 e\u{301} ok")
        for value in [attack, "x\u{9B}31m", "\u{1B}c"] {
            #expect(!TerminalText.visible(value).unicodeScalars.contains {
                $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
            })
        }
    }
}
