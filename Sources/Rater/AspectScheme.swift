import Foundation
import RaterCore

/// How a labelled data set's aspect annotations map onto RATER dimensions and non-RATER aspects.
///
/// Gold comes in two shapes: one column per aspect with a polarity code (ASAP: −2 not mentioned, −1 negative,
/// 0 neutral, 1 positive), or repeated child elements naming a category and a polarity (SemEval, MAMS:
/// `<aspectCategory category="service" polarity="negative"/>`). A scheme says which gold keys go to which target;
/// keys it does not name are ignored (SemEval's anecdotes/miscellaneous says nothing about service quality).
public struct AspectScheme: Sendable {
    public enum Layout: Sendable, Equatable {
        /// One column per gold key; `values` maps the cell to a polarity (absent values mean "not mentioned").
        case columns(values: [String: GoldPolarity])
        /// Child elements of each record: `element` with the key in `keyAttribute`, polarity in
        /// `polarityAttribute`.
        case elements(element: String, keyAttribute: String, polarityAttribute: String)
        /// One column listing `key:polarity` pairs separated by `;` (the team's RATER gold:
        /// `tangibles:positive;assurance:negative`); an empty cell means no target is mentioned.
        case pairList(column: String)
    }

    public var layout: Layout
    /// Gold key (column or category, lower-cased) → target.
    public var mapping: [String: EvaluationTarget]
    /// The column holding the comment, when the data set's name for it is not one ingest recognises.
    public var textColumn: String?

    public init(layout: Layout, mapping: [String: EvaluationTarget], textColumn: String? = nil) {
        self.layout = layout
        self.mapping = mapping
        self.textColumn = textColumn
    }

    public var targets: [EvaluationTarget] { Set(mapping.values).sorted() }

    /// The ASAP-style polarity codes, with words accepted too.
    public static let codeValues: [String: GoldPolarity] = [
        "-1": .negative, "0": .neutral, "1": .positive,
        "negative": .negative, "neutral": .neutral, "positive": .positive, "conflict": .conflict,
    ]

    public static let elementValues: [String: GoldPolarity] = [
        "negative": .negative, "neutral": .neutral, "positive": .positive, "conflict": .conflict,
    ]

    /// ASAP restaurant reviews (Chinese): the proxy mapping in `../shared/README.md`. Parking sits under
    /// "service" in ASAP but is about getting to the place, so it counts as location.
    public static let asap = AspectScheme(layout: .columns(values: codeValues), mapping: [
        "location_traffic": .init(name: "location", aspects: [.location]),
        "location_traffic_convenience": .init(name: "location", aspects: [.location]),
        "location_distance_from_business_district": .init(name: "location", aspects: [.location]),
        "location_easy_to_find": .init(name: "location", aspects: [.location]),
        "service_parking_convenience": .init(name: "location", aspects: [.location]),
        "service_wait_time": .init(name: "responsiveness", dimensions: [.responsiveness]),
        "service_serving_speed": .init(name: "responsiveness", dimensions: [.responsiveness]),
        "service_waiters_attitude": .staff,
        "price_level": .init(name: "price", aspects: [.price]),
        "price_cost_effective": .init(name: "price", aspects: [.price]),
        "price_discount": .init(name: "price", aspects: [.price]),
        "environment_decoration": .init(name: "tangibles", dimensions: [.tangibles]),
        "environment_noise": .init(name: "tangibles", dimensions: [.tangibles]),
        "environment_space": .init(name: "tangibles", dimensions: [.tangibles]),
        "environment_cleaness": .init(name: "tangibles", dimensions: [.tangibles]),
        "environment_cleanliness": .init(name: "tangibles", dimensions: [.tangibles]),
        "dish_portion": .init(name: "product", aspects: [.product]),
        "dish_taste": .init(name: "product", aspects: [.product]),
        "dish_look": .init(name: "product", aspects: [.product]),
        "dish_recommendation": .init(name: "product", aspects: [.product]),
    ], textColumn: "reviewbody")

