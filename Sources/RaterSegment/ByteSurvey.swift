import RaterCore

/// What the segmenter needs to know about a comment's bytes before the word break, found in the one pass that also
/// lower-cases its ASCII capitals.
///
/// The segmenter used to read every comment three times over, byte by byte: to fold ASCII capitals (and see whether
/// the text is all ASCII), to look for a web address (`://`, `www.`) and to look for a run-on sentence
/// (`great.The`), about 25 instructions a byte for work that the few comments with an address or a run-on need.
/// Eight bytes at a time (`ByteLanes`) the three cost about 10 (twenty-first round, `Benchmarks/ROUNDS.md`); the
/// exact checks run only where the survey says they may find something.
struct ByteSurvey: Equatable {
    /// Whether any byte is 0x80 or above: the text is not all ASCII (ICU breaks its words, non-ASCII capitals fold).
    var hasNonASCII = false
    /// Whether the text holds a `:` or two `w`s in a row, in any case: a cheap superset of `WebAddresses.mayHold`
    /// (every `://` has a colon, every `www.` a pair), which then decides. Few comments have either.
    var mayHoldAddress = false
    /// Whether a full stop comes right before a capital: a cheap superset of `RunOnSentences.mayHold` (which also
    /// wants a lower-case letter before the stop), which then decides. Few comments have one: a sentence's full stop
    /// is nearly always followed by a space.
    var mayHoldRunOn = false

    /// Surveys `original` and writes it, ASCII capitals lower-cased, into `folded` (as many bytes; every byte is
    /// written, so `folded` may start uninitialized). Bytes beyond ASCII are copied unchanged.
    static func folding(_ original: UnsafeBufferPointer<UInt8>,
                        into folded: UnsafeMutableBufferPointer<UInt8>) -> ByteSurvey {
        precondition(folded.count == original.count, "a folded copy as long as the text")
        let count = original.count
        guard count > 0, let source = original.baseAddress, let target = folded.baseAddress else { return ByteSurvey() }
        var lanes = Lanes()
        var offset = 0
        while offset + 8 <= count {
            let word = ByteLanes.load(original, at: offset)
            UnsafeMutableRawPointer(target + offset).storeBytes(of: lanes.take(word).littleEndian, as: UInt64.self)
            offset += 8
        }
        if offset < count {
            // The last one to seven bytes, in a word padded with zeros: a zero byte is no letter, mark or high byte.
            var word: UInt64 = 0
            withUnsafeMutableBytes(of: &word) {
                $0.copyMemory(from: UnsafeRawBufferPointer(start: source + offset, count: count - offset))
            }
            word = UInt64(littleEndian: word)
            var lowered = lanes.take(word).littleEndian
            withUnsafeBytes(of: &lowered) { lowered in
                UnsafeMutableRawPointer(target + offset).copyMemory(from: lowered.baseAddress!, byteCount: count - offset)
            }
        }
        return ByteSurvey(hasNonASCII: lanes.high != 0, mayHoldAddress: lanes.addressHint != 0,
                          mayHoldRunOn: lanes.runOnHint != 0)
    }

    /// The state carried from one eight-byte word to the next. Lane *i* is byte *i* of a word; shifting a mask left
    /// by 8 moves each lane's flag onto the byte after it, and a word's lane 7 meets the next word's lane 0 through
    /// the carried flags.
    private struct Lanes {
        var high: UInt64 = 0
        var addressHint: UInt64 = 0
        var runOnHint: UInt64 = 0
        /// Lane 0's flag (0x80) for the byte before it, the previous word's last: a `w`, a full stop.
        var wBefore: UInt64 = 0
        var dotBefore: UInt64 = 0

        /// Takes the next word of the text and returns it with its ASCII capitals lower-cased.
        @inline(__always)
        mutating func take(_ word: UInt64) -> UInt64 {
            let capitals = ByteLanes.inRange(word, 0x41, 0x5A)
            high |= word & ByteLanes.highBits
            // `|` 0x20 turns `W` into `w` and nothing else into `w`.
            let ws = ByteLanes.equal(word | (0x20 &* ByteLanes.ones), 0x77)
            addressHint |= ByteLanes.equal(word, 0x3A) | (ws & ((ws << 8) | wBefore))
            let dots = ByteLanes.equal(word, 0x2E)
            runOnHint |= (dots & (capitals >> 8)) | (dotBefore & capitals)
            wBefore = ws >> 56
            dotBefore = dots >> 56
            // A capital's high-bit flag, moved down two bits, is 0x20: the bit that makes it lower case.
            return word | (capitals >> 2)
        }
    }
}
