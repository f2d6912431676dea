/// What a comment says about something that is not service quality: the price, the product itself, the place.
///
/// Reported beside the RATER dimensions rather than forced into one of them: "the soup was cold" is product
/// quality, not Tangibles, and "too expensive" is value, not Reliability. Mixing them in would make every
/// restaurant's food look like a service problem.
public enum Aspect: String, Sendable, Codable, CaseIterable, Comparable {
    /// Price level, value for money, discounts.
    case price
    /// The product or food itself: taste, quality, portion, freshness.
    case product
    /// Where the business is: getting there, parking, surroundings.
    case location

    /// The case's position in `allCases`, without building `allCases` (a new array on every call).
    public var ordinal: Int {
        switch self {
        case .price: 0
        case .product: 1
        case .location: 2
        }
    }

    public static func < (lhs: Aspect, rhs: Aspect) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Hashes the case, not its raw value (the standard library's default for raw-value enums hashes the string).
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}
