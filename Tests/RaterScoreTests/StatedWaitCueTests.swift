import Rater
import Testing

/// The words around a stated wait that name responsiveness where no other cue does: a delivery that took hours, a
/// service that came within minutes (就到 after a unit). A gift (送了两个蛋糕) names none.
@Suite struct StatedWaitCueTests {
    private func responsiveness(_ text: String) throws -> SentimentLabel? {
        try analyse(text).report.dimensions.first { $0.dimension == .responsiveness }?.label
    }

    @Test func aDeliveryThatTookHoursIsSlow() throws {
        #expect(try responsiveness("外卖送了两个小时") == .negative)
    }

    @Test func aServiceThatCameInMinutesIsQuick() throws {
        #expect(try responsiveness("五分钟就到了") == .positive)
    }

    @Test func aGiftIsNoWait() throws {
        #expect(try responsiveness("朋友送了两个蛋糕") == nil)
    }
}
