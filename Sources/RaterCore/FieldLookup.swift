extension Array where Element == Field {
    /// The value of the column an option names (`--nps-column`, `--group-by`, `--date-column` …): the field spelt
    /// so, else the first whose name differs only in ASCII case.
    ///
    /// `--text-column` and `--id-column` match the header without regard to case, and the other column options
    /// did not: `--csat-column CSAT` on a `csat` header found no rating, so a survey answer without a comment was an
    /// `empty_text` rejection. An exact match still wins where an export has both spellings. The fallback compares
    /// bytes in place, with no lowercased copy, since it runs for every comment that lacks the column.
    public func value(ofColumn name: String) -> String? {
        if let exact = first(where: { $0.name == name }) { return exact.value }
        return first { Self.equalIgnoringASCIICase($0.name, name) }?.value
    }

    static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        var left = a.utf8.makeIterator()
        var right = b.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case let (x?, y?):
                guard x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= UInt8(ascii: "a") && (x | 0x20) <= UInt8(ascii: "z"))
                else { return false }
            default: return false
            }
        }
    }
}
