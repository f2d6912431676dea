import Foundation

/// All lexicon entries in force for a run, merged from the built-in files and any user files layered over them.
public struct Lexicon: Sendable {
    /// Folded term → merged entry.
    public private(set) var entries: [String: LexiconEntry] = [:]
    /// The files that made this lexicon, in load order, for run manifests and `rater lexicon list`.
    public private(set) var sources: [Source] = []

    public struct Source: Sendable, Equatable {
        public var path: String
        public var kind: LexiconKind
        public var language: String
        public var provenance: String
        public var entryCount: Int
    }

    public init() {}

    /// Adds a file's entries; a term already present keeps its other roles and takes this file's role.
    public mutating func add(_ file: LexiconFile) {
        for (term, entry) in file.entries {
            entries[term, default: LexiconEntry()].overlay(entry)
        }
        sources.append(Source(path: file.path, kind: file.kind, language: file.language,
                              provenance: file.provenance, entryCount: file.entries.count))
    }

    /// Loads every lexicon file below `directory` (see `files(in:)` for the order).
    public static func load(directory: String) throws -> Lexicon {
        var lexicon = Lexicon()
        for path in try files(in: directory) { lexicon.add(try LexiconFile(path: path)) }
        return lexicon
    }

    /// The `*.tsv` files below `directory` in merge order: files named `learned-*` first, then the rest, each group
    /// sorted by path, so the order is reproducible and hand-written entries win over learned ones.
    static func files(in directory: String) throws -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw LexiconError.unreadable(path: directory, reason: "not a readable directory")
        }
        var paths = [String]()
        for case let url as URL in enumerator where url.pathExtension == "tsv" {
            paths.append(url.path)
        }
        guard !paths.isEmpty else { throw LexiconError.noLexicons(directory: directory) }
        func isLearned(_ path: String) -> Bool { URL(fileURLWithPath: path).lastPathComponent.hasPrefix("learned") }
        return paths.sorted { (isLearned($0) ? 0 : 1, $0) < (isLearned($1) ? 0 : 1, $1) }
    }

    /// Layers user lexicon files (or directories of them) over this lexicon, in the order given.
    public mutating func layer(paths: [String]) throws {
        for path in paths {
            var isDirectory: ObjCBool = false
            let isFolder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && isDirectory.boolValue
            for file in isFolder ? try Self.files(in: path) : [path] { add(try LexiconFile(path: file)) }
        }
    }

    /// Builds the matcher the scoring and dimension stages use. Pure function words are left out: matching them
    /// would only cost time, and a matched word cannot start a longer term inside it.
    public func makeMatcher() -> TermMatcher {
        TermMatcher(entries: Self.withInheritedValence(entriesWithInheritedCues()).filter { !$0.value.isOnlyFunctionWord })
    }

    /// Cue phrases inherit the valence of the sentiment word inside them.
    ///
    /// The mirror image of `entriesWithInheritedCues`: matching is longest-first, so a dimension cue written as a
    /// phrase ("service was slow", "waited for ages") would otherwise hide the sentiment word it contains and the
    /// comment would score neutral. A cue phrase with no valence of its own takes the valence of its strongest inner
    /// sentiment part, counting only clear parts (|valence| ≥ 1) that are not function words. Phrases with a rule
    /// word inside (a negator, degree, contrast or irrealis word: "not clean", "very slow") are left alone: the
    /// rules could not see that word inside the phrase, so no single inner valence says what the phrase means.
    static func withInheritedValence(_ entries: [String: LexiconEntry]) -> [String: LexiconEntry] {
        var result = entries
        for (term, entry) in entries where entry.valence == nil && !entry.cues.isEmpty && !entry.isNegator
            && entry.degree == nil && entry.contrast == nil && entry.irrealis == nil
        {
            var strongest: Double?
            var hasRuleWord = false
            for part in innerParts(of: term) {
                guard let inner = entries[part] else { continue }
                if inner.isNegator || inner.degree != nil || inner.contrast != nil || inner.irrealis != nil {
                    hasRuleWord = true
                    break
                }
                guard let valence = inner.valence, abs(valence) >= 1, !inner.isFunctionWord else { continue }
                if abs(valence) > abs(strongest ?? 0) { strongest = valence }
            }
            if !hasRuleWord, let strongest { result[term]!.valence = strongest }
        }
        return result
    }

    /// Phrase entries inherit the dimension cues of the cue terms inside them.
    ///
    /// Matching is longest-first, so "环境不错" or "rude staff" match as one sentiment phrase and the cue inside
    /// (环境, staff) would otherwise never be seen. A phrase takes the strongest weight per dimension from its
    /// contained cues of two or more characters (single Han characters such as 快 are too ambiguous inside words:
    /// 快乐 is not about speed). Lexicon files can still give a phrase cues of its own, which then stand alone.
    func entriesWithInheritedCues() -> [String: LexiconEntry] {
        let cueTerms = entries.filter { !$0.value.cues.isEmpty }
        guard !cueTerms.isEmpty else { return entries }
        var result = entries
        for (term, entry) in entries where entry.cues.isEmpty && entry.valence != nil {
            var inherited = [ServiceDimension: Double]()
            for part in Self.innerParts(of: term) {
                guard let cues = cueTerms[part]?.cues else { continue }
                for cue in cues { inherited[cue.dimension] = max(inherited[cue.dimension] ?? 0, cue.weight) }
            }
            if !inherited.isEmpty {
                result[term]!.cues = inherited.sorted { $0.key < $1.key }.map { DimensionCue($0.key, weight: $0.value) }
            }
        }
        return result
    }

    /// The proper sub-phrases of a term that could be cues: whole-word runs for alphabetic terms, runs of two or more
    /// characters for Chinese.
    static func innerParts(of term: String) -> [String] {
        if term.utf8.allSatisfy({ $0 < 0x80 }) {
            let words = term.split(separator: " ")
            guard words.count > 1 else { return [] }
            var parts = [String]()
            for start in 0..<words.count {
                for end in (start + 1)...words.count where end - start < words.count {
                    parts.append(words[start..<end].joined(separator: " "))
                }
            }
            return parts
        }
        let characters = Array(term)
        guard characters.count > 2, characters.count <= 16 else { return [] }
        var parts = [String]()
        for start in 0..<(characters.count - 1) {
            for end in (start + 2)...characters.count where end - start < characters.count {
                parts.append(String(characters[start..<end]))
            }
        }
        return parts
    }
}
