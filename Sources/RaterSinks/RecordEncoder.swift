import RaterCore

/// Encodes ingested records, before analysis, for `rater records`: what Rater read from an export, so a data
/// engineer can check columns, charset and record boundaries before a nightly job depends on them.
public struct RecordEncoder: Sendable {
    public init() {}

    public func encode(_ record: SourceRecord) -> [UInt8] {
        var json = JSONWriter()
        json.beginObject()
        json.key("id", record.resolvedID)
        json.key("source", record.source)
        json.key("record", record.recordNumber)
        json.key("line")
        if let line = record.line { json.int(line) } else { json.null() }
        json.key("text", record.text)
        json.key("fields")
        json.fields(record.fields)
        json.endObject()
        return json.bytes + [0x0A]
    }
}
