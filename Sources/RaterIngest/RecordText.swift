#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RaterCore

/// Turns raw record bytes into text, or says why it cannot.
public enum RecordText {
    /// The longest raw record kept in a rejection: enough to recognise it, not enough to bloat the rejects file.
    static let rawLimit = 4_096

    static func decode(_ bytes: some Collection<UInt8>) -> String? {
        // `String(validating:)` takes a generic transcoding path (about 35 instructions a byte). Decoding with repair
        // uses the standard library's fast validator, and leaves the bytes untouched exactly when they are valid
        // UTF-8: any repair writes U+FFFD where the input had something else, so a byte comparison tells.
        let fast = bytes.withContiguousStorageIfAvailable { buffer -> String? in
            var text = String(decoding: buffer, as: UTF8.self)
            let unchanged = text.withUTF8 { decoded in
                decoded.count == buffer.count
                    && (buffer.isEmpty || memcmp(decoded.baseAddress!, buffer.baseAddress!, buffer.count) == 0)
            }
            return unchanged ? text : nil
        }
        if let contiguous = fast { return contiguous }  // the text, or nil for invalid UTF-8
        return String(validating: bytes, as: UTF8.self)
    }

    /// The raw bytes as text for a rejects file, with invalid sequences shown as U+FFFD and long records cut at
    /// `rawLimit` bytes — before a character the limit would split, which otherwise ended every long Chinese record
    /// in a U+FFFD that was not in the input.
    static func raw(_ bytes: some Collection<UInt8>) -> String {
        var kept = Array(bytes.prefix(rawLimit))
        if kept.count == rawLimit { kept.removeLast(incompleteTail(of: kept)) }
        return String(decoding: kept, as: UTF8.self)
    }

    /// How many bytes at the end of `bytes` are the start of a UTF-8 sequence that the end cuts short (0 when the
    /// last sequence is whole, or is no valid sequence anyway: that is the input's own fault and shown as U+FFFD).
    static func incompleteTail(of bytes: [UInt8]) -> Int {
        var start = bytes.count
        // A sequence is at most four bytes: look back over at most three continuation bytes for its lead byte.
        while start > 0 && bytes.count - start < 3 && bytes[start - 1] & 0xC0 == 0x80 { start -= 1 }
        guard start > 0 else { return 0 }
        let lead = bytes[start - 1]
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 1
        let present = bytes.count - (start - 1)
        return length > present ? present : 0
    }

    /// Whether `text` holds nothing but white space and control characters: such a record is rejected as
    /// `empty_text`, and `rater explain` refuses such a text the same way.
    public static func isBlank(_ text: String) -> Bool {
        // Nearly every text starts with a visible ASCII character or a CJK ideograph (lead bytes E4-E9: U+4000 to
        // U+9FFF, none of them blank), which settles it without Unicode properties.
        if let first = text.utf8.first, (0x21...0x7E).contains(first) || (0xE4...0xE9).contains(first) { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0xFEFF }
    }

    /// Checks text the way every reader must: present, not blank, not absurdly long.
    static func problem(with text: String, options: IngestOptions) -> Rejection.Reason? {
        if text.utf8.count > options.maximumTextBytes {
            return .textTooLong(bytes: text.utf8.count, limit: options.maximumTextBytes)
        }
        if isBlank(text) { return .emptyText }
        return nil
    }

    /// Checks an export id (already trimmed): not longer than the databases can key (`IngestOptions.maximumIDBytes`).
    static func problem(withID id: String?, options: IngestOptions) -> Rejection.Reason? {
        guard let id, id.utf8.count > options.maximumIDBytes else { return nil }
        return .idTooLong(bytes: id.utf8.count, limit: options.maximumIDBytes)
    }

    /// The rejection reason for a record whose bytes are not valid UTF-8. `raw` holds the record's bytes as read,
    /// starting at stream offset `start`; the offending byte is located there and traced back to the original input.
    static func invalidEncoding(raw: some Collection<UInt8>, start: Int, stream: ByteStream) -> Rejection.Reason {
        guard let index = UTF8Validator.firstInvalidOffset(in: raw) else {
            return .invalidEncoding(encoding: stream.encoding)
        }
        let (offset, original) = stream.invalidSequence(at: start + index)
        // The bad lead byte and the continuation bytes that hang off it.
        let rest = raw.dropFirst(index)
        let bytes = original ?? Array(rest.prefix(1) + rest.dropFirst().prefix(3).prefix { (0x80...0xBF).contains($0) })
        return .invalidEncoding(encoding: stream.encoding, byteOffset: offset, bytes: bytes)
    }
}
