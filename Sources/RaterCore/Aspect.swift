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

    public static func < (lhs: Aspect, rhs: Aspect) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
