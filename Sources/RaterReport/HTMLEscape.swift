/// The only two ways untrusted text reaches the page: as element text, or as a quoted attribute value.
///
/// Both escape every character that could end the current context (`<`, `&`, quotes), and both neutralise Unicode
/// bidirectional controls: an RTL override (U+202E) inside a comment would otherwise reorder the page text after
/// it. Each comment is also wrapped in `<bdi>`, which isolates its direction; stripping the controls as well means
/// the isolation does not depend on the browser. NUL and other C0 controls are not allowed in HTML, so they go too.
public enum HTMLEscape {
    /// Element text: `&`, `<`, `>` escaped (`>` too, so the output is also well-formed XML).
    public static func text(_ value: String) -> String {
        escape(value, quotes: false)
    }

    /// A double-quoted attribute value: also `"` and `'`, so a value can never break out of its quotes.
    public static func attribute(_ value: String) -> String {
        escape(value, quotes: true)
    }

    /// Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the marks U+200E, U+200F, U+061C.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    private static func escape(_ value: String, quotes: Bool) -> String {
        var output = String.UnicodeScalarView()
        output.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output.append(contentsOf: "&amp;".unicodeScalars)
            case "<": output.append(contentsOf: "&lt;".unicodeScalars)
            case ">": output.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where quotes: output.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where quotes: output.append(contentsOf: "&#39;".unicodeScalars)
            case "\n", "\t": output.append(quotes ? " " : scalar)
            case "\r": output.append(" ")
            default:
                // C0/C1 controls, noncharacters and bidi controls are dropped: invalid in HTML or able to reorder text.
                let code = scalar.value
                if code < 0x20 || (0x7F...0x9F).contains(code) || (0xFDD0...0xFDEF).contains(code)
                    || code & 0xFFFE == 0xFFFE || isBidiControl(scalar) {
                    continue
                }
                output.append(scalar)
            }
        }
        return String(output)
    }
}
