import Testing

@testable import RaterLexicon

/// The rule words that were word lists in the scorer's code, now lexicon kinds an analyst can edit: `exclamative`
/// (negators of experience and the degree words after them, "never so", 从没这么) and `echo` (the links of an echoed
/// concession, 好吃是好吃). A bad line stops loading with the file and line, as in every kind.
@Suite struct ExclamativeKindTests {
    private func parse(_ body: String, path: String = "exclamatives.tsv") throws -> LexiconFile {
        try LexiconFile(path: path, contents: "# kind: exclamative\n# language: en\n# provenance: tests\n" + body)
    }

    @Test func rolesLoad() throws {
        let file = try parse("never\texperiential\nSo\tDegree\n")
        #expect(file.entries.map(\.term) == ["never", "so"])
        #expect(file.entries.map(\.entry.exclamative) == [.experiential, .degree])
        // The role alone is no scoring role: the term's negator or degree role comes from another file.
        #expect(file.entries.allSatisfy { !$0.entry.isScoring })
    }

    @Test func anUnknownRoleNamesTheFileAndLine() throws {
        let error = LexiconError.badValue(path: "exclamatives.tsv", line: 5, column: "role", value: "negator",
                                          allowed: ["experiential", "comparative", "degree"])
        #expect(throws: error) { try parse("never\texperiential\nnot\tnegator\n") }
        #expect(error.description.hasPrefix(
            "exclamatives.tsv:5: the role 'negator' is not one of experiential, comparative, degree"))
    }

    @Test func aMissingRoleNamesTheFileAndLine() throws {
        #expect(throws: LexiconError.wrongColumnCount(path: "exclamatives.tsv", line: 4, expected: 2, found: 1)) {
            try parse("never\n")
        }
        // A TAB an editor turned into spaces is named as such.
        #expect(throws: LexiconError.spacesWithoutTab(path: "exclamatives.tsv", line: 4, expected: 2)) {
            try parse("never   experiential\n")
        }
    }

    @Test func oneTermWithTwoRolesIsAnError() throws {
        #expect(throws: LexiconError.duplicateTerm(path: "exclamatives.tsv", term: "so", firstLine: 4, line: 5)) {
            try parse("so\tdegree\nso\texperiential\n")
        }
    }

    /// The role layers over the negator or degree role another file gives the term, and reaches the scoring matcher
    /// with it; a role with no such word adds no term to match.
    @Test func theRoleLayersOverANegatorOrDegreeWord() throws {
        var lexicon = Lexicon()
        lexicon.add(try LexiconFile(path: "negators.tsv", contents:
            "# kind: negator\n# language: en\n# provenance: tests\nnever\n"))
        lexicon.add(try LexiconFile(path: "degree.tsv", contents:
            "# kind: degree\n# language: en\n# provenance: tests\nso\t1.3\n"))
        lexicon.add(try parse("never\texperiential\nso\tdegree\nthus\tdegree\n"))
        let matcher = lexicon.makeMatcher()
        let never = try #require(matcher.terms.firstIndex(of: "never"))
        let so = try #require(matcher.terms.firstIndex(of: "so"))
        #expect(matcher.entries[never].isNegator && matcher.entries[never].exclamative == .experiential)
        #expect(matcher.entries[so].degree == 1.3 && matcher.entries[so].exclamative == .degree)
        #expect(!matcher.terms.contains("thus"))
    }
}

@Suite struct EchoKindTests {
    private func parse(_ body: String, path: String = "echo-links.tsv") throws -> LexiconFile {
        try LexiconFile(path: path, contents: "# kind: echo\n# language: zh\n# provenance: tests\n" + body)
    }

    private func contains(_ links: EchoLinks, _ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { links.contains($0) }
    }

    private func mayOccur(_ links: EchoLinks, _ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { links.mayOccur(in: $0) }
    }

    @Test func linksLoadAndAreNoTermsToMatch() throws {
        var lexicon = Lexicon()
        lexicon.add(try parse("是\n倒是\n"))
        #expect(lexicon.entries["倒是"]?.isEchoLink == true)
        let matcher = lexicon.makeMatcher()
        #expect(matcher.count == 0)
        #expect(contains(matcher.echoLinks, "倒是") && contains(matcher.echoLinks, "是"))
        #expect(!contains(matcher.echoLinks, "就是") && !contains(matcher.echoLinks, "倒"))
    }

    @Test func aLineWithoutATermNamesTheFileAndLine() throws {
        #expect(throws: LexiconError.wrongColumnCount(path: "echo-links.tsv", line: 5, expected: 1, found: 2)) {
            try parse("是\n\ta note without a term\n")
        }
    }

    @Test func spacesAroundTheLinkAreTrimmed() throws {
        let links = EchoLinks(terms: ["是", "倒是"])
        #expect(contains(links, " 倒是 ") && contains(links, "\u{3000}是") && contains(links, "是\u{00A0}"))
        #expect(!contains(links, "倒 是x") && !contains(links, "") && !contains(links, "  "))
    }

    /// A comment without the character every link holds is passed over; links that share none leave every comment
    /// to be looked at, and no links none.
    @Test func theSharedCharacterDecidesWhichCommentsAreLookedAt() throws {
        let shipped = EchoLinks(terms: ["是", "倒是", "也是"])
        #expect(mayOccur(shipped, "好吃是好吃") && mayOccur(shipped, "味道一般就是了"))
        #expect(!mayOccur(shipped, "好吃倒也好吃") && !mayOccur(shipped, "good is good") && !mayOccur(shipped, ""))
        // 昰 shares 是's first two UTF-8 bytes (E6 98 B0 against E6 98 AF).
        #expect(!mayOccur(shipped, "昰昰"))
        let unshared = EchoLinks(terms: ["是", "倒也"])
        #expect(mayOccur(unshared, "好吃倒也好吃") && mayOccur(unshared, "anything"))
        #expect(!mayOccur(EchoLinks(terms: []), "好吃是好吃"))
    }
}
