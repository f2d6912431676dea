import Rater
import Testing

/// A lone retraction ("not anymore", "no longer", `IrrealisRole.retraction`) takes back the clause before it, which
/// then reads as a bygone state, as with "used to". Sentences written for these tests, from several industries.
@Suite struct RetractionTests {
    @Test(arguments: ["I loved this gym, not anymore.", "Great bakery, but not anymore.",
                      "It was my favourite hotel in town. Not anymore.", "This bank was reliable. No longer."])
    func praiseTakenBackIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
        #expect(try rules(text).contains("irrealis"), "\(text)")
    }

    /// Praise taken back is no loyalty.
    @Test func aFavouriteTakenBackIsNotLoyal() throws {
        let signals = try analyse("It was my favourite cafe. Not anymore.").report.signals
        #expect(!signals.contains { $0.value == .loyal }, "\(signals)")
    }

    /// Inside a longer clause the marker retracts nothing and still negates what follows it.
    @Test(arguments: ["The staff are lovely and the rooms are not anymore noisy", "The food is great, I no longer wait for a table"])
    func aMarkerInsideAClauseRetractsNothing(_ text: String) throws {
        #expect(try label(text) == .positive, "\(text)")
    }
}
