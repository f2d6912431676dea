import Rater
import RaterCore
import Testing

/// A word of absence after a staff noun in its clause measures it (`ScaleNoun.staff`): staff gone is a complaint,
/// whatever words stand between, and the noun's learned lean ("staff" leans positive) gives way rather than deciding
/// the clause. Sentences written for these tests, several trades.
@Suite struct StaffAbsenceScaleTests {
    @Test(arguments: ["The clerk simply vanished after ringing up half my groceries.",
                      "Our night nurse was nowhere to be found.",
                      "The receptionist just disappeared at noon.",
                      "点完菜服务员就不见了",
                      "装到一半师傅人就没影了"])
    func staffGoneIsAComplaint(_ text: String) throws {
        let analysis = try analyse(text)
        #expect(analysis.scored.sentiment.label == .negative, "\(text)")
        #expect(analysis.scored.contributions.contains { $0.rules.contains { $0.name == "absent_staff" } }, "\(text)")
    }

    @Test(arguments: ["The clerk simply vanished after ringing up half my groceries.", "点完菜服务员就不见了",
                      "客服转身就没影了", "店员都不见了"])
    func staffGoneIsResponsiveness(_ text: String) throws {
        let dimension = try analyse(text).report.dimensions.first { $0.dimension == .responsiveness }
        #expect(dimension?.label == .negative, "\(text)")
    }

    /// Absence without staff measures nothing: no rule, no Responsiveness (the stain and the smell are the
    /// sentences' own complaints, and stay so).
    @Test(arguments: ["The stain on the sofa vanished after one wash.", "房间里的异味两天就消失了"])
    func absenceWithoutStaffMeasuresNothing(_ text: String) throws {
        #expect(try !rules(text).contains("absent_staff"), "\(text)")
        #expect(try analyse(text).report.dimensions.first { $0.dimension == .responsiveness } == nil, "\(text)")
    }

    /// A staff noun elsewhere in the clause names no absence: the driver said the smell was gone (a code review).
    @Test(arguments: ["司机说异味消失了", "师傅说墙上的霉斑不见了"])
    func aStaffNounThatIsNotWhatVanishedIsNoResponsiveness(_ text: String) throws {
        #expect(try analyse(text).report.dimensions.first { $0.dimension == .responsiveness } == nil, "\(text)")
    }

    /// Nor an adverb with no staff noun right before it: the pain or the smell went quickly (a code review:
    /// Responsiveness −0.5 on 消失了). 很快 and 马上 still speak for the service's speed.
    @Test(arguments: ["护士打针后疼痛很快就消失了", "司机开窗后异味马上就消失了"])
    func anAdverbWithoutTheStaffNounIsNoAbsence(_ text: String) throws {
        #expect(try !rules(text).contains("absent_staff"), "\(text)")
        let dimension = try analyse(text).report.dimensions.first { $0.dimension == .responsiveness }
        #expect(dimension?.evidence.contains { $0.cue == "消失了" } != true, "\(text)")
    }

    @Test(arguments: ["The host was tall and greeted us by name.", "前台小哥个子很高，说话也客气"])
    func heightIsNoAbsence(_ text: String) throws {
        #expect(try label(text) != .negative, "\(text)")
        #expect(try !rules(text).contains("absent_staff"), "\(text)")
    }
}
