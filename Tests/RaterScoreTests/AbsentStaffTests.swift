import Rater
import RaterCore
import Testing

/// Staff who leave the customer waiting ("the waiter disappeared", "disappeared on us") is a complaint; the clause
/// had no opinion word, so a learned lean of the staff noun decided it, often positive. Only staff-anchored phrases:
/// absence alone is often good news (no queue, the stain was gone). Sentences written for these tests.
@Suite struct AbsentStaffTests {
    @Test(arguments: ["Our waiter disappeared after taking the order and never came back.",
                      "The rep said she would check and then disappeared on us.",
                      "Halfway through check-in the staff disappeared into the back office."])
    func absentStaffIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }

    @Test(arguments: ["Other diners were nowhere to be seen, so we had the terrace to ourselves.",
                      "The rash disappeared for good after the second visit.",
                      "工作日去的，大厅里人影都没有，不用排队，几分钟就办完了"])
    func absenceAloneIsNoComplaint(_ text: String) throws {
        #expect(try label(text) != .negative, "\(text)")
    }
}
