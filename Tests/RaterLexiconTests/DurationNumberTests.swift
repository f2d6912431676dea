import Testing

@testable import RaterLexicon

/// The number of a stated wait, read where a wait word was found: digits, Chinese numerals and English number
/// words, each with the bytes it took (the unit starts after them).
@Suite struct DurationNumberTests {
    @Test(arguments: [
        ("40分钟", 40.0, "40"), ("1.5小时", 1.5, "1.5"), ("40多分钟", 40, "40多"), ("10-15分钟", 15, "10-15"),
        ("2个半小时", 2.5, "2个半"),
        ("四十分钟", 40, "四十"), ("两个小时", 2, "两"), ("半小时", 0.5, "半"), ("半个小时", 0.5, "半"),
        ("一个半小时", 1.5, "一个半"), ("两个半小时", 2.5, "两个半"), ("十几分钟", 13, "十几"), ("二十五分钟", 25, "二十五"),
        ("一个多月", 1, "一个多"), ("三四天", 4, "三四"), ("一两个小时", 2, "一两"), ("一百二十分钟", 120, "一百二十"),
        ("一百二分钟", 120, "一百二"), ("一千五百米", 1500, "一千五百"), ("一百零二天", 102, "一百零二"), ("一千五", 1500, "一千五"),
        ("好几个小时", 3, "好几"), ("几分钟", 3, "几"), ("十分钟", 10, "十"),
    ])
    func chinese(_ text: String, _ value: Double, _ taken: String) throws {
        let read = try #require(DurationNumber.read(text), "\(text)")
        #expect(read.value == value, "\(text)")
        #expect(read.length == taken.utf8.count, "\(text)")
    }

    @Test(arguments: [
        ("40 minutes", 40.0, "40"), ("1.5 hours", 1.5, "1.5"), ("forty minutes", 40, "forty"),
        ("forty-five minutes", 45, "forty-five"), ("twenty five minutes", 25, "twenty five"),
        ("two and a half hours", 2.5, "two and a half"), ("a couple of hours", 2, "a couple of"),
        ("couple of days", 2, "couple of"), ("a few minutes", 3, "a few"), ("several weeks", 3, "several"),
        ("an hour", 1, "an"), ("half an hour", 0.5, "half an"), ("ten minutes", 10, "ten"),
    ])
    func english(_ text: String, _ value: Double, _ taken: String) throws {
        let read = try #require(DurationNumber.read(text), "\(text)")
        #expect(read.value == value, "\(text)")
        #expect(read.length == taken.utf8.count, "\(text)")
    }

    /// No number where none is written: a word, a unit alone, punctuation.
    @Test(arguments: ["minutes", "long time", "forever", "分钟", "很久", "，", "", "the food"])
    func noNumber(_ text: String) {
        #expect(DurationNumber.read(text) == nil, "\(text)")
    }
}
