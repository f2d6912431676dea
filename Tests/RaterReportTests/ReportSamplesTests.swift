import Testing
@testable import RaterReport

@Suite struct ReportSamplesTests {
    @Test func keepsOnlyTheMostExtremeCommentsPerSide() {
        var samples = ReportSamples(keep: 2)
        for (index, score) in [0.1, -0.9, 0.8, -0.2, 0.95, 0.8, -0.9, 0].enumerated() {
            samples.add(scope: "overall", comment: .init(id: "c\(index)", text: "t\(index)", score: score, fields: []),
                        terms: [("good", score)])
        }
        let scope = samples.scope("overall")
        #expect(scope.mostPositive.map(\.id) == ["c4", "c2"])
        #expect(scope.mostNegative.map(\.id) == ["c1", "c6"])
        #expect(scope.topTerms(positive: true, limit: 5).map(\.term) == ["good"])
        #expect(scope.topTerms(positive: true, limit: 5).first?.count == 7)
    }

    /// A text repeated across an export is shown once, at its most extreme score.
    @Test func eachTextIsShownOnce() {
        var samples = ReportSamples(keep: 3)
        for (index, (text, score)) in [("Great service!", 0.9), ("Great service!", 0.9), ("Lovely staff", 0.7),
                                        ("Great service!", 0.95), ("Clean rooms", 0.5), ("Slow", -0.5),
                                        ("Slow", -0.6)].enumerated() {
            samples.add(scope: "overall", comment: .init(id: "c\(index)", text: text, score: score, fields: []), terms: [])
        }
        let scope = samples.scope("overall")
        #expect(scope.mostPositive.map(\.text) == ["Great service!", "Lovely staff", "Clean rooms"])
        #expect(scope.mostPositive.first?.id == "c3")
        #expect(scope.mostNegative.map(\.id) == ["c6"])
    }

    @Test func termTableIsCapped() {
        var samples = ReportSamples(keep: 1, maxTerms: 3)
        for index in 0..<10 {
            samples.add(scope: "x", comment: .init(id: "\(index)", text: "", score: 0, fields: []), terms: [("t\(index)", -1)])
        }
        #expect(samples.scope("x").topTerms(positive: false, limit: 10).count == 3)
    }
}
