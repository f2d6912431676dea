import CRaterICU

/// Traditional → Simplified Chinese one character at a time, from a table ICU fills once per process.
///
/// ICU's Traditional-Simplified transliterator was 10–15% of a Chinese run's time in the benchmark's profile: it
/// is a rule engine run over every character of every comment that has a Traditional one. The table holds what
/// the same transliterator does to each CJK ideograph on its own, built in one ICU call at first use, so converting
/// a comment is a dictionary lookup per character. What is lost are ICU's few context rules (乾 in 乾淨 vs 乾隆);
/// service comments almost never need them, and the sentiment lexicons list both forms where it matters.
public enum SimplifiedChineseTable {
    /// Ideographs whose Simplified form differs, and that form.
    static let mapping: [Unicode.Scalar: String] = build()

    /// CJK Unified Ideographs and Extension A, where Traditional characters live.
    static let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]

    /// `text` with every Traditional ideograph replaced by its Simplified form.
    public static func simplify(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x3400, let simplified = mapping[scalar] {
                result.append(contentsOf: simplified.unicodeScalars)
                changed = true
            } else {
                result.append(scalar)
            }
        }
        return changed ? String(result) : text
    }

    private static func build() -> [Unicode.Scalar: String] {
        var status: Int32 = 0
        guard let transliterator = rater_transliterator_open("Traditional-Simplified", &status) else { return [:] }
        defer { rater_transliterator_close(transliterator) }
        // Every ideograph on its own line, so ICU's output splits back into one entry per input character.
        var scalars = [Unicode.Scalar]()
        var input = ""
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                scalars.append(scalar)
                input.unicodeScalars.append(scalar)
                input.unicodeScalars.append("\n")
            }
        }
        guard let output = try? applyUTF8Transform(input, operation: "Traditional-Simplified", {
            rater_transliterate_utf8(transliterator, $0, $1, $2, $3, $4)
        }) else { return [:] }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= scalars.count else { return [:] }
        var mapping = [Unicode.Scalar: String]()
        for (scalar, line) in zip(scalars, lines) where line.unicodeScalars.count >= 1 {
            let simplified = String(line)
            if simplified.unicodeScalars.count != 1 || simplified.unicodeScalars.first != scalar {
                mapping[scalar] = simplified
            }
        }
        return mapping
    }
}
