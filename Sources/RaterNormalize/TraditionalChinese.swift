import RaterCore

/// Recognises Traditional Chinese cheaply, so the (slow) ICU transliterator runs only on comments that need it.
///
/// The set holds frequent characters that exist only in Traditional script. A comment with none of them either is
/// Simplified or uses only characters both scripts share, and transliteration would change nothing.
enum TraditionalChinese {
    static let markers: Set<Unicode.Scalar> = Set(
        ("們這個說對會來時麼國過還發點實體開關為無與壞樂買賣從東車長門問間題頭見聽讓認識談謝請機構員號電話網線"
            + "資費務態處應該覺得愛歡幾兩萬錢貴價張滿當總經際環設備衛廳紅綠藍飯館餐飲鮮雞魚麵湯蝦飽廁燈窗戶壓聲響"
            + "義導師醫藥療護寫讀學習書報紙誤錯漏遲達運輸遞貨質屬樣獎勵嗎歲層熱溫暖專業禮貌帶難準確認證據歷議辦廣場"
            + "術產勞動歸還嚴慢訂單調換險優惠稱讚頓將鐘錶帳戶銀櫃檯髒亂舊鬧靜隊輪騙虧虛偽尋找聯絡熱誠淨臺灣飛變記")
            .unicodeScalars)

    /// The markers as a bitmap over U+4E00…U+9FFF (where all of them are), so the check is a byte scan.
    static let markerBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0xA000 - 0x4E00) / 64)
        for marker in markers where (0x4E00..<0xA000).contains(marker.value) {
            let index = Int(marker.value - 0x4E00)
            bits[index >> 6] |= 1 << UInt64(index & 63)
        }
        return bits
    }()

    static func looksTraditional(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            markerBits.withUnsafeBufferPointer { bits in
                var index = 0
                let count = bytes.count
                while index < count {
                    let lead = bytes[index]
                    // U+4E00…U+9FFF are the three-byte sequences with lead bytes E4…E9.
                    if lead >= 0xE4 && lead <= 0xE9 && index + 2 < count {
                        let value = UTF8Scalar.threeByteValue(bytes, at: index)
                        if value >= 0x4E00 {
                            let bit = Int(value - 0x4E00)
                            if bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 { return true }
                        }
                        index += 3
                    } else {
                        index += 1
                    }
                }
                return false
            }
        }
    }
}
