import Rater
import Testing

/// Failures put right in words the recovery cues did not know: rebooked, moved to another room, made up for, a fault
/// that never came back, a fix that finally came ("did solve"). A fault that "has not come back" is no customer's
/// return. Sentences written for these tests.
@Suite struct RecoveryInOtherWordsTests {
    @Test(arguments: [
        "The train was cancelled and they rebooked us on the evening service at no charge.",
        "Support was slow, but they did solve it in the end.",
        "客服帮我改签了明天的航班",
        "换了新路由器以后再也没断过",
    ])
    func putRightIsRecovered(_ text: String) throws {
        #expect(try signals(text) == [.recovered], "\(text)")
    }

    @Test func aFaultThatHasNotComeBackIsNoChurn() throws {
        let text = "The engineer replaced the valve and the leak has not come back."
        #expect(!(try signals(text).contains(.atRisk)), "\(text)")
    }
}
