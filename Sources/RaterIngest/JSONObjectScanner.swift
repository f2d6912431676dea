/// Reads one line of JSON Lines: a single JSON object whose members become a record.
///
/// A small hand-written scanner rather than Foundation's `JSONSerialization`, for three reasons:
/// - passthrough keeps values as written: a number stays `4.50`, not the `4.5` an `NSNumber` would give back, and a
///   nested object or array is its original JSON text, not a re-serialisation with other spacing and key order;
/// - `true`, `1` and `1.0` stay distinct (on Linux `JSONSerialization` hands all three back as `NSNumber`);
/// - it works on the line's bytes with no Foundation object per value, which matters at millions of lines.
/// It follows RFC 8259 strictly (no comments, no trailing commas, no NaN, no lone surrogates), so a line that
/// another JSON reader would refuse is refused here too, with the reason and the column.
struct JSONObjectScanner {
    /// A member's value, as much of it as a record needs.
    enum Value: Equatable {
        case string(String)
        /// A number, a boolean, or a nested object or array: its JSON text as written.
        case verbatim(String)
        case null
    }

    struct Failure: Error, Equatable {
        var message: String
        /// 1-based byte column in the line where the problem was found.
        var column: Int
    }

    /// Deeper nesting than this is refused instead of risking the stack on a hostile line.
    static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The members of the object on `line`, in order (duplicates kept), or why the line is not one JSON object.
    /// `line` must be valid UTF-8 (the reader checks that first, to report it as an encoding problem).
    static func members(of line: [UInt8]) throws(Failure) -> [(name: String, value: Value)] {
        let result: Result<[(name: String, value: Value)], Failure> = line.withUnsafeBufferPointer { buffer in
            var scanner = JSONObjectScanner(buffer)
            do throws(Failure) { return .success(try scanner.object()) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private mutating func object() throws(Failure) -> [(name: String, value: Value)] {
        skipSpace()
        guard peek == UInt8(ascii: "{") else {
            throw fail(index >= bytes.count ? "the line has no JSON object" : "a JSON Lines record must be an object ({…})")
        }
        index += 1
        var members = [(name: String, value: Value)]()
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes") }
                let name = try string()
                skipSpace()
                guard peek == UInt8(ascii: ":") else { throw fail("expected ':' after the member name") }
                index += 1
                skipSpace()
                members.append((name, try value()))
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                if peek == UInt8(ascii: "}") { index += 1; break }
                throw fail(index >= bytes.count ? "the object is not closed" : "expected ',' or '}' after a member")
            }
        }
        skipSpace()
        guard index == bytes.count else { throw fail("text after the end of the object") }
        return members
    }

    private mutating func value() throws(Failure) -> Value {
        switch peek {
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default:
            let start = index
            try skipValue(depth: 0)
            return .verbatim(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
        }
    }

    /// Checks and steps over any value (used for numbers, literals and nested containers, kept verbatim).
    private mutating func skipValue(depth: Int) throws(Failure) {
        guard depth < Self.maximumDepth else { throw fail("nested more than \(Self.maximumDepth) levels deep") }
        guard let byte = peek else { throw fail("expected a value") }
        switch byte {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let isObject = byte == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            if peek == close { index += 1; return }
            while true {
                skipSpace()
                if isObject {
                    guard peek == UInt8(ascii: "\"") else { throw fail("expected a member name in double quotes") }
                    _ = try string()
                    skipSpace()
                    guard peek == UInt8(ascii: ":") else { throw fail("expected ':' after the member name") }
                    index += 1
                    skipSpace()
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                if peek == close { index += 1; return }
                throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))'")
            }
        default:
            throw fail("unexpected '\(Character(Unicode.Scalar(byte)))' where a value should be")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count,
              bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw fail("expected '\(word)'")
        }
        index += expected.count
    }

    private mutating func number() throws(Failure) {
        func digits() -> Int {
            let start = index
            while let byte = peek, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
        if peek == UInt8(ascii: "-") { index += 1 }
        if peek == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw fail("a number needs digits")
        }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw fail("a number needs digits after '.'") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw fail("a number needs digits in its exponent") }
        }
    }

    /// A string at `index` (which is its opening quote), unescaped.
    private mutating func string() throws(Failure) -> String {
        index += 1
        var text = [UInt8]()
        while true {
            // Copy the run of plain bytes up to the next quote, backslash or control character in one go.
            let start = index
            while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C, bytes[index] >= 0x20 { index += 1 }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            guard let byte = peek else { throw fail("a string is not closed") }
            if byte == 0x22 {
                index += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte < 0x20 { throw fail("a control character inside a string must be escaped") }
            index += 1
            guard let escape = peek else { throw fail("a string is not closed") }
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                        throw fail("a \\u escape is half of a surrogate pair without its other half")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw fail("a \\u escape is half of a surrogate pair without its other half")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw fail("a \\u escape is half of a surrogate pair without its other half")
                }
                text.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                index -= 1
                throw fail("'\\\(Character(Unicode.Scalar(escape)))' is not a JSON escape")
            }
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard bytes.count - index >= 4 else { throw fail("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { index += 1 }
    }

    private func fail(_ message: String) -> Failure { Failure(message: message, column: index + 1) }
}
