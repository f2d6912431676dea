/// Which of a unit's terms lie within the window of one of the unit's cues of a target (`TermWindow.isNear`).
///
/// Asking every cue for every term made a unit of many cues and terms cost their product: one 200 KB clause of
/// "服务态度" repeated (25,000 cues and 25,000 terms) took 2.1 s, and twice the text 7.7 s. Past `directLimit` cues
/// their word positions are sorted once and each term looks for the nearest by binary search; a usual unit, with a
/// cue or two, still asks each cue and allocates nothing.
struct NearCues {
    static let directLimit = 16

    private let cues: UnsafeBufferPointer<CueMention>
    private let window: TermWindow
    /// The cues' word positions in ascending order, past `directLimit` cues only.
    private let sortedOrdinals: [Int]?

    init(_ cues: UnsafeBufferPointer<CueMention>, window: TermWindow, directLimit: Int = Self.directLimit) {
        self.cues = cues
        self.window = window
        sortedOrdinals = cues.count > directLimit ? cues.map(\.ordinal).sorted() : nil
    }

    func contains(_ term: TermWindow.Term) -> Bool {
        guard let ordinals = sortedOrdinals else { return cues.contains { window.isNear(term, cue: $0.ordinal) } }
        // The first cue at or after the term, and the last before it, are the nearest on each side.
        var low = 0
        var high = ordinals.count
        while low < high {
            let middle = (low + high) / 2
            if ordinals[middle] < term.ordinal { low = middle + 1 } else { high = middle }
        }
        if low < ordinals.count && window.isNear(term, cue: ordinals[low]) { return true }
        return low > 0 && window.isNear(term, cue: ordinals[low - 1])
    }
}
