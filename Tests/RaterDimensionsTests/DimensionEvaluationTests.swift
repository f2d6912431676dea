import Rater
import Testing

/// The dimension metrics against numbers worked out by hand.
@Suite struct DimensionEvaluationTests {
    let tangibles = EvaluationTarget(name: "tangibles", dimensions: [.tangibles])
    let price = EvaluationTarget(name: "price", aspects: [.price])

    /// Five comments, service and tangibles:
    ///   1. gold service +, tangibles −   predicted service 0.5, tangibles −0.3   → TP+ right, TP− right
    ///   2. gold service −                predicted service 0.2, tangibles 0.4    → TP wrong side, tangibles FP
    ///   3. gold service neutral          predicted service 0.01                  → TP, not polar; 3-way right
    ///   4. gold tangibles +              predicted nothing                       → tangibles FN
    ///   5. gold service conflict         predicted service −0.6                  → TP, not polar; 3-way miss
    /// service:   TP 4, FP 0, FN 0 → P 1, R 1, F1 1; polar 2 (1 right) → 0.5; 3-way 2 of 4 (1 and 3) → 0.5
    /// tangibles: TP 1, FP 1, FN 1 → P 0.5, R 0.5, F1 0.5; polar 1 right → 1.0
    /// pooled:    TP 5, FP 1, FN 1 → P 5/6, R 5/6, F1 5/6; polar 2 of 3 right
    func sample() -> DimensionEvaluation {
        var evaluation = DimensionEvaluation(targets: [.service, tangibles])
        evaluation.add(id: "1", gold: [.service: .positive, tangibles: .negative],
                       predicted: [.service: 0.5, tangibles: -0.3])
        evaluation.add(id: "2", gold: [.service: .negative], predicted: [.service: 0.2, tangibles: 0.4])
        evaluation.add(id: "3", gold: [.service: .neutral], predicted: [.service: 0.01, tangibles: nil])
        evaluation.add(id: "4", gold: [tangibles: .positive], predicted: [.service: nil, tangibles: nil])
        evaluation.add(id: "5", gold: [.service: .conflict], predicted: [.service: -0.6])
        return evaluation
    }

    @Test func perTargetCounts() {
        let evaluation = sample()
        let service = evaluation.counts(for: .service)
        #expect(service.truePositives == 4 && service.falsePositives == 0 && service.falseNegatives == 0)
        #expect(service.f1 == 1)
        #expect(service.polarTotal == 2 && service.polarityAccuracy == 0.5)
        #expect(service.strictPolarityAccuracy == 0.5)
        let tangible = evaluation.counts(for: tangibles)
        #expect(tangible.precision == 0.5 && tangible.recall == 0.5 && tangible.f1 == 0.5)
        #expect(tangible.polarityAccuracy == 1)
    }

    @Test func pooledAndMacroFigures() {
        let evaluation = sample()
        let total = evaluation.dimensionTotal
        #expect(abs(total.precision - 5.0 / 6) < 1e-12)
        #expect(abs(total.recall - 5.0 / 6) < 1e-12)
        #expect(abs(total.f1 - 5.0 / 6) < 1e-12)
        #expect(abs(total.polarityAccuracy - 2.0 / 3) < 1e-12)
        #expect(evaluation.dimensionMacroF1 == 0.75)
        #expect(evaluation.comments == 5)
    }

    /// A dimension neither the gold nor the results mention has no F1 and is left out of macro-F1; one only the
    /// results mention is all false alarms and counts as 0.
    @Test func macroF1AveragesTheDimensionsThatAreMentioned() {
        let reliability = EvaluationTarget(name: "reliability", dimensions: [.reliability])
        var evaluation = DimensionEvaluation(targets: [tangibles, reliability])
        evaluation.add(id: "1", gold: [tangibles: .positive], predicted: [tangibles: 0.5, reliability: nil])
        #expect(!evaluation.counts(for: reliability).isObserved)
        #expect(evaluation.observedDimensionTargets == [tangibles])
        #expect(evaluation.dimensionMacroF1 == 1)
        evaluation.add(id: "2", gold: [:], predicted: [tangibles: nil, reliability: -0.4])
        #expect(evaluation.counts(for: reliability).isObserved)
        #expect(evaluation.dimensionMacroF1 == 0.5)
    }

    @Test func aspectsAreReportedButNotPooled() {
        var evaluation = DimensionEvaluation(targets: [tangibles, price])
        evaluation.add(id: "1", gold: [price: .negative], predicted: [price: -0.5, tangibles: nil])
        #expect(evaluation.counts(for: price).f1 == 1)
        #expect(evaluation.dimensionTotal.truePositives == 0)
    }

    @Test func aScoreOfZeroIsNeitherSide() {
        var evaluation = DimensionEvaluation(targets: [tangibles])
        evaluation.add(id: "1", gold: [tangibles: .positive], predicted: [tangibles: 0])
        #expect(evaluation.counts(for: tangibles).polarityAccuracy == 0)
    }

    @Test func noDataMeansZeroNotACrash() {
        let empty = DimensionEvaluation.Counts()
        #expect(empty.precision == 0 && empty.recall == 0 && empty.f1 == 0 && empty.polarityAccuracy == 0)
    }

