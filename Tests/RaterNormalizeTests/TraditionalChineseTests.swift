import RaterCore
import Testing

@testable import RaterNormalize

/// Which comments are converted to Simplified: those holding a character ICU's table changes.
@Suite struct TraditionalChineseTests {
    private func normalize(_ text: String) throws -> NormalizedComment {
        try Normalizer().normalize(SourceRecord(source: "t", recordNumber: 1, text: text))
    }

    /// Comments with none of the old list's "frequent Traditional characters" were left Traditional.
    @Test func traditionalCommentsWithoutFrequentMarkersAreConverted() throws {
        #expect(try normalize("很貼心，非常推薦").text == "很贴心,非常推荐")
        #expect(try normalize("很舒適").text == "很舒适")
        #expect(try normalize("很親切").text == "很亲切")
        #expect(try normalize("很親切").wasTransliterated)
    }

    /// Every character the table changes makes a comment Traditional, but for those Simplified text uses too.
    @Test func everyCharacterTheTableChangesIsTraditional() throws {
        let mapping = try SimplifiedChineseTable.table.get()
        #expect(mapping.count > 2_800)
        for (character, _) in mapping where !TraditionalChinese.sharedWithSimplified.contains(character) {
            #expect(TraditionalChinese.looksTraditional("好" + String(character) + "了"), "\(character)")
        }
        for character in TraditionalChinese.sharedWithSimplified {
            #expect(mapping[character] != nil, "\(character) is not changed by the table: not needed in the list")
        }
    }

    /// Simplified comments come out as they went in, those with characters both scripts use included.
    @Test func simplifiedCommentsAreUnchanged() throws {
        for text in ["这本书很著名,物流也快", "服务态度很好,这个价钱还可以", "房间干净整洁,环境不错", "杯盘狼藉,慰藉",
                     "质量很差,不会再买了", "哪吒很好看", "姊妹俩都喜欢",
                     "服务面面俱到,俱乐部的会员"] {
            let comment = try normalize(text)
            #expect(comment.text == text)
            #expect(!comment.wasTransliterated)
        }
    }

    /// A Traditional comment is converted whole, as ICU's table says, the shared characters included.
    @Test func sharedCharactersAreConvertedInTraditionalComments() throws {
        #expect(try normalize("這家店很著名").text == "这家店很着名")
    }
}
