import RaterCore

/// The things a cue can point at, numbered: the RATER dimensions in case order, then the aspects in case order.
/// A comment's mentions are tallied by number (see `CueMention`), and results come out in this order, the order
/// `ServiceDimension` and `Aspect` sort by.
enum CueTargets {
    /// The cases in order, made once: `allCases` builds a new array on every call.
    private static let dimensions = ServiceDimension.allCases
    private static let aspects = Aspect.allCases

    static let count = dimensions.count + aspects.count

    static func target(of dimension: ServiceDimension) -> Int { dimension.ordinal }

    static func target(of aspect: Aspect) -> Int { dimensions.count + aspect.ordinal }

    static func dimension(at target: Int) -> ServiceDimension? {
        target >= 0 && target < dimensions.count ? dimensions[target] : nil
    }

    static func aspect(at target: Int) -> Aspect? {
        let position = target - dimensions.count
        return position >= 0 && position < aspects.count ? aspects[position] : nil
    }
}
