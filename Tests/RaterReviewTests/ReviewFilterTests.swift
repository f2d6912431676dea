import Testing
@testable import RaterReview

@Suite struct ReviewFilterTests {
    @Test func readsEveryFilterAndWritesItBack() throws {
        let query: [(String, String)] = [("dimension", "empathy"), ("label", "negative"), ("signal", "recovery=unresolved"),
                                         ("column", "branch"), ("value", "西湖 店"), ("from", "2026-11-01"),
                                         ("to", "2026-11-30"), ("q", "态度 & rude"), ("review", "unreviewed"),
                                         ("order", "low-confidence"), ("page", "3")]
        let filter = try ReviewFilter(query: query)
        #expect(filter.dimension == .empathy && filter.label == .negative && filter.signal == .recovery)
        #expect(filter.signalValue == .unresolved && filter.groupValue == "西湖 店" && filter.page == 3)
        let path = filter.path()
        #expect(path.hasPrefix("/?dimension=empathy&label=negative&signal=recovery%3Dunresolved"))
        let back = try ReviewFilter(query: FormEncoding.decode(path.dropFirst(2)))
        #expect(back == filter)
        #expect(filter.path(page: 1).contains("page=") == false)
    }

    @Test func emptyValuesMeanAny() throws {
        let filter = try ReviewFilter(query: [("dimension", ""), ("label", " "), ("q", "")])
        #expect(filter == ReviewFilter())
        #expect(filter.path() == "/")
    }

    @Test(arguments: [
        [("dimension", "price")], [("label", "great")], [("signal", "mood")], [("signal", "loyalty=recovered")],
        [("from", "26-11-01")], [("to", "2026-11-01T00:00")], [("page", "0")], [("page", "x")], [("order", "random")],
        [("review", "maybe")], [("q", String(repeating: "长", count: 201))],
        // Signals made of `=` and empty pieces: `=` and `==` used to trap the server on `parts[0]`.
        [("signal", "=")], [("signal", "==")], [("signal", "===")], [("signal", " = ")], [("signal", "=loyalty")],
        [("signal", "=at_risk")], [("signal", "loyalty=")], [("signal", "loyalty==")], [("signal", "loyalty==at_risk")],
        [("signal", "loyalty=at_risk=")], [("signal", "loyalty= at_risk")], [("signal", "loyalty=AT_RISK")],
        [("signal", "loyalty=met")], [("signal", "\u{0}")], [("signal", "loyalty=\u{0}")], [("signal", "长=短")],
        [("page", "-1")], [("page", "99999999999999999999")], [("page", "1e3")], [("page", "=")],
        [("from", "=")], [("from", "２０２６-１１-０１")], [("dimension", "=")], [("order", "=")], [("review", "=")],
    ])
    func refusesWhatItDoesNotKnow(_ query: [(String, String)]) {
        #expect(throws: ReviewError.self) { try ReviewFilter(query: query) }
    }

    @Test func emptyAndOddQueriesNeverTrap() throws {
        // Empty values, empty names and repeated keys are "any" or the last one, never an error or a crash.
        #expect(try ReviewFilter(query: [("signal", "")]) == ReviewFilter())
        #expect(try ReviewFilter(query: [("signal", "  ")]) == ReviewFilter())
        #expect(try ReviewFilter(query: [("", ""), ("", "="), ("=", "=")]) == ReviewFilter())
        #expect(try ReviewFilter(query: FormEncoding.decode("signal=%3D&signal=loyalty")).signal == .loyalty)
        #expect(try ReviewFilter(query: FormEncoding.decode("=&&==&signal")) == ReviewFilter())
        // A value without a column is named, not dropped (FilterNoticeTests).
        #expect(throws: ReviewError.invalidFilter("'x' needs a column to match")) { try ReviewFilter(query: [("value", "x")]) }
        let column = try ReviewFilter(query: [("column", "="), ("value", "=")])
        #expect(column.groupColumn == "=" && column.groupValue == "=")
        let odd = FormEncoding.decode("=&==&%&%%%&a==b&%3D=%3D%3D&%E4%")
        #expect(odd.map(\.0) == ["", "", "%", "%%%", "a", "=", "\u{FFFD}%"])
        #expect(odd.map(\.1) == ["", "=", "", "", "=b", "==", ""])
        #expect(throws: ReviewError.self) { try ReviewFilter(query: FormEncoding.decode("signal=%3D")) }
        #expect(throws: ReviewError.self) { try ReviewFilter(query: FormEncoding.decode("signal=%3D%3D")) }
    }

    @Test func formEncodingRoundTripsChineseSpacesAndReservedCharacters() {
        let text = "服务 员&态度=差+?#/%"
        #expect(FormEncoding.decode("q=" + FormEncoding.encode(text)).first?.1 == text)
        #expect(FormEncoding.decode("a=1+2&b=%E4%BD%A0&c&d=%zz").map(\.1) == ["1 2", "你", "", "%zz"])
        #expect(FormEncoding.encode("<\"'>") == "%3C%22%27%3E")
    }
}
