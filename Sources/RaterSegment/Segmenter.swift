import RaterCore

/// The segment stage: ICU word break (or its ASCII equivalent, `ASCIIWordBreaker`), then clauses and sentences
/// from punctuation.
///
/// Holds an ICU break iterator: create one `Segmenter` per worker.
public final class Segmenter {
    private let breaker: WordBreaker

    public init() throws {
        breaker = try WordBreaker()
    }

    public func segment(_ text: String) throws -> SegmentedText {
        let original = Array(text.utf8)
        // One pass folds the ASCII capitals and tells which of the rarer passes below the text needs (`ByteSurvey`).
        var survey = ByteSurvey()
        var folded = original
        folded.withUnsafeMutableBufferPointer { folded in
            survey = original.withUnsafeBufferPointer { ByteSurvey.folding($0, into: folded) }
            // "The DÉCOR was lovely" has to match `décor`: capitals beyond ASCII too, at the same byte offsets. A pass
            // of its own, on text that is not all ASCII only: it steps over Chinese a character at a time.
            if survey.hasNonASCII { CaseFolding.lowerNonASCII(folded) }
        }
        // About one token per two bytes in English (a word, then a space), fewer in Chinese: sized once, where
        // a third of the bytes made most English comments grow the array while the word break appended to it.
        var tokens = TokenList(capacity: original.count / (survey.hasNonASCII ? 3 : 2) + 4)
        try original.withUnsafeBufferPointer { bytes in
            tokens.bytes = bytes
            // All-ASCII text (most English comments) gets ICU's boundaries from the equivalent ASCII rules.
            if !survey.hasNonASCII {
                ASCIIWordBreaker.forEachBoundary(in: bytes, into: &tokens)
            } else {
                try breaker.forEachBoundary(in: bytes, into: &tokens)
            }
        }
        // "see https://example.com/faq": an address is one token, not words and an emoticon (`WebAddresses`).
        if survey.mayHoldAddress && original.withUnsafeBufferPointer({ WebAddresses.mayHold($0) }) {
            tokens.tokens = original.withUnsafeBufferPointer { WebAddresses.merge(tokens.tokens, bytes: $0) }
        }
        // "great.The service": a full stop typed without its space ends a sentence too (`RunOnSentences`).
        if survey.mayHoldRunOn && original.withUnsafeBufferPointer({ RunOnSentences.mayHold($0) }) {
            tokens.tokens = original.withUnsafeBufferPointer { RunOnSentences.split(tokens.tokens, bytes: $0) }
        }
        let clauses = ClauseSplitter.split(tokens: tokens.tokens, bytes: original)
        return SegmentedText(original: original, folded: folded, tokens: tokens.tokens, clauses: clauses)
    }

    /// ICU's rule status tells words from non-words; non-words are told apart here by their first character, since
    /// ICU gives spaces, punctuation and emoji the same status 0.
    static func kind(of bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, status: Int32) -> Token.Kind {
        switch status {
        case 100..<200: return .number
        case 200..<300: return .word
        case 300..<500: return .ideographic
        default: break
        }
        let first = bytes[start]
        if first == 0x0A || (first == 0x0D && end - start == 2 && bytes[start + 1] == 0x0A) { return .lineBreak }
        if first == 0x20 || first == 0x09 || first == 0x0D { return .whitespace }
        if first < 0x80 { return .punctuation }
        let scalar = UTF8Scalar.decode(bytes, at: start).value
        switch scalar {
        case 0x3000...0x303F, 0xFF00...0xFF65, 0x2010...0x2027, 0x2030...0x205E, 0xFE30...0xFE4F, 0xA1...0xBF:
            return .punctuation
        default:
            return .symbol
        }
    }
}

/// Turns boundaries into tokens, classified by `Segmenter.kind`. `bytes` is set for the one text being segmented.
private struct TokenList: BoundarySink {
    var tokens: [Token] = []
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var start = 0

    init(capacity: Int) { tokens.reserveCapacity(capacity) }

    mutating func boundary(at end: Int, status: Int32) {
        let kind = Segmenter.kind(of: bytes, start, end, status: status)
        tokens.append(Token(start: Int32(start), end: Int32(end), kind: kind))
        start = end
    }
}
