import RaterCore

extension JSONWriter {
    /// Passthrough fields as one JSON object in source order. A name that repeats (an XML record with several
    /// `<rating>` children) becomes an array of its values, because duplicate keys are invalid for most JSON readers.
    public mutating func fields(_ fields: [Field]) {
        beginObject()
        // Nearly every record's field names are all different (a CSV header's columns): then each is one key.
        if !Self.hasRepeatedName(fields) {
            for field in fields { key(field.name, field.value) }
            endObject()
            return
        }
        var seen = Set<String>()
        for (index, field) in fields.enumerated() where seen.insert(field.name).inserted {
            let later = fields[(index + 1)...].filter { $0.name == field.name }
            if later.isEmpty {
                key(field.name, field.value)
            } else {
                key(field.name)
                beginArray()
                string(field.value)
                for other in later { string(other.value) }
                endArray()
            }
        }
        endObject()
    }

    /// Whether any name occurs twice. Records have a handful of fields, so comparing pairs beats hashing.
    static func hasRepeatedName(_ fields: [Field]) -> Bool {
        guard fields.count > 1 else { return false }
        if fields.count > 16 { return Set(fields.map(\.name)).count < fields.count }
        for later in 1..<fields.count {
            for earlier in 0..<later where fields[earlier].name == fields[later].name { return true }
        }
        return false
    }
}
