/// A cue for a non-RATER aspect (price, product, location), with its weight and optional context conditions.
public struct AspectCue: Sendable, Equatable {
    public var aspect: Aspect
    public var weight: Double
    public var context: CueContext?

    public init(_ aspect: Aspect, weight: Double, context: CueContext? = nil) {
        self.aspect = aspect
        self.weight = weight
        self.context = context
    }
}
