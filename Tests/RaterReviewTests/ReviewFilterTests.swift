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
    ])
    func refusesWhatItDoesNotKnow(_ query: [(String, String)]) {
        #expect(throws: ReviewError.self) { try ReviewFilter(query: query) }
    }

    @Test func formEncodingRoundTripsChineseSpacesAndReservedCharacters() {
        let text = "服务 员&态度=差+?#/%"
        #expect(FormEncoding.decode("q=" + FormEncoding.encode(text)).first?.1 == text)
        #expect(FormEncoding.decode("a=1+2&b=%E4%BD%A0&c&d=%zz").map(\.1) == ["1 2", "你", "", "%zz"])
        #expect(FormEncoding.encode("<\"'>") == "%3C%22%27%3E")
    }
}
