/// An enum whose cases state their position in `allCases`, and that compares and hashes by it.
///
/// `allCases` builds a new array on every call, and the standard library hashes a `String` raw-value enum by hashing
/// its name: both cost hundreds of instructions where these enums key per-comment tables. Each conforming enum
/// writes `ordinal` as a switch; `CaseOrdinalTests` holds every switch to `allCases`.
public protocol CaseOrdered: CaseIterable, Comparable, Hashable {
    /// The case's position in `allCases`.
    var ordinal: Int { get }
}

extension CaseOrdered {
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ordinal < rhs.ordinal }
}

// Constrained to raw-value enums so that it is preferred over the standard library's `RawRepresentable` hashing,
// which hashes the raw value.
extension CaseOrdered where Self: RawRepresentable, RawValue: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}
