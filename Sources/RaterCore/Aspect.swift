/// What a comment says about something that is not service quality: the price, the product itself, the place.
///
/// Reported beside the RATER dimensions rather than forced into one of them: "the soup was cold" is product
/// quality, not Tangibles, and "too expensive" is value, not Reliability. Mixing them in would make every
/// restaurant's food look like a service problem.
public enum Aspect: String, Sendable, Codable, CaseOrdered {
    /// Price level, value for money, discounts.
    case price
    /// The product or food itself: taste, quality, portion, freshness.
    case product
    /// Where the business is: getting there, parking, surroundings.
    case location

    public var ordinal: Int {
        switch self {
        case .price: 0
        case .product: 1
        case .location: 2
        }
    }
}
