/// Mergeable counts of numeric feedback beside the text: NPS (0–10), CSAT (1–5) and CES (1–7).
public struct RatingTally: Sendable, Equatable, Codable {
    public var npsResponses = 0
    public var promoters = 0
    public var detractors = 0
    public var csatResponses = 0
    public var csatTopTwo = 0
    public var cesResponses = 0
    /// In units of `FixedPoint.scale`, for exact merging.
    public var cesUnits = 0

    public init() {}

    /// Adds an NPS answer; values outside 0–10 are not NPS answers and are ignored.
    public mutating func addNPS(_ value: Double) {
        guard RatingScale.nps.range.contains(value) else { return }
        npsResponses += 1
        if value >= 9 { promoters += 1 } else if value <= 6 { detractors += 1 }
    }

    public mutating func addCSAT(_ value: Double) {
        guard RatingScale.csat.range.contains(value) else { return }
        csatResponses += 1
        if value >= 4 { csatTopTwo += 1 }
    }

    public mutating func addCES(_ value: Double) {
        guard RatingScale.ces.range.contains(value) else { return }
        cesResponses += 1
        cesUnits += FixedPoint.units(value)
    }

    public mutating func merge(_ other: RatingTally) {
        npsResponses += other.npsResponses
        promoters += other.promoters
        detractors += other.detractors
        csatResponses += other.csatResponses
        csatTopTwo += other.csatTopTwo
        cesResponses += other.cesResponses
        cesUnits += other.cesUnits
    }

    /// Why these counts cannot have been made by the `add` methods, or nil.
    var problem: String? {
        let counts = [npsResponses, promoters, detractors, csatResponses, csatTopTwo, cesResponses, cesUnits]
        guard counts.allSatisfy({ $0 >= 0 }) else { return "a negative rating count" }
        guard promoters + detractors <= npsResponses, csatTopTwo <= csatResponses else {
            return "more promoters, detractors or top-two answers than responses"
        }
        return nil
    }

    public var isEmpty: Bool { npsResponses == 0 && csatResponses == 0 && cesResponses == 0 }

    public var figures: RatingFigures {
        RatingFigures(
            nps: npsResponses > 0 ? 100 * Double(promoters - detractors) / Double(npsResponses) : nil,
            npsResponses: npsResponses,
            csat: csatResponses > 0 ? Double(csatTopTwo) / Double(csatResponses) : nil,
            csatResponses: csatResponses,
            ces: cesResponses > 0 ? FixedPoint.value(cesUnits) / Double(cesResponses) : nil,
            cesResponses: cesResponses)
    }
}
