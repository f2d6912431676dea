/// Finds where bytes stop being well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF).
///
/// Readers validate each record with `String(validating:)`; this is for the cases that need the position: naming
/// the offending byte in a rejection, and letting the encoding detector accept a sample cut mid-character.
enum UTF8Validator {
    /// The offset of the first byte that is not part of a well-formed sequence, or nil if all are well formed.
    /// With `allowingTruncatedEnd`, a sequence cut off by the end of `bytes` counts as well formed.
    static func firstInvalidOffset(in bytes: some Collection<UInt8>, allowingTruncatedEnd: Bool = false) -> Int? {
        var iterator = bytes.makeIterator()
        var offset = 0
        while let lead = iterator.next() {
            let start = offset
            offset += 1
            if lead < 0x80 { continue }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return start
            }
            for index in 1..<length {
                guard let byte = iterator.next() else { return allowingTruncatedEnd ? nil : start }
                offset += 1
                let (min, max) = index == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                if byte < min || byte > max { return start }
            }
        }
        return nil
    }
}
