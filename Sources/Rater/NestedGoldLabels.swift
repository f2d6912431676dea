import Foundation
import RaterCore

/// The aspect annotations of an XML gold record (SemEval/MAMS `<aspectCategory category="…" polarity="…"/>`, nested
/// inside `<aspectCategories>`), taken from the record's fields: the XML reader passes nested attributes through
/// as `aspectCategories/aspectCategory/@category`, one field per element, in document order.
public enum NestedGoldLabels {
    public static func pairs(in fields: [Field], element: String, keyAttribute: String, polarityAttribute: String)
        -> [(key: String, polarity: String)]
    {
        // One element's attributes come as consecutive fields, each name at most once (XML allows no repeats), in
        // whatever order the annotator wrote them: `polarity` may come before `category`. An occurrence therefore ends
        // at any other field, at an attribute of another element path, or when one of its attribute names comes
        // again; its key and polarity are paired whichever came first. An occurrence lacking either is skipped.
        var pairs = [(key: String, polarity: String)]()
        var path: Substring?
        var seen = Set<Substring>()
        var key: String?
        var polarity: String?
        func finish() {
            if let key, let polarity { pairs.append((key, polarity)) }
            path = nil
            seen.removeAll(keepingCapacity: true)
            key = nil
            polarity = nil
        }
        for field in fields {
            guard let (elementPath, attribute) = attributeOf(field.name, element: element) else {
                finish()
                continue
            }
            if elementPath != path || seen.contains(attribute) { finish() }
            path = elementPath
            seen.insert(attribute)
            if attribute == keyAttribute {
                key = field.value
            } else if attribute == polarityAttribute {
                polarity = field.value
            }
        }
        finish()
        return pairs
    }

    /// The element path and attribute name of a field naming an attribute of `element` (`…/element/@name`).
    private static func attributeOf(_ name: String, element: String) -> (path: Substring, attribute: Substring)? {
        guard let marker = name.range(of: "/@", options: .backwards) else { return nil }
        let path = name[..<marker.lowerBound]
        guard path == element || path.hasSuffix("/" + element) else { return nil }
        return (path, name[marker.upperBound...])
    }
}
