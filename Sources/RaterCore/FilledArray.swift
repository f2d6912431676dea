extension Array {
    /// `Array(repeating:count:)`, without its runtime type lookup.
    ///
    /// On Linux `Array(repeating:count:)` allocates through an unspecialised standard-library entry point that looks
    /// up `_ContiguousArrayStorage<Element>`'s metadata in the runtime's hash table on every call: about 360
    /// instructions, more than filling a few hundred elements. Reserving and appending stays in code specialised for
    /// the element type, whose metadata accessor is cached. The analysis builds some twenty such arrays per comment
    /// (token maps, per-unit tables), so they use this.
    @inlinable
    public init(filledWith value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
