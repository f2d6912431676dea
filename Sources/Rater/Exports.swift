// The library product re-exports every stage, so `import Rater` is all a Swift user needs.
@_exported import RaterAggregate
@_exported import RaterCore
@_exported import RaterDimensions
@_exported import RaterIngest
@_exported import RaterLexicon
@_exported import RaterNormalize
@_exported import RaterScore
@_exported import RaterSegment
@_exported import RaterSinks
