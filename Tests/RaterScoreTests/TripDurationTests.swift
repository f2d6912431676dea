import Rater
import Testing

/// A wait word right after a noun naming a journey (kind `duration`, role `trip`: flight, drive to, 车程) times the trip,
/// not a wait for service: "the flight took 11 hours" read as a long wait (−2, Responsiveness). A service act timed
/// by the same words is still a wait, and so is one whose trip noun belongs to another clause. Sentences written for
/// these tests, several trades.
@Suite struct TripDurationTests {
    private func stated(_ text: String) throws -> Contribution? {
        try analyse(text).scored.contributions.first { $0.rules.contains { $0.name == "wait_scale" } }
    }

    @Test(arguments: ["The flight took 11 hours.", "Our train ride to the coast took 4 hours.",
                      "The drive from the airport took about 90 minutes.", "The drive there took 3 hours.",
                      "全程飞行用时十一个小时", "从市区过去车程耗时两个小时"])
    func aTripsLengthIsNoWait(_ text: String) throws {
        #expect(try stated(text) == nil, "\(text)")
    }

    @Test(arguments: ["Boarding took 2 hours.", "The flight was late but boarding took 2 hours.",
                      "Getting a refund for the flight took 3 weeks.", "办理入住用时两个小时",
                      "The drive thru took 45 minutes.", "The drive through took 40 minutes."])
    func aServiceActIsStillAWait(_ text: String) throws {
        let wait = try #require(try stated(text), "\(text)")
        #expect(wait.weight < 0, "\(text): \(wait)")
    }
}
