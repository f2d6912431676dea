/// An attribute value as the comment's author wrote it, from the bytes libxml2 hands to `startElementNs`.
///
/// Rater parses without entity substitution (XML_PARSE_NOENT), so that no entity is ever expanded. libxml2 2.9
/// then expands character references and the predefined entities in attribute values, except that it writes
/// `&amp;` and `&#38;` as `&#38;` (for a later pass to tell an ampersand from an entity reference), and leaves an
/// entity declared in the DTD as `&name;`. Element text needs none of this: there libxml2 reports references
/// through the `reference` callback. So in the bytes seen here every `&` begins either a character reference,
/// which is decoded, or an unexpanded entity, which is kept as written and named, so the record can be rejected as
/// element content with an entity is. One pass, left to right: a decoded `&` is never read again, so `&amp;#38;`
/// stays `&#38;` and `&amp;co;` stays `&co;` without being taken for an entity.
struct XMLAttributeValue {
    var text: String
    /// The first entity reference left in the value, by name.
    var unexpandedEntity: String?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let ampersand = UInt8(ascii: "&")
        guard let first = bytes.firstIndex(of: ampersand) else {
            text = String(decoding: bytes, as: UTF8.self)
            unexpandedEntity = nil
            return
        }
        var decoded = [UInt8]()
        decoded.reserveCapacity(bytes.count)
        decoded.append(contentsOf: bytes[..<first])
        var entity: String?
        var index = first
        // The next `;` is looked for once, not from every `&`: a value of ten million `&` stays linear.
        var semicolon: Int? = -1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ampersand, let known = semicolon, known < index {
                semicolon = bytes[index...].firstIndex(of: UInt8(ascii: ";"))
            }
            guard byte == ampersand, let end = semicolon else {
                decoded.append(byte)
                index += 1
                continue
            }
            let body = bytes[(index + 1)..<end]
            if body.first == UInt8(ascii: "#"), let scalar = XMLAttributeValue.characterReference(body.dropFirst()) {
                UTF8.encode(scalar) { decoded.append($0) }
                index = end + 1
            } else if !body.isEmpty, body.first != UInt8(ascii: "#"), body.allSatisfy(XMLAttributeValue.isNameByte) {
                if entity == nil { entity = String(decoding: body, as: UTF8.self) }
                decoded.append(contentsOf: bytes[index...end])
                index = end + 1
            } else {
                decoded.append(byte)
                index += 1
            }
        }
        text = String(decoding: decoded, as: UTF8.self)
        unexpandedEntity = entity
    }

    /// `38`, `x26` (the text after `&#`): the character, or nil when it is not a well-formed reference.
    private static func characterReference(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        var rest = digits[...]
        let radix: UInt32
        if rest.first == UInt8(ascii: "x") {
            radix = 16
            rest = rest.dropFirst()
        } else {
            radix = 10
        }
        guard !rest.isEmpty, rest.count <= 8 else { return nil }
        var value: UInt32 = 0
        for byte in rest {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            value = value * radix + digit
        }
        return Unicode.Scalar(value)
    }

    /// Bytes an XML name may hold; anything from U+0080 up is let through, as libxml2 already checked the name.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: ":"), 0x80...0xFF:
            return true
        default:
            return false
        }
    }
}
