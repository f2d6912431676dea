import Foundation

/// Finds a key given twice in one JSON object, which `JSONSerialization` accepts silently by keeping the last value.
///
/// In a config file a repeated section (`"analyze"` twice, the second meant for another night's inputs) or option
/// threw half the settings away without a word. This scanner follows only what it must to know where keys are:
/// strings (with their escapes) and the nesting of objects and arrays. It runs after `JSONSerialization` has accepted
/// the text, so it need not report malformed JSON. Hand-written: neither Foundation nor the packages on the mirror
/// report duplicate keys.
enum JSONDuplicateKeys {
    /// The first repeated key, with the keys leading to the object holding it (`["analyze"]` for a repeated option
    /// of the analyze section, `[]` for a repeated section), or nil.
    static func first(in data: Data) -> (path: [String], key: String)? {
        let bytes = [UInt8](data)
        /// An open object (with the keys seen so far) or array, and the key it is the value of.
        struct Frame {
            var keys: Set<String>?
            var name: String?
        }
        var frames = [Frame]()
        var lastString: String?
        var currentKey: String?  // the key whose value is being read in the innermost object
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let (text, end) = string(in: bytes, from: index)
                lastString = text
                index = end
                continue
            }
            switch byte {
            case UInt8(ascii: ":"):
                if let key = lastString, let top = frames.indices.last, frames[top].keys != nil {
                    if frames[top].keys!.contains(key) { return (frames.compactMap(\.name), key) }
                    frames[top].keys!.insert(key)
                    currentKey = key
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isValueOfKey = frames.last?.keys != nil
                frames.append(Frame(keys: byte == UInt8(ascii: "{") ? [] : nil,
                                    name: isValueOfKey ? currentKey : frames.last?.name))
                currentKey = nil
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !frames.isEmpty { frames.removeLast() }
                currentKey = nil
            case UInt8(ascii: ","):
                currentKey = nil
            default:
                break
            }
            if byte > 0x20 { lastString = nil }
            index += 1
        }
        return nil
    }

    /// The decoded string starting at the quote at `start`, and the offset after its closing quote.
    private static func string(in bytes: [UInt8], from start: Int) -> (String, Int) {
        var index = start + 1
        while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        let end = min(index + 1, bytes.count)
        // Decoded, so "a\u0062" and "ab" are one key, as JSONSerialization sees them.
        let text = (try? JSONSerialization.jsonObject(with: Data(bytes[start..<end]), options: .fragmentsAllowed))
            as? String
        return (text ?? String(decoding: bytes[(start + 1)..<max(start + 1, end - 1)], as: UTF8.self), end)
    }
}
