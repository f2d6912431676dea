/// How a correction form names its comment: `source` and `comment_key` percent-encoded byte for byte and joined by
/// `/` (`branches.csv/r6`, `exports%2Fa.csv/A%09B`).
///
/// Ids and file names are untrusted and stored exactly; they may hold tabs, line breaks, NUL, ESC, bidi controls or
/// noncharacters. An HTML attribute cannot carry those back unchanged: the escaping that makes them safe to show
/// (`HTMLEscape.attribute`) folds tab, CR and LF to a space and drops the rest, and browsers normalise line breaks
/// in form values anyway. A form that posted the escaped value would name a different comment (`A<TAB>B` posts
/// `A B`, which may be another comment) or none. The reference holds only unreserved ASCII and `%XX`, which HTML
/// attributes and form encoding leave alone, and decodes to exactly the stored bytes — or is refused.
///
/// The natural key rather than a row id: it is what the corrections table stores, it survives a rerun of
/// `rater analyze --db` (which rewrites the comments), and a reference to a comment that has gone finds nothing
/// instead of finding whichever comment took its row number.
public enum CommentReference {
    public static func encode(source: String, key: String) -> String {
        FormEncoding.encode(source) + "/" + FormEncoding.encode(key)
    }

    /// The source and key, or nil unless `reference` is exactly two percent-encoded parts of valid UTF-8.
    public static func decode(_ reference: String) -> (source: String, key: String)? {
        let parts = reference.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 2, let source = unescape(parts[0]), let key = unescape(parts[1]) else { return nil }
        return (source, key)
    }

    /// Strict percent-decoding: only unreserved characters and `%XX`; no `+` for space, no malformed escape, and
    /// the bytes must be valid UTF-8 (a repair to U+FFFD could name another comment).
    private static func unescape(_ text: Substring.UTF8View) -> String? {
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.count)
        var iterator = text.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                bytes.append(byte)
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(FormEncoding.hexValue),
                      let low = iterator.next().flatMap(FormEncoding.hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            default:
                return nil
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
