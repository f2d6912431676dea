import Testing

@testable import RaterSegment

/// A web address is one token: none of its marks ends a clause and none of its pieces is a word of the comment.
@Suite struct WebAddressTests {
    private func addresses(_ text: String) throws -> [String] {
        let segmented = try Segmenter().segment(text)
        return segmented.tokens.filter { $0.kind == .address }.map { segmented.text(of: $0) }
    }

    private func clauseTexts(_ text: String) throws -> [String] {
        let segmented = try Segmenter().segment(text)
        return segmented.clauses.map { segmented.text(of: $0) }
    }

    @Test func anAddressIsOneTokenAndEndsNoClause() throws {
        let text = "Booked through https://www.example.com/deals?id=4#top and check-in was smooth"
        #expect(try addresses(text) == ["https://www.example.com/deals?id=4#top"])
        #expect(try clauseTexts(text) == [text])
        #expect(try addresses("Rebooked at 10:30, see www.Example.com/faq") == ["www.Example.com/faq"])
        #expect(try addresses("ftp://files.example.org and svn+ssh://host/repo") ==
                ["ftp://files.example.org", "svn+ssh://host/repo"])
    }

    @Test func theSentenceAroundAnAddressKeepsItsMarks() throws {
        // Closing marks belong to the sentence; a bracket the address opened stays in it.
        #expect(try addresses("Read https://example.com/faq. It helped!") == ["https://example.com/faq"])
        #expect(try clauseTexts("Read https://example.com/faq. It helped!") == ["Read https://example.com/faq", "It helped"])
        #expect(try addresses("(see https://example.com/a_(b))") == ["https://example.com/a_(b)"])
        #expect(try addresses("\"https://example.com/x\", he said") == ["https://example.com/x"])
    }

    @Test func anAddressEndsAtAnotherScriptOrASpace() throws {
        let text = "在https://m.example.cn/order下单的，送货很快"
        #expect(try addresses(text) == ["https://m.example.cn/order"])
        #expect(try clauseTexts(text) == ["在https://m.example.cn/order下单的", "送货很快"])
        let segmented = try Segmenter().segment(text)
        // The Chinese either side is still Chinese words.
        #expect(segmented.tokens.first?.kind == .ideographic)
        #expect(segmented.tokens.contains { $0.kind == .ideographic && segmented.text(of: $0).hasPrefix("下") })
    }

    @Test func whatIsNotAnAddressIsLeftAlone() throws {
        for text in ["It is 10:30 now :/", "awww.. so sweet", "nowww.I see", "http:// is a prefix", "a://",
                     "://example.com", "Mail jane.doe@example.com"] {
            #expect(try addresses(text).isEmpty, "\(text)")
        }
        // The text around a non-address is segmented as before.
        #expect(try Segmenter().segment("It is 10:30 now :/").tokens.contains { $0.kind == .punctuation })
    }

    @Test func tokensAreContiguousAndCoverTheText() throws {
        for text in ["x https://a.b/c?d=e&f=g, y", "www.a.com", "https://a.b", "前https://a.b/c后。好",
                     "ok.https://a.b/c.Then", "see(https://a.b/c)."] {
            let segmented = try Segmenter().segment(text)
            var offset: Int32 = 0
            for token in segmented.tokens {
                #expect(token.start == offset && token.end > token.start, "\(text)")
                offset = token.end
            }
            #expect(Int(offset) == text.utf8.count, "\(text)")
        }
    }
}
