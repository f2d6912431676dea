/// The five SERVQUAL service-quality dimensions, remembered as RATER.
public enum ServiceDimension: String, Sendable, Codable, CaseOrdered {
    /// Doing what was promised, on time, without errors.
    case reliability
    /// Competence, courtesy, trust and safety.
    case assurance
    /// Facilities, equipment, cleanliness and appearance.
    case tangibles
    /// Individual care, understanding and patience.
    case empathy
    /// Speed and willingness to help.
    case responsiveness

    /// The case's position in `allCases`: RATER order.
    public var ordinal: Int {
        switch self {
        case .reliability: 0
        case .assurance: 1
        case .tangibles: 2
        case .empathy: 3
        case .responsiveness: 4
        }
    }
}
