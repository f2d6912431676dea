import Foundation
import RaterCore

/// What a gold label is scored against: one RATER dimension, a union of them (SemEval's "service" is any of
/// Reliability, Assurance, Empathy, Responsiveness), or a non-RATER aspect.
///
/// A target is predicted when the comment's result has any of its members; its predicted polarity is the
/// mention-weighted mean score of those members.
public struct EvaluationTarget: Sendable, Hashable, Comparable {
    public var name: String
    public var dimensions: Set<ServiceDimension>
    public var aspects: Set<Aspect>

    public init(name: String, dimensions: Set<ServiceDimension> = [], aspects: Set<Aspect> = []) {
        self.name = name
        self.dimensions = dimensions
        self.aspects = aspects
    }

    /// True for price, product and location targets, which are reported but are not RATER dimensions.
    public var isAspect: Bool { dimensions.isEmpty }

    /// Service as a whole: every dimension but Tangibles (people and process, not premises).
    public static let service = EvaluationTarget(name: "service",
                                                 dimensions: [.reliability, .assurance, .empathy, .responsiveness])
    /// Staff conduct: courtesy and competence (Assurance) or care (Empathy).
    public static let staff = EvaluationTarget(name: "staff", dimensions: [.assurance, .empathy])

    /// Parses `service`, `staff`, a dimension, an aspect, or members joined by `|` (`assurance|empathy`).
    public init(parsing text: String) throws {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if name == Self.service.name { self = .service; return }
        if name == Self.staff.name { self = .staff; return }
        var dimensions = Set<ServiceDimension>()
        var aspects = Set<Aspect>()
        for member in name.split(separator: "|") {
            if let dimension = ServiceDimension(rawValue: String(member)) {
                dimensions.insert(dimension)
            } else if let aspect = Aspect(rawValue: String(member)) {
                aspects.insert(aspect)
            } else {
                throw EvaluationError.unknownTarget(text)
            }
        }
        guard dimensions.isEmpty != aspects.isEmpty else { throw EvaluationError.unknownTarget(text) }
        self.init(name: name, dimensions: dimensions, aspects: aspects)
    }

    /// The target's prediction in a result: nil when none of its members is there, else the combined score.
    public func prediction(in result: CommentResult) -> Double? {
        var weighted = 0.0
        var mentions = 0
        for dimension in result.dimensions where dimensions.contains(dimension.dimension) {
            weighted += dimension.score * Double(dimension.mentions)
            mentions += dimension.mentions
        }
        for aspect in result.aspects where aspects.contains(aspect.aspect) {
            weighted += aspect.score * Double(aspect.mentions)
            mentions += aspect.mentions
        }
        return mentions == 0 ? nil : weighted / Double(mentions)
    }

    public static func < (lhs: EvaluationTarget, rhs: EvaluationTarget) -> Bool {
        (lhs.isAspect ? 1 : 0, lhs.name) < (rhs.isAspect ? 1 : 0, rhs.name)
    }
}
