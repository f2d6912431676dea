/// The dimension stage's output for one comment: RATER dimensions, non-RATER aspects and business signals,
/// each with its evidence, and the profile-weighted service score.
public struct DimensionReport: Sendable, Equatable {
    public var dimensions: [DimensionResult]
    public var aspects: [AspectResult]
    public var signals: [SignalResult]
    /// Weighted mean of the dimension scores under the profile; nil when no dimension is mentioned.
    public var serviceScore: Double?
    public var profile: IndustryProfile

    public init(dimensions: [DimensionResult], aspects: [AspectResult], signals: [SignalResult],
                serviceScore: Double?, profile: IndustryProfile) {
        self.dimensions = dimensions
        self.aspects = aspects
        self.signals = signals
        self.serviceScore = serviceScore
        self.profile = profile
    }
}
