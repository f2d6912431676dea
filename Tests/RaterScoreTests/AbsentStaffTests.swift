import Rater
import RaterCore
import Testing

/// Staff who are not there when needed ("nowhere to be seen", 人影都没有) is a complaint; the clause had no opinion
/// word, so a learned lean of the staff noun decided it, often positive. Sentences written for these tests.
@Suite struct AbsentStaffTests {
    @Test(arguments: ["We needed help with the bags and the porter was nowhere to be seen.",
                      "Our waiter disappeared for twenty minutes after taking the order.",
                      "The rep said she would check and then disappeared on us.",
                      "The pharmacist was nowhere to be found when we came back.",
                      "结账的时候前台人影都没有", "病房按了铃，护士站连个人影都没有", "到了营业厅不见人影"])
    func absentStaffIsAComplaint(_ text: String) throws {
        #expect(try label(text) == .negative, "\(text)")
    }
}
