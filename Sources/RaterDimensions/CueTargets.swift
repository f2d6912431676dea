import RaterCore

/// The things a cue can point at, numbered: the RATER dimensions in case order, then the aspects in case order.
/// A comment's mentions are tallied by number (see `CueMention`), and results come out in this order, the order
/// `ServiceDimension` and `Aspect` sort by.
enum CueTargets {
    static let count = ServiceDimension.allCases.count + Aspect.allCases.count

    static func target(of dimension: ServiceDimension) -> Int { position(of: dimension) }

    static func target(of aspect: Aspect) -> Int { ServiceDimension.allCases.count + position(of: aspect) }

    static func dimension(at target: Int) -> ServiceDimension? {
        let dimensions = ServiceDimension.allCases
        return target < dimensions.count ? dimensions[dimensions.index(dimensions.startIndex, offsetBy: target)] : nil
    }

    static func aspect(at target: Int) -> Aspect? {
        let aspects = Aspect.allCases
        let position = target - ServiceDimension.allCases.count
        guard position >= 0 && position < aspects.count else { return nil }
        return aspects[aspects.index(aspects.startIndex, offsetBy: position)]
    }

    private static func position<Case: CaseIterable & Equatable>(of value: Case) -> Int {
        var position = 0
        for other in Case.allCases {
            if other == value { return position }
            position += 1
        }
        preconditionFailure("\(value) is not among its type's cases")
    }
}
