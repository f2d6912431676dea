extension AggregationOptions {
    /// Each option in which `self` (a partial's) differs from `other` (the run's), as the command line spells it:
    /// `--group-by channel (this run: none)`. A refused merge names what to change instead of printing two structs.
    public func differences(from other: AggregationOptions) -> [String] {
        func spelled(_ value: String?) -> String { value.map { $0.isEmpty ? "\"\"" : $0 } ?? "none" }
        let pairs: [(String, String, String)] = [
            ("--group-by", groupBy.isEmpty ? "none" : groupBy.joined(separator: " "),
             other.groupBy.isEmpty ? "none" : other.groupBy.joined(separator: " ")),
            ("--date-column", spelled(dateColumn), spelled(other.dateColumn)),
            ("--bucket", bucket.rawValue, other.bucket.rawValue),
            ("--time-zone", timeZoneIdentifier, other.timeZoneIdentifier),
            ("--nps-column", spelled(npsColumn), spelled(other.npsColumn)),
            ("--csat-column", spelled(csatColumn), spelled(other.csatColumn)),
            ("--ces-column", spelled(cesColumn), spelled(other.cesColumn)),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) (this run: \($0.2))" }
    }
}
