import RaterCore
import Testing
@testable import RaterReport

@Suite struct ReportLocaleTests {
    @Test func everyLabelExistsInBothLanguages() {
        for key in ReportLocale.Key.allCases {
            #expect(!ReportLocale.zh(key).isEmpty && !ReportLocale.en(key).isEmpty, "\(key)")
        }
        for dimension in ServiceDimension.allCases {
            #expect(ReportLocale.zh.dimension(dimension) != ReportLocale.en.dimension(dimension))
        }
        #expect(ReportLocale.en.dimension(.responsiveness) == "Responsiveness")
        #expect(ReportLocale.zh.signal("loyalty.at_risk") == "忠诚：流失风险")
        // Unknown signal names are shown as they are (the renderer escapes them).
        #expect(ReportLocale.en.signal("<x>") == "<x>")
    }
}
