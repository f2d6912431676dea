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

    public static func < (lhs: ServiceDimension, rhs: ServiceDimension) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
