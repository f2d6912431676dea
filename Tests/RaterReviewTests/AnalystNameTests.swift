import Foundation
import RaterCore
import Testing
@testable import RaterReview

/// The analyst's name goes into the audit trail, the gold CSV and `rater corrections list`: a line break, ESC or
/// bidi override has no business in it (`bob\r\n=2+3` used to be accepted by POST /analyst).
@Suite(.serialized) struct AnalystNameTests {
    @Test func analystNamesWithControlCharactersAreRefused() async throws {
        let fixture = try ReviewFixture.sample()
        for name in ["bob\r\n=2+3", "bob\n", "a\u{1B}]0;pwned\u{7}", "a\u{0}b", "a\u{202E}b", "a\u{85}b", "a\u{2028}b"] {
            #expect(throws: ReviewError.self, "\(name.unicodeScalars.map(\.value))") {
                try fixture.store.record(CorrectionRequest(source: "branches.csv", commentKey: "r1", action: .label,
                                                           value: .positive, analyst: name + "x"))
            }
        }
        try await withServer(fixture) { port, configuration in
            let refused = try LoopbackHTTP.send(port: port, "POST", "/analyst",
                                                form: [("csrf", configuration.csrfToken), ("analyst", "bob\r\n=2+3")])
            #expect(refused.status == 400 && refused.cookies["rater_analyst"] == nil)
            // A cookie set by hand is not believed either: the server's default name is used.
            _ = try LoopbackHTTP.send(port: port, "POST", "/corrections",
                                      headers: [("Cookie", "rater_analyst=bob%0D%0A%3D2%2B3")],
                                      form: [("csrf", configuration.csrfToken), ("source", "branches.csv"),
                                             ("key", "r1"), ("op", "label:positive")])
            #expect(try fixture.store.corrections().first?.analyst == "nightly-analyst")
        }
        #expect(try fixture.store.corrections().count == 1)
    }
}
