extension String {
    /// The text without leading and trailing blanks (see `Substring.trimmingBlanks()`).
    public func trimmingBlanks() -> Substring { self[...].trimmingBlanks() }
}

extension Substring {
    /// The text without leading and trailing blanks: tabs, the Unicode space separators (category Zs) and the zero
    /// width space, the set Foundation calls `CharacterSet.whitespaces`; line breaks are kept.
    ///
    /// Foundation's `trimmingCharacters(in: .whitespaces)` goes through `NSString` on Linux: loading the lexicons
    /// spent 385 M instructions in it, more than a third of their parsing. This walks the scalars at the two ends
    /// and returns a slice; tests hold it to Foundation's result.
    public func trimmingBlanks() -> Substring {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isBlank { start = scalars.index(after: start) }
        while start < end {
            let last = scalars.index(before: end)
            guard scalars[last].isBlank else { break }
            end = last
        }
        return self[start..<end]
    }
}

extension Unicode.Scalar {
    /// A tab, a space separator (category Zs: the space, the no-break space, the ideographic space …) or the zero
    /// width space U+200B, which text pasted from web pages and Chinese input methods often carries at its ends.
    public var isBlank: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return value == 0x200B || properties.generalCategory == .spaceSeparator
    }
}
