import RaterCore

/// NFKC for the characters most comments are made of, without a round trip through ICU's UTF-16 API.
///
/// Chinese comments are ideographs, ASCII, a few CJK brackets and full-width punctuation (，！？：). Every one of
/// those except the full-width forms is already NFKC (quick-check "yes", combining class 0), and a full-width form
/// U+FF01…U+FF5E is NFKC-equivalent to the ASCII character 0xFEE0 below it. None of them composes with a neighbour,
/// so mapping them one by one is exactly NFKC. Any other character sends the whole text to ICU.
/// `CommonTextNFKCTests` checks every accepted character against ICU.
enum CommonTextNFKC {
    /// The NFKC form of `bytes` when every character is in the accepted set: `.unchanged` if nothing maps,
    /// `.mapped` with the new text otherwise; `.needsICU` when any character is outside the set.
    enum Outcome: Equatable {
        case unchanged
        case mapped(String)
        case needsICU
    }

    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var fullWidth = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            if isIdeographLead(lead) {
                index += 3
                continue
            }
            guard lead >= 0xE0, lead < 0xF0, index + 2 < count else { return .needsICU }
            let scalar = UTF8Scalar.threeByteValue(bytes, at: index)
            switch classify(scalar) {
            case .stable: break
            case .fullWidth: fullWidth += 1
            case .other: return .needsICU
            }
            index += 3
        }
        guard fullWidth > 0 else { return .unchanged }
        // Each full-width form (3 bytes) becomes one ASCII byte.
        let text = String(unsafeUninitializedCapacity: count - 2 * fullWidth) { output in
            var written = 0
            var index = 0
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    output[written] = lead
                    written += 1
                    index += 1
                    continue
                }
                let scalar = UTF8Scalar.threeByteValue(bytes, at: index)
                if !isIdeographLead(lead) && classify(scalar) == .fullWidth {
                    output[written] = UInt8(scalar - 0xFEE0)
                    written += 1
                } else {
                    output[written] = lead
                    output[written + 1] = bytes[index + 1]
                    output[written + 2] = bytes[index + 2]
                    written += 3
                }
                index += 3
            }
            return written
        }
        return .mapped(text)
    }

    /// Lead bytes E5…E9 start U+5000…U+9FFF, all CJK Unified Ideographs (stable): most of a Chinese comment is
    /// passed over on this one comparison, without decoding. The text is valid UTF-8, so three bytes follow.
    @inline(__always)
    static func isIdeographLead(_ lead: UInt8) -> Bool { lead &- 0xE5 < 5 }

    enum Class: Equatable {
        case stable
        case fullWidth
        case other
    }

    /// The class of a three-byte (U+0800…U+FFFF) scalar. Surrogate code points cannot occur in valid UTF-8.
    @inline(__always)
    static func classify(_ scalar: UInt32) -> Class {
        switch scalar {
        case 0x4E00...0x9FFF,  // CJK Unified Ideographs
             0x3001...0x3002, 0x300A...0x3011,  // 、。《》「」『』【】
             0x2014, 0x2018...0x2019, 0x201C...0x201D:  // — ‘ ’ “ ”
            return .stable
        case 0xFF01...0xFF5E:
            return .fullWidth
        default:
            return .other
        }
    }
}
