extension CueContext {
    /// A condition's alternatives grouped by first byte, for the `near:` and `later:` search: those starting with
    /// byte `b` are `words[starts[b]..<starts[b + 1]]`.
    ///
    /// A search per alternative passed over the clause once for each, and "place" or "shop" carry `near:` lists of
    /// about fifty words, read on both sides of every such cue. One pass over the bytes tries at each byte only the
    /// alternatives starting with it: `CueContext.holds` 46.5 M → 21.4 M instructions of 1,541 M per English comment
    /// in the benchmark (callgrind), 19.7 M → 17.0 M of 2,852 M per Chinese one.
    struct LeadIndex: Sendable, Equatable {
        let words: [Condition.Word]
        private let starts: [Int32]

        /// Empty alternatives are left out: a condition holding one never takes the byte path (`isSingleScalar`).
        init(_ alternatives: [Condition.Word]) {
            // Sorted by first byte, each lead's alternatives in the column's order.
            words = alternatives.enumerated().filter { !$0.element.bytes.isEmpty }
                .sorted { ($0.element.first, $0.offset) < ($1.element.first, $1.offset) }.map { $0.element }
            var starts = [Int32](repeating: 0, count: 257)
            for word in words { starts[Int(word.first) + 1] += 1 }
            for lead in 0..<256 { starts[lead + 1] += starts[lead] }
            self.starts = starts
        }

        /// Whether any alternative occurs in `bytes`, an alphabetic one as a whole word. A match found at any byte is
        /// one at a scalar start of valid UTF-8, since an alternative's lead byte never continues a scalar.
        func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for start in bytes.indices {
                let lead = Int(bytes[start])
                let low = Int(starts[lead])
                let high = Int(starts[lead + 1])
                guard low < high else { continue }
                for slot in low..<high {
                    let word = words[slot]
                    let end = start + word.bytes.count
                    guard end <= bytes.count,
                          UnsafeBufferPointer(rebasing: bytes[start..<end]).elementsEqual(word.bytes) else { continue }
                    if !word.isAlphabetic { return true }
                    let beforeOK = start == 0 || !CueContext.isWordByte(bytes[start - 1])
                    let afterOK = end == bytes.count || !CueContext.isWordByte(bytes[end])
                    if beforeOK && afterOK { return true }
                }
            }
            return false
        }
    }
}
