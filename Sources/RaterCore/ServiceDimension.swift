/// The five SERVQUAL service-quality dimensions, remembered as RATER.
public enum ServiceDimension: String, Sendable, Codable, CaseIterable, Comparable {
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

    /// The case's position in `allCases` (RATER order), without building `allCases`, which is a new array on every
    /// call.
    public var ordinal: Int {
        switch self {
        case .reliability: 0
        case .assurance: 1
        case .tangibles: 2
        case .empathy: 3
        case .responsiveness: 4
        }
    }

    public static func < (lhs: ServiceDimension, rhs: ServiceDimension) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Hashes the case, not its raw value: the standard library's default for raw-value enums hashes the name's
    /// string, which made every lookup in a table keyed by dimension cost several hundred instructions.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}
