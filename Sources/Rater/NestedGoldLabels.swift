import RaterCore

/// The aspect annotations of an XML gold record (SemEval/MAMS `<aspectCategory category="…" polarity="…"/>`, nested
/// inside `<aspectCategories>`), taken from the record's fields: the XML reader passes nested attributes through
/// as `aspectCategories/aspectCategory/@category`, one field per element, in document order.
public enum NestedGoldLabels {
    public static func pairs(in fields: [Field], element: String, keyAttribute: String, polarityAttribute: String)
        -> [(key: String, polarity: String)]
    {
        // Walk the fields in order, pairing each label element's key with the polarity that follows it.
        var pairs = [(key: String, polarity: String)]()
        var pendingKey: String?
        for field in fields {
            if isAttribute(field.name, of: element, named: keyAttribute) {
                pendingKey = field.value
            } else if isAttribute(field.name, of: element, named: polarityAttribute), let key = pendingKey {
                pairs.append((key, field.value))
                pendingKey = nil
            }
        }
        return pairs
    }

    private static func isAttribute(_ name: String, of element: String, named attribute: String) -> Bool {
        let suffix = element + "/@" + attribute
        return name == suffix || name.hasSuffix("/" + suffix)
    }
}