    private static let categoryElements = Layout.elements(element: "aspectCategory", keyAttribute: "category",
                                                          polarityAttribute: "polarity")

    /// SemEval-2014 restaurants: service is the union of the four people-and-process dimensions.
    public static let semeval = AspectScheme(layout: categoryElements, mapping: [
        "service": .service,
        "ambience": .init(name: "tangibles", dimensions: [.tangibles]),
        "food": .init(name: "product", aspects: [.product]),
        "price": .init(name: "price", aspects: [.price]),
    ])

    /// MAMS aspect categories. MAMS splits SemEval's service into `service` (speed, process) and `staff`
    /// (people); both are service in RATER terms, so both count toward the service union (a sentence about a
    /// rude waiter is a service sentence). `--aspect-map staff=staff` scores staff on its own instead.
    public static let mams = AspectScheme(layout: categoryElements, mapping: [
        "service": .service,
        "staff": .service,
        "ambience": .init(name: "tangibles", dimensions: [.tangibles]),
        "food": .init(name: "product", aspects: [.product]),
        "menu": .init(name: "product", aspects: [.product]),
        "price": .init(name: "price", aspects: [.price]),
        "place": .init(name: "location", aspects: [.location]),
    ])

    /// Gold labelled directly with RATER dimensions (`Corpora/gold/service_gold_*.csv`): each dimension is its
    /// own target.
    public static let rater = AspectScheme(
        layout: .pairList(column: "dimensions"),
        mapping: Dictionary(uniqueKeysWithValues: ServiceDimension.allCases.map {
            ($0.rawValue, EvaluationTarget(name: $0.rawValue, dimensions: [$0]))
        }),
        textColumn: "text")

    public static func named(_ name: String) throws -> AspectScheme {
        switch name.lowercased() {
        case "rater": return .rater
        case "asap": return .asap
        case "semeval", "semeval14": return .semeval
        case "mams": return .mams
        default: throw EvaluationError.unknownScheme(name)
        }
    }

    /// Layers `KEY=TARGET,KEY=TARGET` over the mapping; `KEY=ignore` drops a key.
    public mutating func apply(mapText: String) throws {
        for pair in mapText.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else { throw EvaluationError.badAspectMap(String(pair)) }
            let key = parts[0].lowercased()
            if parts[1].lowercased() == "ignore" {
                mapping[key] = nil
            } else {
                mapping[key] = try EvaluationTarget(parsing: parts[1])
            }
        }
    }

    /// The gold labels of a record whose columns are `fields` (column and pair-list layouts).
    public func gold(fields: [Field]) -> [EvaluationTarget: GoldPolarity] {
        if case let .pairList(column) = layout {
            let cell = fields.first { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == column }?.value ?? ""
            let pairs = cell.split(separator: ";").map { pair -> (key: String, polarity: String) in
                let parts = pair.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }
            return gold(pairs: pairs)
        }
        guard case let .columns(values) = layout else { return [:] }
        var gold = [EvaluationTarget: GoldPolarity]()
        for field in fields {
            guard let target = mapping[field.name.trimmingCharacters(in: .whitespaces).lowercased()],
                  let polarity = values[field.value.trimmingCharacters(in: .whitespaces).lowercased()] else { continue }
            gold[target] = gold[target].map { $0.merged(with: polarity) } ?? polarity
        }
        return gold
    }

    /// The gold labels from (category, polarity) pairs (element layout).
    public func gold(pairs: [(key: String, polarity: String)]) -> [EvaluationTarget: GoldPolarity] {
        var gold = [EvaluationTarget: GoldPolarity]()
        for pair in pairs {
            guard let target = mapping[pair.key.lowercased()],
                  let polarity = Self.elementValues[pair.polarity.lowercased()] else { continue }
            gold[target] = gold[target].map { $0.merged(with: polarity) } ?? polarity
        }
        return gold
    }
}
