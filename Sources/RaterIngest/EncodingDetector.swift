import CRaterICU

/// The charset an input is read in, and why Rater believes so (shown in the run manifest and in `--verbose` logs).
public struct DetectedEncoding: Sendable, Equatable {
    public enum Evidence: Sendable, Equatable {
        case forced
        case byteOrderMark
        case xmlDeclaration
        case utf16Pattern
        case validUTF8
        /// ICU's statistical detector, with its confidence (0–100).
        case statistics(confidence: Int)
        /// Not UTF-8 and the statistics unsure: see `EncodingDetector.legacyCharset`.
        case fallback
    }

    /// An ICU converter name.
    public var name: String
    /// Bytes at the start that are a byte order mark, to be skipped before decoding.
    public var byteOrderMarkLength: Int
    public var evidence: Evidence

    public var isUTF8: Bool { name == "UTF-8" }
}

/// Decides the charset of an export from its first bytes.
///
/// Order matters: a byte order mark is certain; an XML declaration is the author's word; a UTF-16 zero-byte
/// pattern is near-certain; valid UTF-8 in a sample with any non-ASCII byte is almost never an accident; only then
/// do statistics guess between legacy charsets, and among those Chinese exports are the common case.
public enum EncodingDetector {
    /// How much of the input the detector looks at.
    public static let sampleSize = 1 << 16

    public static func detect(head: [UInt8]) -> DetectedEncoding {
        if let bom = byteOrderMark(head) { return bom }
        if let declared = xmlDeclaredEncoding(head) {
            return DetectedEncoding(name: declared, byteOrderMarkLength: 0, evidence: .xmlDeclaration)
        }
        if let utf16 = utf16WithoutMark(head) {
            return DetectedEncoding(name: utf16, byteOrderMarkLength: 0, evidence: .utf16Pattern)
        }
        if mostlyUTF8(head) {
            return DetectedEncoding(name: "UTF-8", byteOrderMarkLength: 0, evidence: .validUTF8)
        }
        return legacyCharset(head)
    }

    /// UTF-8 with at most a few stray bytes. A UTF-8 export with one corrupt byte is far more common than a legacy
    /// file whose multi-byte sequences happen to be valid UTF-8, and treating it as UTF-8 rejects only the corrupt
    /// record, where guessing a legacy charset would garble every comment in the file.
    static func mostlyUTF8(_ head: [UInt8]) -> Bool {
        var valid = 0
        var invalid = 0
        var rest = head[...]
        while !rest.isEmpty {
            guard let bad = UTF8Validator.firstInvalidOffset(in: rest, allowingTruncatedEnd: head.count >= sampleSize)
            else {
                valid += rest.count { $0 >= 0xC0 }
                break
            }
            let before = rest.prefix(bad)
            valid += before.count { $0 >= 0xC0 }
            invalid += 1
            rest = rest.dropFirst(bad + 1)
        }
        // Legacy Chinese text measures about four invalid spots per accidental valid sequence; UTF-8 the reverse.
        return invalid == 0 || invalid * 2 <= valid
    }

