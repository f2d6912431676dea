/// The result of every walk a comment's scan needs, made once (see `LexiconScanner`): for each position a scanner
/// may start a term at, each layer's longest term there, and the longest scoring term that stays inside an
/// ideographic token (what `MatchScanner`'s cover asks for).
///
/// There is a row per walk start (every character start of an ideographic token, the start of every other token but
/// spaces and line breaks): exactly the offsets the scanners read. `rowOf` gives a walk start's row.
struct WalkTable {
    /// Per row: `(end, entry)` for each layer, then `(end, entry)` of the scoring layer's longest term within the
    /// token (an end of -1 means no term), then a mask of the layers with a term (bit `layer`).
    let rows: UnsafeMutableBufferPointer<Int32>
    /// The row of the walk from each byte offset (set at walk starts only).
    let rowOf: UnsafeMutableBufferPointer<Int32>
    let layerCount: Int
    let stride: Int

    init(rows: UnsafeMutableBufferPointer<Int32>, rowOf: UnsafeMutableBufferPointer<Int32>, layerCount: Int) {
        self.rows = rows
        self.rowOf = rowOf
        self.layerCount = layerCount
        self.stride = Self.stride(layers: layerCount)
    }

    static func stride(layers: Int) -> Int { 2 * layers + 3 }

    /// The layers with a term at `offset`, as bits: most characters start no cue, and the cue scanner skips them
    /// on one load.
    @inline(__always)
    func layerMask(at offset: Int) -> Int32 { rows[Int(rowOf[offset]) * stride + 2 * layerCount + 2] }

    @inline(__always)
    func longest(at offset: Int, layer: Int) -> (end: Int, entry: Int32)? {
        let row = Int(rowOf[offset]) * stride + 2 * layer
        return rows[row] < 0 ? nil : (Int(rows[row]), rows[row + 1])
    }

    @inline(__always)
    func longestWithinToken(at offset: Int) -> (end: Int, entry: Int32)? {
        let row = Int(rowOf[offset]) * stride + 2 * layerCount
        return rows[row] < 0 ? nil : (Int(rows[row]), rows[row + 1])
    }
}

extension WalkTable: TermStartSource {
    /// The scoring layer (layer 0) as `MatchScanner` asks for it.
    @inline(__always)
    func longestInIdeographs(from offset: Int, tokenEnd: Int, withinToken: Bool) -> (end: Int, entry: Int32)? {
        withinToken ? longestWithinToken(at: offset) : longest(at: offset, layer: 0)
    }

    @inline(__always)
    func longestFromTokenStart(_ offset: Int) -> (end: Int, entry: Int32)? { longest(at: offset, layer: 0) }
}

/// Writes a walk's results into its row: each term the walk passes is the longest so far in every layer that holds
/// it, and, for the scoring layer, the longest within the token while it ends by `tokenEnd`.
struct WalkRowSink: TermEndSink {
    let row: UnsafeMutableBufferPointer<Int32>
    let layerEntry: UnsafeBufferPointer<Int32>
    let layerCount: Int
    let tokenEnd: Int

    @inline(__always)
    mutating func reached(term: Int32, end: Int) {
        let entries = Int(term) * layerCount
        for layer in 0..<layerCount where layerEntry[entries + layer] >= 0 {
            row[2 * layer] = Int32(end)
            row[2 * layer + 1] = layerEntry[entries + layer]
            row[2 * layerCount + 2] |= 1 << Int32(layer)
        }
        if end <= tokenEnd, layerEntry[entries] >= 0 {
            row[2 * layerCount] = Int32(end)
            row[2 * layerCount + 1] = layerEntry[entries]
        }
    }
}
