import RaterCore

/// The order lexicon terms are numbered in, which is `String`'s own `<`, computed the fast way where it gives the
/// same answer.
///
/// The numbering is an entry's index in a matcher or cue layer, so changing it would renumber every entry; the sort
/// is kept, only made cheaper. `String`'s `<` compares canonically normalised (NFC) text, and the comparisons of
/// Chinese terms took its slow path: sorting the matcher's and the cue layers' terms cost a quarter of a billion
/// instructions of every run's start-up. For two terms that are already NFC whatever follows, comparing their
/// UTF-8 bytes gives the same order (UTF-8 keeps code point order), so only the rest go through `<`.
enum TermOrder {
    /// The terms' indices, in the order `<` puts the terms.
    static func indices(sorting terms: [String]) -> [Int] {
        let spelled = terms.map { Array($0.utf8) }
        let plain = spelled.map(isTriviallyNFC)
        return terms.indices.sorted { left, right in
            guard plain[left] && plain[right] else { return terms[left] < terms[right] }
            return spelled[left].lexicographicallyPrecedes(spelled[right])
        }
    }

    /// Entries sorted by key, as `sorted { $0.key < $1.key }` sorts them.
    static func sortedByKey<Value>(_ entries: [String: Value]) -> [(key: String, value: Value)] {
        let pairs = Array(entries)
        return indices(sorting: pairs.map(\.key)).map { pairs[$0] }
    }

    /// Whether NFC leaves the text as it is, for reasons visible scalar by scalar: no scalar has a canonical
    /// decomposition or combines with its neighbours. Holds for ASCII, Latin-1, the CJK ideographs (not the
    /// compatibility block, which NFC rewrites) and the emoji; text with anything else takes `<`'s own path.
    static func isTriviallyNFC(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = UTF8Scalar.length(leadByte: lead)
            guard length > 1, index + length <= bytes.count else { return false }
            var value = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            guard isPlain(value) else { return false }
            index += length
        }
        return true
    }

    private static func isPlain(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0..<0x300: true  // Latin-1 and Latin Extended: composed already, no combining marks
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x20000...0x2F7FF: true  // CJK ideographs, not the compatibility ones
        case 0x1F300...0x1FAFF: true  // emoji and pictographs
        default: false
        }
    }
}
