import Testing

@testable import RaterSegment

/// Capitals beyond ASCII are lower-cased in the folded text, at the same byte offsets.
@Suite struct CaseFoldingTests {
    private func folded(_ text: String) throws -> String {
        String(decoding: try Segmenter().segment(text).folded, as: UTF8.self)
    }

    @Test func nonASCIICapitalsAreLowerCased() throws {
        #expect(try folded("The DÉCOR was lovely") == "the décor was lovely")
        #expect(try folded("CLICHÉD") == "clichéd")
        #expect(try folded("ÄÖÜ ΩΣ ДОМ ỨNG") == "äöü ωσ дом ứng")
        #expect(try folded("服务很好 É") == "服务很好 é")
    }

    /// A capital whose lower case is longer or shorter in UTF-8 stays, so offsets still match the original.
    @Test func capitalsOfAnotherLengthStayAndOffsetsHold() throws {
        for text in ["İstanbul", "\u{212A}elvin", "ẞ", "DÉCOR İ ȺB"] {
            let segmented = try Segmenter().segment(text)
            #expect(segmented.folded.count == segmented.original.count)
            #expect(String(validating: segmented.folded, as: UTF8.self) != nil)
        }
    }

    /// Every scalar the table maps is a same-length simple lower-case mapping.
    @Test func theTableMapsOnlyToSameLengthLowerCase() {
        var mapped = 0
        for (offset, lower) in CaseFolding.lowerCase.enumerated() where lower != 0 {
            let scalar = Unicode.Scalar(UInt32(offset) + CaseFolding.covered.lowerBound)!
            let lowered = Unicode.Scalar(UInt32(lower))!
            #expect(String(scalar).lowercased() == String(lowered) || scalar.properties.lowercaseMapping == String(lowered))
            #expect(UTF8.width(scalar) == UTF8.width(lowered))
            mapped += 1
        }
        #expect(mapped > 500)
    }
}
