/// The `--xml-record`, `--xml-text` and `--xml-id` paths with prefixes dropped: elements and attributes are matched
/// by local name (libxml2 reports `x:review` as `review` in namespace `x`), and people copy names from the file as
/// written, `x:review`, which then matched nothing: no record read, or every record rejected as `missing_element`.
enum XMLLocalNames {
    /// `x:export/x:review/@x:code` → `export/review/@code`.
    static func path(_ spec: String) -> String {
        guard spec.contains(":") else { return spec }
        return spec.split(separator: "/", omittingEmptySubsequences: false).map { step in
            let attribute = step.hasPrefix("@")
            let name = attribute ? step.dropFirst() : step[...]
            let local = name.lastIndex(of: ":").map { name[name.index(after: $0)...] } ?? name
            return (attribute ? "@" : "") + local
        }.joined(separator: "/")
    }

    /// The options with their XML paths in local names.
    static func options(_ options: IngestOptions) -> IngestOptions {
        var local = options
        local.xmlRecord = options.xmlRecord.map(path)
        local.xmlText = options.xmlText.map(path)
        local.xmlID = options.xmlID.map(path)
        return local
    }
}
