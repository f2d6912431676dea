/// Untrusted text made safe to print on a terminal, one value per column of a tab-separated line.
///
/// Every control character (Unicode category Cc: C0 and C1, so ESC, BEL, CR, LF, tab, DEL), every format character
/// (Cf: bidi overrides and isolates, zero-width joiners, the BOM, soft hyphen …), the line and paragraph separators
/// and the noncharacters are written as a visible `\u{1B}`, so no value can move the cursor, retitle the window,
/// erase what was printed, reorder the line or break its columns. A backslash is doubled, so `\u{1B}` in the output
/// always means the escaped character and never the six characters themselves.
public enum TerminalText {
    public static func visible(_ value: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if scalar == "\\" {
                output.append(contentsOf: "\\\\".unicodeScalars)
            } else if isInvisible(scalar) {
                output.append(contentsOf: ("\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}").unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether `scalar` is one `visible` escapes: also the rule for what an analyst's name may not hold.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.properties.isNoncharacterCodePoint
        }
    }
}
