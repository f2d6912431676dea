import Rater
import Testing

/// Taking a case to a regulator, a lawyer, the card issuer or a formal complaint says the business did not put it
/// right: the case is open, even as a threat. Sentences written for these tests.
@Suite struct EscalationTests {
    @Test(arguments: [
        "I have now taken this to the energy ombudsman.",
        "Unless they pay up, my solicitor will be in touch.",
        "I raised a chargeback with my bank.",
        "已经打了12315，等他们回复",
        "再不处理我就去消协投诉",
        "实在没办法，只能找律师了",
    ])
    func escalationIsUnresolved(_ text: String) throws {
        #expect(try signals(text).contains(.unresolved), "\(text)")
        #expect(!(try signals(text).contains(.recovered)), "\(text)")
    }
}
