/// Which of a unit's terms lie within the window of one of the unit's cues of a target (`TermWindow.isNear`).
///
/// Asking every cue for every term made a unit of many cues and terms cost their product: one 200 KB clause of
/// "服务态度" repeated (25,000 cues and 25,000 terms) took 2.1 s, and twice the text 7.7 s. Past `directLimit` cues
/// their word positions are sorted once and each term looks for the nearest by binary search; a usual unit, with a
/// cue or two, still asks each cue and allocates nothing.
struct NearCues {
    static let directLimit = 16

    private let cues: UnsafeBufferPointer<CueMention>
    /// The window's width (`TermWindow.isNear`), not the window: a copy of the window retained its four arrays, and
    /// the lazy filter over a unit's terms copies this value into its closure, for every mentioning unit of every
    /// target (2–3% of the dimension stage's instructions).
    private let width: Int
    /// The cues' word positions in ascending order, past `directLimit` cues only.
    private let sortedOrdinals: [Int]?

    init(_ cues: UnsafeBufferPointer<CueMention>, window: TermWindow, directLimit: Int = Self.directLimit) {
        self.cues = cues
        width = window.width
        sortedOrdinals = cues.count > directLimit ? cues.map(\.ordinal).sorted() : nil
    }

    func contains(_ term: TermWindow.Term) -> Bool {
        guard let ordinals = sortedOrdinals else {
            return cues.contains { TermWindow.isNear(term, cue: $0.ordinal, width: width) }
        }
        // The first cue at or after the term, and the last before it, are the nearest on each side.
        var low = 0
        var high = ordinals.count
        while low < high {
            let middle = (low + high) / 2
            if ordinals[middle] < term.ordinal { low = middle + 1 } else { high = middle }
        }
        if low < ordinals.count && TermWindow.isNear(term, cue: ordinals[low], width: width) { return true }
        return low > 0 && TermWindow.isNear(term, cue: ordinals[low - 1], width: width)
    }
}
