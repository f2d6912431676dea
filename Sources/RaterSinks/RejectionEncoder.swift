import RaterCore

/// Encodes rejections for the rejects file: one JSON object per line with source, position, reason and raw record.
public struct RejectionEncoder: Sendable {
    public init() {}

    public func encode(_ rejection: Rejection) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("source", rejection.source)
        json.key("record", rejection.recordNumber)
        json.key("line")
        if let line = rejection.line { json.int(line) } else { json.null() }
        json.key("byte_offset")
        if let offset = rejection.byteOffset { json.int(offset) } else { json.null() }
        json.key("reason", rejection.reason.code)
        json.key("message", rejection.reason.message)
        json.key("raw", rejection.raw)
        json.endObject()
        return json.bytes + [0x0A]
    }
}
