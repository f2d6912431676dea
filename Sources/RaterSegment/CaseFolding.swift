import RaterCore

/// Lower-cases the letters of alphabetic scripts beyond ASCII (É, Ä, Ω, Д), in place, without moving a byte.
///
/// Comments and lexicon terms were lower-cased for ASCII only, so "The DÉCOR was lovely" missed `décor` and "CLICHÉD"
/// missed `clichéd`. A capital is replaced only by a lower-case form of the same UTF-8 length (Unicode's simple
/// lower-case mapping, when it is one scalar), so every byte offset into the folded text still points into the
/// original, which the tokens and matches rely on. The few capitals whose lower case is longer or shorter (İ, K as
/// the Kelvin sign) are left as they are.
public enum CaseFolding {
    /// Capitals live in U+00C0…U+1FFF (Latin-1, Latin Extended, Greek, Cyrillic, Armenian, Georgian, Latin and Greek
    /// Extended Additional) for the scripts of customer comments; their UTF-8 lead bytes are C3…E1.
    static let covered: Range<UInt32> = 0xC0..<0x2000

    /// `lowerCase[scalar - 0xC0]` is the scalar's lower case, or 0 when it has none of the same UTF-8 length.
    static let lowerCase: [UInt16] = {
        var table = [UInt16](repeating: 0, count: covered.count)
        for value in covered {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else { continue }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            guard lower.count == 1, let mapped = lower.first,
                  UTF8.width(mapped) == UTF8.width(scalar), mapped.value < 0x10000
            else { continue }
            table[Int(value - covered.lowerBound)] = UInt16(mapped.value)
        }
        return table
    }()

    /// Whether a byte leads a scalar that `lowerCase` may change (U+00C0…U+1FFF): a cheap test run on every byte.
    @inline(__always)
    public static func mayLeadCapital(_ byte: UInt8) -> Bool { byte >= 0xC3 && byte <= 0xE1 }

    /// Lower-cases, in place, every non-ASCII capital in `bytes` (valid UTF-8). ASCII is left to the caller.
    public static func lowerNonASCII(_ bytes: UnsafeMutableBufferPointer<UInt8>) {
        lowerCase.withUnsafeBufferPointer { table in
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                guard mayLeadCapital(lead) else {
                    index += lead >= 0xC0 ? UTF8Scalar.length(leadByte: lead) : 1
                    continue
                }
                let length = UTF8Scalar.length(leadByte: lead)
                guard index + length <= count else { return }
                let value: UInt32 = length == 2
                    ? UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    : UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                if covered.contains(value) {
                    let lower = UInt32(table[Int(value - covered.lowerBound)])
                    if lower != 0 {
                        if length == 2 {
                            bytes[index] = 0xC0 | UInt8(lower >> 6)
                            bytes[index + 1] = 0x80 | UInt8(lower & 0x3F)
                        } else {
                            bytes[index] = 0xE0 | UInt8(lower >> 12)
                            bytes[index + 1] = 0x80 | UInt8((lower >> 6) & 0x3F)
                            bytes[index + 2] = 0x80 | UInt8(lower & 0x3F)
                        }
                    }
                }
                index += length
            }
        }
    }
}