    static func byteOrderMark(_ head: [UInt8]) -> DetectedEncoding? {
        let marks: [([UInt8], String)] = [
            ([0xEF, 0xBB, 0xBF], "UTF-8"),
            ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"), ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"),
            ([0xFF, 0xFE], "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE"),
            ([0x84, 0x31, 0x95, 0x33], "GB18030"),
        ]
        for (mark, name) in marks where head.starts(with: mark) {
            // UTF-8 keeps its mark: the readers skip it, and it tells them where line 1 starts.
            let length = name == "UTF-8" ? 0 : mark.count
            return DetectedEncoding(name: name, byteOrderMarkLength: length, evidence: .byteOrderMark)
        }
        return nil
    }

    /// `encoding="…"` from `<?xml … ?>` at the very start, when the file is ASCII-compatible.
    static func xmlDeclaredEncoding(_ head: [UInt8]) -> String? {
        guard head.starts(with: Array("<?xml".utf8)) else { return nil }
        let declaration = head.prefix(200).prefix { $0 != UInt8(ascii: ">") }
        guard let text = String(validating: declaration, as: UTF8.self),
              let range = text.firstRange(of: "encoding") else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        guard !name.isEmpty else { return nil }
        let upper = name.uppercased()
        // A declaration Rater could read as ASCII is not in UTF-16 or UTF-32, whatever it says: .NET's StringWriter
        // writes `encoding="utf-16"` over UTF-8 bytes. Such a label is ignored and the bytes decide.
        let wide = ["UTF-16", "UTF16", "UTF-32", "UTF32", "UCS-2", "UCS2", "UCS-4", "UCS4", "ISO-10646-UCS", "UNICODE"]
        guard !wide.contains(where: { upper.hasPrefix($0) }) else { return nil }
        // Name what the converter calls it, so "utf-8" and "UTF8" both skip transcoding.
        return upper == "UTF-8" || upper == "UTF8" ? "UTF-8" : String(name)
    }

    /// UTF-16 without a mark: mostly ASCII-range text leaves every other byte zero.
    static func utf16WithoutMark(_ head: [UInt8]) -> String? {
        let sample = head.prefix(4_096)
        guard sample.count >= 8 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 >= pairs * 3 && evenZeros * 20 < pairs { return "UTF-16LE" }
        if evenZeros * 10 >= pairs * 3 && oddZeros * 20 < pairs { return "UTF-16BE" }
        return nil
    }

    /// Legacy charsets. Text dense in high bytes is double-byte CJK, and Rater's users write Chinese, so it is
    /// GB18030 (a superset of GBK and GB2312) or Big5: ICU's statistics decide when they are sure, else the one that
    /// decodes the sample with fewer invalid sequences (ICU gives up on a sample with even one bad sequence).
    /// Sparse high bytes are accented Latin text: ICU's best single-byte guess, Windows-1252 by default. Anything
    /// else (Shift_JIS, EUC-KR …) must be named with `--encoding`.
    static func legacyCharset(_ head: [UInt8]) -> DetectedEncoding {
        let candidates = icuCandidates(head)
        func confidence(_ name: String) -> Int { candidates.first { $0.name == name }?.confidence ?? 0 }
        if let utf16 = chineseUTF16WithoutMark(head) {
            return DetectedEncoding(name: utf16, byteOrderMarkLength: 0, evidence: .utf16Pattern)
        }
        let highBytes = head.count { $0 >= 0x80 }
        if highBytes * 5 >= head.count || isPairedHighBytes(head) {
            let gb = confidence("GB18030")
            let big5 = confidence("Big5")
            if max(gb, big5) >= 50 && gb != big5 {
                return DetectedEncoding(name: gb > big5 ? "GB18030" : "Big5", byteOrderMarkLength: 0,
                                        evidence: .statistics(confidence: max(gb, big5)))
            }
            let big5Errors = invalidSequences(head, charset: "Big5")
            let gbErrors = invalidSequences(head, charset: "GB18030")
            return DetectedEncoding(name: big5Errors < gbErrors ? "Big5" : "GB18030", byteOrderMarkLength: 0,
                                    evidence: .fallback)
        }
        let singleByte = ["windows-1252", "ISO-8859-1", "windows-1250", "ISO-8859-2", "windows-1251", "KOI8-R"]
        if let best = candidates.first(where: { singleByte.contains($0.name) && $0.confidence >= 20 }) {
            // ICU says ISO-8859-1 when no 0x80–0x9F byte occurs; Windows-1252 is a superset either way.
            let name = best.name == "ISO-8859-1" ? "windows-1252" : best.name
            return DetectedEncoding(name: name, byteOrderMarkLength: 0, evidence: .statistics(confidence: best.confidence))
        }
        return DetectedEncoding(name: "windows-1252", byteOrderMarkLength: 0, evidence: .fallback)
    }

    /// UTF-16 without a mark and with little ASCII: Chinese text has no zero bytes, but the high byte of nearly
    /// every code unit lies in the CJK block (U+3000–U+9FFF: 0x30–0x9F), at odd offsets for little-endian. Legacy
    /// Chinese puts lead bytes 0x81–0xFE on either side, so it never looks like this; the sample must also decode
    /// as UTF-16 without an invalid sequence (a lone surrogate, say).
    static func chineseUTF16WithoutMark(_ head: [UInt8]) -> String? {
        let sample = Array(head.prefix(4_096))
        let pairs = sample.count / 2
        guard pairs >= 4 else { return nil }
        func isCJKHigh(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x9F }
        var odd = 0
        var even = 0
        for pair in 0..<pairs {
            if isCJKHigh(sample[2 * pair + 1]) || sample[2 * pair + 1] == 0xFF { odd += 1 }
            if isCJKHigh(sample[2 * pair]) || sample[2 * pair] == 0xFF { even += 1 }
        }
        // Nine in ten units in the CJK blocks or full-width forms (U+FF00…), and not the other byte order too.
        for (name, count, other) in [("UTF-16LE", odd, even), ("UTF-16BE", even, odd)]
            where count * 10 >= pairs * 9 && other * 10 < pairs * 9 {
            if invalidSequences(Array(sample.prefix(pairs * 2)), charset: name) == 0 { return name }
        }
        return nil
    }

    /// Whether the high bytes come in pairs, as double-byte Chinese does, though they are few: mostly English text
    /// with a Chinese name or phrase in GBK was read as Windows-1252, where accented Latin puts one high byte between
    /// ASCII letters (café). Latin has pairs too, inside words (Atenção, promoções, Grüße): a run with an ASCII
    /// letter on both sides counts as Latin whatever its length. At least three runs, nine in ten of even length.
    static func isPairedHighBytes(_ head: [UInt8]) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        var even = 0
        var odd = 0
        var run = 0
        var before: UInt8 = 0x20  // the ASCII byte before the current run
        for byte in head {
            if byte >= 0x80 {
                run += 1
                continue
            }
            if run > 0 {
                if run % 2 == 0 && !(isLetter(before) && isLetter(byte)) { even += 1 } else { odd += 1 }
            }
            run = 0
            before = byte
        }
        // A run cut by the end of the sample says nothing.
        return even >= 3 && odd * 10 <= (even + odd)
    }

    /// How many invalid or unmappable sequences decoding `head` as `charset` meets (a sequence cut by the end of
    /// the sample counts, which is the same for every candidate).
    static func invalidSequences(_ head: [UInt8], charset: String) -> Int {
        guard let source = try? TranscodingSource(upstream: MemorySource(head), charset: charset, path: "") else {
            return Int.max
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var count = 0
        while let read = try? buffer.withUnsafeMutableBufferPointer({ try source.read(into: $0.baseAddress!, count: $0.count) }),
              read > 0 {
            count += buffer[..<read].count { $0 == TranscodingSource.invalidMarker }
        }
        return count
    }

    static func icuCandidates(_ head: [UInt8]) -> [(name: String, confidence: Int)] {
        guard !head.isEmpty else { return [] }
        var names = [(CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar,
                      CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar,
                      CChar, CChar, CChar, CChar)](repeating: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), count: 8)
        var confidences = [Int32](repeating: 0, count: 8)
        var status: Int32 = 0
        let count = head.withUnsafeBufferPointer { bytes in
            rater_detect_charsets(bytes.baseAddress!, Int64(bytes.count), &names, &confidences, 8, &status)
        }
        return (0..<Int(count)).map { index in
            let name = withUnsafeBytes(of: names[index]) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            return (name, Int(confidences[index]))
        }
    }
}
