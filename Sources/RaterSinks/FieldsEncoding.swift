import RaterCore

extension JSONWriter {
    /// Passthrough fields as one JSON object in source order. A name that repeats (an XML record with several
    /// `<rating>` children) becomes an array of its values, because duplicate keys are invalid for most JSON readers.
    public mutating func fields(_ fields: [Field]) {
        beginObject()
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
}
