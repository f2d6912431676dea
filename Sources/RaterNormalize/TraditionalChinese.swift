import RaterCore

/// Decides whether a comment is in Traditional Chinese, so that only such comments are converted to Simplified.
///
/// The decision comes from the conversion table itself (`SimplifiedChineseTable`): a comment is Traditional when it
/// holds a character the table changes. A hand-picked list of "frequent Traditional characters" missed most of them
/// (ICU changes 2,841 characters of U+4E00…U+9FFF; 很貼心，非常推薦 and 很舒適 held none of the list's 185 and were
/// scored unconverted, as neutral).
///
/// A few characters the table changes are also standard Simplified characters (著 in 著名, 乾 in 乾坤, 藉 in 狼藉);
/// on their own they do not make a comment Traditional, so a Simplified comment keeps them. A comment that is
/// Traditional for other characters is converted whole, these included, as ICU's table says.
enum TraditionalChinese {
    /// Characters the table changes that Simplified text uses as they are (通用规范汉字表): not evidence of Traditional.
    /// (俱 is in 俱乐部 and 面面俱到, which ICU would make 具乐部 and 面面具到.)
    static let sharedWithSimplified: Set<Unicode.Scalar> = Set("著俱乾瞭藉徵夥餘吒姊囍".unicodeScalars)

    /// The range the bitmaps cover: CJK Extension A to the compatibility ideographs, all three-byte UTF-8, where every
    /// character the table changes lives (`SimplifiedChineseTable.ranges`).
    static let covered: Range<UInt32> = 0x3400..<0xFB00

    /// Used only when ICU cannot build the table: frequent Traditional-only characters, so that a Traditional comment
    /// still reaches `SimplifiedChineseTable.simplify`, which then stops the run (`TraditionalChineseUnavailable`)
    /// rather than letting it be scored unconverted.
    static let fallbackMarkers: Set<Unicode.Scalar> = Set(
        ("們這個說對會來時麼國過還發點實體開關為無與壞樂買賣從東車長門問間題頭見聽讓認識談謝請機構員號電話網線"
            + "資費務態處應該覺得愛歡幾兩萬錢貴價張滿當總經際環設備衛廳紅綠藍飯館餐飲鮮雞魚麵湯蝦飽廁燈窗戶壓聲響"
            + "義導師醫藥療護寫讀學習書報紙誤錯漏遲達運輸遞貨質屬樣獎勵嗎歲層熱溫暖專業禮貌帶難準確認證據歷議辦廣場"
            + "術產勞動歸還嚴慢訂單調換險優惠稱讚頓將鐘錶帳戶銀櫃檯髒亂舊鬧靜隊輪騙虧虛偽尋找聯絡熱誠淨臺灣飛變記")
            .unicodeScalars)

    /// One bit per scalar of `covered`: set for the characters that make a comment Traditional. Built when the first
    /// Chinese comment comes, from the table (which that builds, once per process).
    static let traditionalBits: [UInt64] = {
        let characters: [Unicode.Scalar]
        switch SimplifiedChineseTable.table {
        case .success(let mapping): characters = mapping.keys.filter { !sharedWithSimplified.contains($0) }
        case .failure: characters = Array(fallbackMarkers)
        }
        var bits = [UInt64](repeating: 0, count: (covered.count + 63) / 64)
        for character in characters where covered.contains(character.value) {
            let index = Int(character.value - covered.lowerBound)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        return bits
    }()

    static func looksTraditional(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            traditionalBits.withUnsafeBufferPointer { bits in
                var index = 0
                let count = bytes.count
                while index < count {
                    let lead = bytes[index]
                    // U+3400…U+FAFF are three-byte sequences with lead bytes E3…EF; others are stepped over whole.
                    guard lead >= 0xE3 && lead <= 0xEF && index + 2 < count else {
                        index += lead >= 0xC0 ? UTF8Scalar.length(leadByte: lead) : 1
                        continue
                    }
                    let value = UTF8Scalar.threeByteValue(bytes, at: index)
                    if value >= 0x3400 && value < 0xFB00 {
                        let bit = Int(value - 0x3400)
                        if bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 { return true }
                    }
                    index += 3
                }
                return false
            }
        }
    }
}
