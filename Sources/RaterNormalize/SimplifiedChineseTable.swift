import CRaterICU
import RaterCore

/// Traditional → Simplified Chinese one character at a time, from a table ICU fills once per process.
///
/// ICU's Traditional-Simplified transliterator was 10–15% of a Chinese run's time in the benchmark's profile: it
/// is a rule engine run over every character of every comment that has a Traditional one. The table holds what
/// the same transliterator does to each CJK ideograph on its own, built when first needed (see `build()`), so
/// converting a comment is a dictionary lookup per character. What is lost are ICU's few context rules (乾 in 乾淨
/// vs 乾隆); service comments almost never need them, and the sentiment lexicons list both forms where it matters.
public enum SimplifiedChineseTable {
    /// Ideographs whose Simplified form differs, and that form; or why ICU could not say.
    static let table: Result<[Unicode.Scalar: String], ICUError> = build()

    /// The table, or an empty one when ICU failed.
    static var mapping: [Unicode.Scalar: String] { (try? table.get()) ?? [:] }

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
    /// table (a libicu without its transliteration data): a `RunStoppingError`, so the run stops at the first comment
    /// that needs it instead of scoring such comments unconverted.
    public static func simplify(_ text: String) throws -> String { try simplify(text, table: table) }

    /// `simplify(_:)` given the table's outcome, so that a test can hand it a failed one.
    static func simplify(_ text: String, table: Result<[Unicode.Scalar: String], ICUError>) throws -> String {
        // Every mapped scalar is a three-byte sequence (U+3400…U+FAFF, lead bytes E3…EF); everything else is copied.
        if case let .failure(error) = table { throw TraditionalChineseUnavailable(cause: error) }
        let (replacementIndex, replacements) = lookup
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
    /// all 28,000 ideographs cost 600 M instructions, mostly ICU shifting its buffer after each replacement. ICU
    /// calls a source set approximate, so a table that misses any of `probes` is built again from every ideograph.
    /// A test holds the two to each other.
    static func build() -> Result<[Unicode.Scalar: String], ICUError> {
        let fromSourceSet = build(everyIdeograph: false)
        guard case let .success(mapping) = fromSourceSet, !probes.allSatisfy({ mapping[$0] != nil }) else {
            return fromSourceSet
        }
        return build(everyIdeograph: true)
    }

    /// Frequent Traditional-only characters, each of which ICU's table must change.
    static let probes = Array("們這個說對會來時麼國過還發點實體開關為無".unicodeScalars)

    static func build(everyIdeograph: Bool) -> Result<[Unicode.Scalar: String], ICUError> {
        func failure(_ status: Int32) -> Result<[Unicode.Scalar: String], ICUError> {
            .failure(ICUError(operation: "building the Traditional-Simplified table", code: status))
        }
        var status: Int32 = 0
        guard let transliterator = rater_transliterator_open("Traditional-Simplified", &status) else {
            return failure(status)
        }
        defer { rater_transliterator_close(transliterator) }
        var scalars = [Unicode.Scalar]()
        if everyIdeograph {
            for range in ranges { scalars += range.compactMap(Unicode.Scalar.init) }
        } else {
            let first = ranges[0].lowerBound
            let last = ranges[ranges.count - 1].upperBound
            var values = [UInt32](repeating: 0, count: Int(last - first + 1))
            let count = rater_transliterator_source_characters(transliterator, first, last, &values,
                                                               Int32(values.count), &status)
            guard count >= 0 else { return failure(status) }
            scalars = values.prefix(Int(count)).filter { value in ranges.contains { $0.contains(value) } }
                .compactMap(Unicode.Scalar.init)
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
            let output: String
            do {
                output = try applyUTF8Transform(input, operation: "Traditional-Simplified") {
                    rater_transliterate_utf8(transliterator, $0, $1, $2, $3, $4)
                } ?? input
            } catch let error as ICUError {
                return .failure(error)
            } catch {
                return failure(0)
            }
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count >= chunk.count else { return failure(0) }
            for (scalar, line) in zip(chunk, lines) where line.unicodeScalars.count >= 1 {
                let simplified = String(line)
                if simplified.unicodeScalars.count != 1 || simplified.unicodeScalars.first != scalar {
                    mapping[scalar] = simplified
                }
            }
        }
        return mapping.isEmpty ? failure(0) : .success(mapping)
    }
}

/// ICU could not build the Traditional → Simplified table (a libicu without its transliteration data). Every comment
/// in Traditional characters would fail alike, so this stops the run rather than rejecting them one by one.
public struct TraditionalChineseUnavailable: RunStoppingError, CustomStringConvertible {
    public var cause: ICUError

    public init(cause: ICUError) { self.cause = cause }

    public var description: String { "cannot convert Traditional Chinese to Simplified: \(cause)" }
}
