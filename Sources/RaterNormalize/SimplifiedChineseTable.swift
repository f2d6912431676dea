import CRaterICU
import RaterCore

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

    /// The same mapping for byte-level conversion: `replacementIndex[scalar - 0x3400]` is 1 + the index of the
    /// scalar's Simplified form in `replacements` (UTF-8), or 0 when it stays. Covers U+3400…U+FAFF.
    static let lookup: (replacementIndex: [UInt16], replacements: [[UInt8]]) = {
        var replacementIndex = [UInt16](repeating: 0, count: 0xFB00 - 0x3400)
        var replacements = [[UInt8]]()
        for (scalar, simplified) in mapping.sorted(by: { $0.key.value < $1.key.value })
        where (0x3400..<0xFB00).contains(scalar.value) {
            replacements.append(Array(simplified.utf8))
            replacementIndex[Int(scalar.value - 0x3400)] = UInt16(replacements.count)
        }
        return (replacementIndex, replacements)
    }()

    /// `text` with every Traditional ideograph replaced by its Simplified form. Throws when ICU could not build the
    /// table (a libicu without its transliteration data), so such comments are rejected with the reason rather than
    /// scored unconverted.
    public static func simplify(_ text: String) throws -> String {
        // Every mapped scalar is a three-byte sequence (U+3400…U+FAFF, lead bytes E3…EF); everything else is copied.
        let (replacementIndex, replacements) = lookup
        if replacements.isEmpty { throw ICUError(operation: "building the Traditional-Simplified table", code: 0) }
        var source = text
        let simplified = source.withUTF8 { bytes -> String? in
            var output = [UInt8]()
            var copied = 0  // bytes[..<copied] are in `output` already
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                guard lead >= 0xE3 && lead <= 0xEF && index + 2 < count else {
                    index += lead >= 0xC0 ? UTF8Scalar.length(leadByte: lead) : 1
                    continue
                }
                let value = UTF8Scalar.threeByteValue(bytes, at: index)
                if value >= 0x3400 && value < 0xFB00 {
                    let slot = Int(replacementIndex[Int(value - 0x3400)])
                    if slot > 0 {
                        if output.isEmpty { output.reserveCapacity(count + 16) }
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                        output.append(contentsOf: replacements[slot - 1])
                        copied = index + 3
                    }
                }
                index += 3
            }
            if copied == 0 { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
            return String(decoding: output, as: UTF8.self)
        }
        return simplified ?? text
    }

    /// Built from the ideographs ICU's rules name (their source set, about a tenth of the ranges): transliterating
    /// all 28,000 ideographs cost 600 M instructions, a third of every run's start-up, mostly ICU shifting its
    /// buffer after each replacement. A test holds this table to the one built from every ideograph.
    static func build() -> [Unicode.Scalar: String] { build(everyIdeograph: false) }

    static func build(everyIdeograph: Bool) -> [Unicode.Scalar: String] {
        var status: Int32 = 0
        guard let transliterator = rater_transliterator_open("Traditional-Simplified", &status) else { return [:] }
        defer { rater_transliterator_close(transliterator) }
        var scalars = [Unicode.Scalar]()
        for range in ranges {
            if everyIdeograph {
                scalars += range.compactMap(Unicode.Scalar.init)
                continue
            }
            let count = rater_transliterator_source_characters(transliterator, range.lowerBound, range.upperBound,
                                                               nil, 0, &status)
            guard count >= 0 else { return [:] }
            var values = [UInt32](repeating: 0, count: Int(count))
            _ = rater_transliterator_source_characters(transliterator, range.lowerBound, range.upperBound, &values,
                                                       count, &status)
            scalars += values.compactMap(Unicode.Scalar.init)
        }
        // A few hundred ideographs a call, each on its own line, so ICU's output splits back into one entry per
        // input character, and ICU's buffer stays short.
        var mapping = [Unicode.Scalar: String]()
        for chunkStart in stride(from: 0, to: scalars.count, by: 512) {
            let chunk = scalars[chunkStart..<min(chunkStart + 512, scalars.count)]
            var input = ""
            for scalar in chunk {
                input.unicodeScalars.append(scalar)
                input.unicodeScalars.append("\n")
            }
            guard let output = try? applyUTF8Transform(input, operation: "Traditional-Simplified", {
                rater_transliterate_utf8(transliterator, $0, $1, $2, $3, $4)
            }) else { return [:] }
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count >= chunk.count else { return [:] }
            for (scalar, line) in zip(chunk, lines) where line.unicodeScalars.count >= 1 {
                let simplified = String(line)
                if simplified.unicodeScalars.count != 1 || simplified.unicodeScalars.first != scalar {
                    mapping[scalar] = simplified
                }
            }
        }
        return mapping
    }
}
