import ArgumentParser
import Rater

/// The `rater eval` options that switch it to scoring dimensions and aspects against aspect-labelled gold data.
struct DimensionEvalArguments: ParsableArguments {
    @Option(help: "Score dimensions against a built-in aspect scheme: rater (a CSV column of dimension:polarity pairs, as in Corpora/gold), asap (CSV columns), semeval or mams (XML aspectCategory elements).")
    var aspectScheme: String?

    @Option(help: "Gold keys (columns or categories) to targets, over the scheme: 'KEY=TARGET,…'. A target is a dimension, an aspect (price, product, location), service (reliability|assurance|empathy|responsiveness), staff (assurance|empathy), members joined by |, or ignore.")
    var aspectMap: String?

    @Option(help: "XML gold: the label element and its key and polarity attributes, as ELEMENT:KEY:POLARITY (default for semeval/mams: aspectCategory:category:polarity). Without it a map reads CSV columns.")
    var goldElement: String?

    @Option(help: "How many misses (missed, spurious, wrong polarity) to list with their text.")
    var dimensionMisses: Int = 0

    func validate() throws {
        if dimensionMisses < 0 { throw ValidationError("--dimension-misses must be 0 or more") }
        // The scheme, the map and --gold-element come from the command line alone: checked here, not mid-run.
        guard isActive else { return }
        do { _ = try scheme() } catch let error as ValidationError { throw error } catch {
            throw ValidationError("\(error)")
        }
    }

    var isActive: Bool { aspectScheme != nil || aspectMap != nil }

    func scheme() throws -> AspectScheme {
        var scheme = try aspectScheme.map { try AspectScheme.named($0) }
            ?? AspectScheme(layout: .columns(values: AspectScheme.codeValues), mapping: [:])
        if let goldElement {
            let parts = goldElement.split(separator: ":").map(String.init)
            guard parts.count == 3 else {
                throw ValidationError("--gold-element must be ELEMENT:KEY_ATTRIBUTE:POLARITY_ATTRIBUTE")
            }
            scheme.layout = .elements(element: parts[0], keyAttribute: parts[1], polarityAttribute: parts[2])
        }
        if let aspectMap { try scheme.apply(mapText: aspectMap) }
        guard !scheme.mapping.isEmpty else { throw ValidationError("the aspect map is empty") }
        return scheme
    }
}
