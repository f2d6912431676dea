/// The dimension stage's output for one comment: RATER dimensions, non-RATER aspects and business signals,
/// each with its evidence, and the profile-weighted service score.
public struct DimensionReport: Sendable, Equatable {
    public var dimensions: [DimensionResult]
    public var aspects: [AspectResult]
    public var signals: [SignalResult]
    /// Weighted mean of the dimension scores under the profile; nil when no dimension is mentioned.
    public var serviceScore: Double?
    public var profile: IndustryProfile
    /// The scoring units in which a recovery reads recovered (退款三天就到账了, 给退款了): a refund made, not one
    /// complained of. A learned weight there on a cue word (退款 −1.99, 客服 −0.79: how often complaints name them) is no
    /// opinion about this case, and `Analyzer` scores the comment again without it (`Scorer.score(…waiving:)`).
    public var recoveredUnits: [Int] = []

    public init(dimensions: [DimensionResult], aspects: [AspectResult], signals: [SignalResult],
                serviceScore: Double?, profile: IndustryProfile) {
        self.dimensions = dimensions
        self.aspects = aspects
        self.signals = signals
        self.serviceScore = serviceScore
        self.profile = profile
    }
}