    @Test func goldFromColumnsMergesKeysOfOneTarget() {
        let gold = AspectScheme.asap.gold(fields: [
            Field("environment_noise", "-1"), Field("environment_decoration", "1"),
            Field("service_wait_time", "-2"), Field("service_serving_speed", "0"),
            Field("service_waiters_attitude", "1"), Field("price_level", "-1"), Field("reviewbody", "…"),
        ])
        #expect(gold[EvaluationTarget(name: "tangibles", dimensions: [.tangibles])] == .conflict)
        #expect(gold[EvaluationTarget(name: "responsiveness", dimensions: [.responsiveness])] == .neutral)
        #expect(gold[.staff] == .positive)
        #expect(gold[price] == .negative)
        #expect(gold.count == 4)
    }

    @Test func goldFromCategoryElements() {
        let gold = AspectScheme.mams.gold(pairs: [("service", "negative"), ("staff", "positive"),
                                                 ("miscellaneous", "neutral"), ("ambience", "positive")])
        #expect(gold[.service] == .conflict)
        #expect(gold[tangibles] == .positive)
        #expect(gold.count == 2)
    }

    @Test func aUserMapOverridesTheScheme() throws {
        var scheme = AspectScheme.mams
        try scheme.apply(mapText: "staff=staff, place=tangibles, food=ignore")
        #expect(scheme.mapping["staff"] == .staff)
        #expect(scheme.mapping["place"] == tangibles)
        #expect(scheme.mapping["food"] == nil)
        #expect(throws: EvaluationError.self) { try scheme.apply(mapText: "staff") }
        #expect(throws: EvaluationError.self) { try scheme.apply(mapText: "staff=courtesy") }
        #expect(try EvaluationTarget(parsing: "assurance|empathy").dimensions == [.assurance, .empathy])
    }

    @Test func nestedGoldLabelsComeFromTheRecordsFields() {
        let fields = [
            Field("aspectCategories/aspectCategory/@category", "service"),
            Field("aspectCategories/aspectCategory/@polarity", "negative"),
            Field("aspectCategories/aspectCategory/@category", "food"),
            Field("aspectCategories/aspectCategory/@polarity", "positive"),
            Field("aspectTerms/aspectTerm/@term", "waiter"),
        ]
        let pairs = NestedGoldLabels.pairs(in: fields, element: "aspectCategory", keyAttribute: "category",
                                           polarityAttribute: "polarity")
        #expect(pairs.map(\.key) == ["service", "food"])
        #expect(pairs.map(\.polarity) == ["negative", "positive"])
        #expect(NestedGoldLabels.pairs(in: [], element: "aspectCategory", keyAttribute: "category",
                                       polarityAttribute: "polarity").isEmpty)
    }

    /// Ids may repeat in a gold file: each miss names its comment's position, which `rater eval` uses to quote it.
    @Test func missesNameTheirCommentsPositionWhenIdsRepeat() throws {
        let service = try EvaluationTarget(parsing: "assurance")
        var evaluation = DimensionEvaluation(targets: [service])
        evaluation.add(id: "7", gold: [service: .positive], predicted: [service: -0.5])
        evaluation.add(id: "7", gold: [:], predicted: [service: nil])
        evaluation.add(id: "7", gold: [service: .negative], predicted: [service: nil])
        #expect(evaluation.misses.map(\.comment) == [0, 2])
        #expect(evaluation.misses.map(\.kind) == ["polarity", "missed"])
    }

    /// XML attributes have no order: `<aspectCategory polarity="negative" category="service"/>` is the same label as
    /// `category` first. Pairing a key only with a polarity after it lost the first label and shifted the rest.
    @Test func nestedGoldLabelsPairEachElementWhateverItsAttributeOrder() {
        let path = "aspectCategories/aspectCategory/@"
        let polarityFirst = [
            Field(path + "polarity", "negative"), Field(path + "category", "service"),
            Field(path + "polarity", "positive"), Field(path + "category", "ambience"),
            // Mixed within one record, and an element with a third attribute in between.
            Field(path + "category", "food"), Field(path + "from", "3"), Field(path + "polarity", "neutral"),
            Field(path + "polarity", "conflict"), Field(path + "category", "price"),
        ]
        let pairs = NestedGoldLabels.pairs(in: polarityFirst, element: "aspectCategory", keyAttribute: "category",
                                           polarityAttribute: "polarity")
        #expect(pairs.map(\.key) == ["service", "ambience", "food", "price"])
        #expect(pairs.map(\.polarity) == ["negative", "positive", "neutral", "conflict"])
        // An element without a polarity is skipped without taking the next element's.
        let missing = [
            Field(path + "category", "service"),
            Field(path + "category", "food"), Field(path + "polarity", "positive"),
            Field("aspectTerms/aspectTerm/@polarity", "negative"), Field(path + "category", "price"),
        ]
        let partial = NestedGoldLabels.pairs(in: missing, element: "aspectCategory", keyAttribute: "category",
                                             polarityAttribute: "polarity")
        #expect(partial.map(\.key) == ["food"])
        #expect(partial.map(\.polarity) == ["positive"])
    }
}

@Suite struct RaterSchemeTests {
    @Test func pairListGoldNamesDimensionsDirectly() {
        let gold = AspectScheme.rater.gold(fields: [
            Field("text", "…"), Field("dimensions", "tangibles:positive; responsiveness:negative"),
        ])
        #expect(gold[EvaluationTarget(name: "tangibles", dimensions: [.tangibles])] == .positive)
        #expect(gold[EvaluationTarget(name: "responsiveness", dimensions: [.responsiveness])] == .negative)
        #expect(gold.count == 2)
        #expect(AspectScheme.rater.gold(fields: [Field("dimensions", "")]).isEmpty)
        #expect(AspectScheme.rater.targets.count == 5)
    }
}
