import Rater
import Testing

/// Loyalty said with the verb of the trade rather than a set phrase: "again" closing the verb's object ("would stay at
/// this hotel again", "won't be buying anything from this brand again"), custom kept up ("I keep ordering from
/// them"), years of custom ("have stayed here every summer since 2015"), and their Chinese counterparts (第四次住,
/// 一直在他家点, 每年都来). Sentences written for these tests, several trades.
@Suite struct PatronageVerbFamilyTests {
    @Test(arguments: ["I would stay at this hotel again in a heartbeat.",
                      "We will definitely use this courier again for the office move.",
                      "I'll be ordering the family box from them again next week.",
                      "We'd happily fly with this airline again.",
                      "I'm going to bank with them again once the mortgage is up.", "以后来杭州还会再住这家"])
    func verbClosedByAgainIsLoyal(_ text: String) throws {
        let found = try signals(text)
        #expect(found.contains(.loyal), "\(text)")
        #expect(!found.contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["Won't be buying anything from this brand again.",
                      "I wouldn't stay at this hotel again even if it were free.",
                      "I'm never going to that clinic again.",
                      "We will never use this garage again after that invoice.",
                      "I would not eat at that buffet again.", "Would I bank with them again? Not in a million years.",
                      "会再住这家吗？打死也不会"])
    func negatedVerbClosedByAgainIsAtRisk(_ text: String) throws {
        #expect(try signals(text).contains(.atRisk), "\(text)")
    }

    /// A noun, a past narrative, someone else's intent, a condition, a question and a chore redone read no loyalty.
    @Test(arguments: ["My order was late again.", "Our stay was ruined by roadworks again.",
                      "The soup I ordered was cold again.", "My mum says she'll never shop there again.",
                      "If they sort out the parking, I might stay there again.",
                      "Would you stay at this hotel again?", "We had to book the taxi again because they lost it."])
    func verbWithoutAnIntentReadsNoLoyalty(_ text: String) throws {
        let found = try signals(text)
        #expect(!found.contains(.loyal), "\(text)")
        #expect(!found.contains(.atRisk), "\(text)")
    }

    @Test(arguments: ["I keep ordering from them because the drivers are so reliable.",
                      "We'll keep using this garage for both cars.",
                      "We have stayed here every summer since 2015.",
                      "I've been banking with them for twelve years.",
                      "今年第四次住这家了，前台都认识我们", "一直在他家点外卖，骑手特别靠谱", "每年夏天都来这家民宿",
                      "这家店今年来了五次了"])
    func keptCustomIsLoyal(_ text: String) throws {
        #expect(try signals(text).contains(.loyal), "\(text)")
    }

    /// Years in the clause but no business named, a technician's visits, a wait: no custom.
    @Test(arguments: ["I've stayed in many hotels over the years and this was the worst.",
                      "维修师傅来了三次都没修好", "一直在等客服回电话"])
    func notCustomReadsNoLoyalty(_ text: String) throws {
        #expect(try !signals(text).contains(.loyal), "\(text)")
    }
}
