import RaterCore
import Testing

@testable import RaterDimensions

/// The enums that key dimension, aspect and signal tables state their case positions by hand (`allCases` is a new
/// array on every call). These tests hold the hand-written positions to `allCases`, so adding or moving a case
/// without updating `ordinal` fails here.
@Suite struct CaseOrdinalTests {
    @Test func ordinalsFollowAllCases() {
        #expect(ServiceDimension.allCases.map(\.ordinal) == Array(0..<ServiceDimension.allCases.count))
        #expect(Aspect.allCases.map(\.ordinal) == Array(0..<Aspect.allCases.count))
        #expect(SignalKind.allCases.map(\.ordinal) == Array(0..<SignalKind.allCases.count))
        #expect(SignalValue.allCases.map(\.ordinal) == Array(0..<SignalValue.allCases.count))
    }

    @Test func orderIsCaseOrder() {
        #expect(ServiceDimension.allCases.sorted() == ServiceDimension.allCases)
        #expect(ServiceDimension.allCases.reversed().sorted() == ServiceDimension.allCases)
        #expect(Aspect.allCases.reversed().sorted() == Aspect.allCases)
        #expect(SignalKind.allCases.reversed().sorted() == SignalKind.allCases)
        #expect(SignalValue.allCases.reversed().sorted() == SignalValue.allCases)
    }

    /// The case's position is what is hashed, not the raw value's string (the standard library's default for
    /// raw-value enums): one `Hasher` seed per process makes the two comparable.
    @Test func casesHashByPosition() {
        func hash(_ value: some Hashable) -> Int {
            var hasher = Hasher()
            hasher.combine(value)
            return hasher.finalize()
        }
        for dimension in ServiceDimension.allCases { #expect(hash(dimension) == hash(dimension.ordinal)) }
        for aspect in Aspect.allCases { #expect(hash(aspect) == hash(aspect.ordinal)) }
        for kind in SignalKind.allCases { #expect(hash(kind) == hash(kind.ordinal)) }
        for value in SignalValue.allCases { #expect(hash(value) == hash(value.ordinal)) }
    }

    @Test func casesKeyTablesByCase() {
        let table = Dictionary(uniqueKeysWithValues: ServiceDimension.allCases.map { ($0, $0.rawValue) })
        for dimension in ServiceDimension.allCases { #expect(table[dimension] == dimension.rawValue) }
        #expect(Set(SignalValue.allCases).count == SignalValue.allCases.count)
    }

    @Test func targetsRoundTrip() {
        #expect(CueTargets.count == ServiceDimension.allCases.count + Aspect.allCases.count)
        for dimension in ServiceDimension.allCases {
            #expect(CueTargets.dimension(at: CueTargets.target(of: dimension)) == dimension)
            #expect(CueTargets.aspect(at: CueTargets.target(of: dimension)) == nil)
        }
        for aspect in Aspect.allCases {
            #expect(CueTargets.aspect(at: CueTargets.target(of: aspect)) == aspect)
            #expect(CueTargets.dimension(at: CueTargets.target(of: aspect)) == nil)
        }
        #expect(CueTargets.dimension(at: -1) == nil && CueTargets.aspect(at: CueTargets.count) == nil)
    }
}
