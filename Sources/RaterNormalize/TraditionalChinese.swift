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

    static func looksTraditional(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x4E00 && markers.contains($0) }
    }
}
