import Foundation

/// All lexicon entries in force for a run, merged from the built-in files and any user files layered over them.
public struct Lexicon: Sendable {
    /// Folded term → merged entry.
    public private(set) var entries: [String: LexiconEntry] = [:]
    /// The files that made this lexicon, in load order, for run manifests and `rater lexicon list`.
    public private(set) var sources: [Source] = []
    /// The table that weighs a stated wait: the last `wait-bound` file's (an industry profile's over the base one).
    public private(set) var waitBounds = WaitBounds()

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
        let index = Int32(sources.count)
        if file.kind == .waitBound {
            waitBounds = WaitBounds(rows: file.waitBounds)
            waitBoundsSource = index
        }
        for (term, var entry) in file.entries {
            entry.weightSources.stamp(entry, file: index)
            entries[term, default: LexiconEntry()].overlay(entry)
        }
        sources.append(Source(path: file.path, kind: file.kind, language: file.language,
                              provenance: file.provenance, entryCount: file.entries.count))
    }

    /// The file the wait-bound table in force came from (the last of kind `wait-bound` added), or −1: what a stated
    /// wait weighs, which `rater explain` names for it.
    public private(set) var waitBoundsSource: Int32 = -1

    /// The folder `load(directory:)` read (symbolic links resolved), so `sourceName` can name a file within it.
    public private(set) var directory: String?

    /// Loads every lexicon file below `directory` (see `files(in:)` for the order).
    public static func load(directory: String) throws -> Lexicon {
        var lexicon = Lexicon()
        lexicon.directory = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        for file in try parse(files(in: directory)) { lexicon.add(file) }
        return lexicon
    }

    /// The file `sources[index]` as an analyst finds it: its path relative to the lexicon folder (`zh/sentiment.tsv`,
    /// `profiles/hotel/dimensions.tsv`), or as given for a file layered from elsewhere (`--lexicon team.tsv`); nil
    /// for −1 (no file, see `WeightSources`).
    public func sourceName(_ index: Int32) -> String? {
        guard index >= 0, Int(index) < sources.count else { return nil }
        let path = sources[Int(index)].path
        guard let directory else { return path }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return resolved.hasPrefix(prefix) ? String(resolved.dropFirst(prefix.count)) : path
    }

    /// Reads and parses `paths` on every core, returned in their order, or throws the error of the first in that
    /// order that failed: what reading them one after another would give.
    ///
    /// Parsing was 40% of a run's start-up, on one thread before any comment is analysed; the files are
    /// independent, and only merging them (`add`) depends on their order. Start-up runs before the workers exist,
    /// so libdispatch has the cores to itself.
    static func parse(_ paths: [String]) throws -> [LexiconFile] {
        let parsed = [Result<LexiconFile, any Error>](unsafeUninitializedCapacity: paths.count) { slots, count in
            let slots = SendableSlots(base: slots.baseAddress)
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                (slots.base! + index).initialize(to: Result { try LexiconFile(path: paths[index]) })
            }
            count = paths.count
        }
        return try parsed.map { try $0.get() }
    }

    /// The `*.tsv` files below `directory` in merge order: files named `learned-*` first, then the rest, each group
    /// sorted by path, so the order is reproducible and hand-written entries win over learned ones.
    ///
    /// Analysts edit these folders by hand, so what an editor leaves beside a file is not a lexicon: hidden files and
    /// folders (Emacs's lock link `.#sentiment.tsv`, which points nowhere, stopped every run), backups (`*~`,
    /// `#*#`) and links that lead nowhere are passed over (`isLexiconFile`). The extension is matched in any case
    /// (`extra.TSV` is read, not silently left out).
    static func files(in directory: String) throws -> [String] {
        // Resolved first: the enumerator does not descend into a root that is a symbolic link (an installed
        // `share/rater/Lexicons` linked to a checkout's), and found no files there.
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw LexiconError.unreadable(path: directory, reason: "not a readable directory")
        }
        var paths = [String]()
        for case let url as URL in enumerator {
            // Industry profiles load only when chosen (`--profile`), never with the base lexicons.
            if url.lastPathComponent == "profiles" {
                enumerator.skipDescendants()
                continue
            }
            let name = url.lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            if isLexiconFile(name: name, path: url.path) { paths.append(url.path) }
        }
        guard !paths.isEmpty else { throw LexiconError.noLexicons(directory: directory) }
        func isLearned(_ path: String) -> Bool { LexiconFile.isLearned(path: path) }
        return paths.sorted { (isLearned($0) ? 0 : 1, $0) < (isLearned($1) ? 0 : 1, $1) }
    }

    /// Layers user lexicon files (or directories of them) over this lexicon, in the order given.
    public mutating func layer(paths: [String]) throws {
        for path in paths {
            var isDirectory: ObjCBool = false
            let isFolder = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && isDirectory.boolValue
            for file in try Self.parse(isFolder ? Self.files(in: path) : [path]) { add(file) }
        }
    }

    /// Cue phrases inherit the valence of the sentiment word inside them.
    ///
    /// Matching is longest-first, so a dimension cue written as a phrase ("service was slow", "waited for ages") would otherwise hide the sentiment word it contains and the
    /// comment would score neutral. A cue phrase with no valence of its own takes the valence of its strongest inner
    /// sentiment part, counting only clear parts (|valence| ≥ 1) that are not function words. Phrases with a rule
    /// word inside (a negator, degree, contrast or irrealis word: "not clean", "very slow") are left alone: the
    /// rules could not see that word inside the phrase, so no single inner valence says what the phrase means.
    ///
    /// Chinese rule words are often one character (不, 没, 很), which the inner parts leave out: 不及时 took 及时's
    /// +2.5 and read 送货不及时 as praise, with the negator inside the term where no rule saw it. Such a character
    /// stops the inheritance unless the inherited part holds it (技术不行 takes 不行's −2, whose 不 is already
    /// counted; 认真听 takes 认真), or it is a degree word, which only scales what it stands before.
    static func withInheritedValence(_ entries: [String: LexiconEntry]) -> [String: LexiconEntry] {
        var result = entries
        for (term, entry) in entries where entry.valence == nil && !entry.cues.isEmpty && !entry.isNegator
            && entry.degree == nil && entry.contrast == nil && entry.irrealis == nil
        {
            var strongest: (valence: Double, range: Range<Int>?, isLearned: Bool, source: Int32)?
            func isRuleWord(_ entry: LexiconEntry) -> Bool {
                entry.isNegator || entry.degree != nil || entry.contrast != nil || entry.irrealis != nil
            }
            var hasRuleWord = false
            for part in innerPartsWithPlaces(of: term) {
                guard let inner = entries[part.text] else { continue }
                if isRuleWord(inner) {
                    hasRuleWord = true
                    break
                }
                guard let valence = inner.valence, abs(valence) >= 1, !inner.isFunctionWord else { continue }
                if abs(valence) > abs(strongest?.valence ?? 0) {
                    strongest = (valence, part.place, inner.isLearnedValence, inner.weightSources.valence)
                }
            }
            guard !hasRuleWord, let strongest else { continue }
            if !term.utf8.allSatisfy({ $0 < 0x80 }) {
                let characters = Array(term)
                let outside = characters.indices.contains { index in
                    guard strongest.range?.contains(index) != true,
                          let single = entries[String(characters[index])], isRuleWord(single) else { return false }
                    return single.degree == nil || single.isNegator || single.contrast != nil || single.irrealis != nil
                }
                if outside { continue }
            }
            result[term]!.valence = strongest.valence
            result[term]!.isLearnedValence = strongest.isLearned
            result[term]!.weightSources.valence = strongest.source
        }
        return result
    }

    /// `innerParts(of:)` with each Chinese part's place in the term's characters (nil for alphabetic terms, whose
    /// rule words are words and found as parts).
    static func innerPartsWithPlaces(of term: String) -> [(text: String, place: Range<Int>?)] {
        if term.utf8.allSatisfy({ $0 < 0x80 }) { return innerParts(of: term).map { ($0, nil) } }
        let characters = Array(term)
        guard characters.count > 2, characters.count <= 16 else { return [] }
        var parts = [(text: String, place: Range<Int>?)]()
        for start in 0..<(characters.count - 1) {
            for end in (start + 2)...characters.count where end - start < characters.count {
                parts.append((String(characters[start..<end]), start..<end))
            }
        }
        return parts
    }

    /// The proper sub-phrases of a term that could be cues: whole-word runs for alphabetic terms, runs of two or more
    /// characters for Chinese. Terms of more than sixteen words or characters have none: the parts grow with the
    /// square of the length, and a paragraph pasted into a lexicon by mistake (2,000 words) would take gigabytes.
    static func innerParts(of term: String) -> [String] {
        if term.utf8.allSatisfy({ $0 < 0x80 }) {
            let words = term.split(separator: " ")
            guard words.count > 1, words.count <= 16 else { return [] }
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

    /// Builds the matcher the scoring stage uses: terms with a sentiment role, plus dimension and aspect cue words.
    ///
    /// The cue words carry no sentiment, but as known words they keep a one-character sentiment term from firing
    /// inside them (办 and 理 inside 办理, 场 inside 到场), which the scorer's longest-match cover relies on.
    /// Signal cues are left out: they are phrases (不会再来, "not what i expected") that would swallow the negators
    /// and sentiment words inside them. Cues themselves are found in the layers of `makeCueTerms`, so a sentiment phrase never
    /// hides a cue.
    /// Pure function words are left out too: matching them would only cost time, and a matched word cannot start a
    /// longer term inside it. Compounds are kept for that very reason (手续费 keeps 续费 out, see
    /// `LexiconEntry.isCompound`). Cue phrases take the valence of the sentiment word inside them (`withInheritedValence`).
    /// The links of an echoed concession (kind `echo`) go with the matcher but are no terms (`EchoLinks`), and so do
    /// the words of a stated wait (kind `duration`, `Durations`).
    public func makeMatcher() -> TermMatcher {
        TermMatcher(entries: Self.withInheritedValence(entries).filter { term, entry in
            !entry.isOnlyFunctionWord
                && (entry.isScoring || entry.isCompound
                    || ((!entry.cues.isEmpty || !entry.aspects.isEmpty) && !hasModifierEdge(term)))
        }, echoLinks: EchoLinks(terms: entries.filter { $0.value.isEchoLink }.keys),
           durations: Durations(entries: entries, bounds: waitBounds), amounts: Amounts(entries: entries))
    }

    /// Whether a term begins or ends with a negator or degree word (太贵, 不划算, "not clean"): as a scoring
    /// blocker it would hide that modifier from the negation and degree rules, so such cues are left to the cue
    /// layers alone.
    func hasModifierEdge(_ term: String) -> Bool {
        func isModifier(_ part: Substring) -> Bool {
            guard let entry = entries[String(part)] else { return false }
            return entry.isNegator || entry.degree != nil
        }
        if term.utf8.allSatisfy({ $0 < 0x80 }) {
            let words = term.split(separator: " ")
            guard words.count > 1 else { return false }
            return isModifier(words.first!) || isModifier(words.last!)
        }
        let characters = Array(term)
        guard characters.count > 1 else { return false }
        for length in 1..<characters.count {
            if isModifier(Substring(String(characters.prefix(length))))
                || isModifier(Substring(String(characters.suffix(length)))) {
                return true
            }
        }
        return false
    }

    /// The cue terms the dimension stage uses, with one layer per role (dimension, aspect, signal), each holding
    /// only that role.
    ///
    /// Matching is longest-first, so in one shared layer the dimension cue "exactly as described" would hide
    /// the signal cue "as described" inside it. Each role is matched on its own layer instead.
    public func makeCueTerms() -> CueTerms {
        func layer(_ keep: (inout LexiconEntry) -> Void) -> [String: LexiconEntry] {
            var layerEntries = [String: LexiconEntry]()
            for (term, entry) in entries where entry.isCue {
                var roleOnly = LexiconEntry()
                roleOnly.cues = entry.cues
                roleOnly.aspects = entry.aspects
                roleOnly.signals = entry.signals
                keep(&roleOnly)
                if roleOnly.isCue { layerEntries[term] = roleOnly }
            }
            // A compound the layer does not hold as a cue is a blocker there: matched whole, so no cue starts inside
            // it, and then dropped (`CueTerms.Layer.isBlocker`).
            for (term, entry) in entries where entry.isCompound && layerEntries[term] == nil {
                var blocker = LexiconEntry()
                blocker.isCompound = true
                layerEntries[term] = blocker
            }
            return layerEntries
        }
        var signals = layer { $0.cues = []; $0.aspects = [] }
        Self.addInflectedForms(to: &signals, from: entries)
        return CueTerms(layers: [
            layer { $0.aspects = []; $0.signals = [] },
            layer { $0.cues = []; $0.signals = [] },
            signals,
        ])
    }

    /// Adds to a signal layer each alphabetic loyalty cue phrase with one of its verbs in another form (kind
    /// `inflection`):
    /// "order from them again" is matched in "never ordering from them again" and "ordered from them again", "book
    /// here again" in "booked here again", with the phrase's reading and context conditions. A form that has a line
    /// of its own keeps it ("coming back", "never coming back"), and where two phrases give the same form the first
    /// in term order does, so the layer is the same on every run. Only phrases of two words or more: a single word
    /// listed as a cue ("recommend", "renewed") is a choice of form already, made with conditions of its own. Only
    /// loyalty: a recovery outcome's form says when ("the refund is coming through" is not yet done). An inflection
    /// line's condition (`LexiconEntry.inflectionContext`) holds for its forms on top of the phrase's own.
    ///
    /// A rule rather than lines: the signal files had grown a line per form (ordering here again, buying here again,
    /// staying again), and the forms not listed ("Never ordering from them again.") read nothing.
    static func addInflectedForms(to layer: inout [String: LexiconEntry], from entries: [String: LexiconEntry]) {
        var forms = [String: (forms: [String], context: CueContext?)]()
        for (term, entry) in entries where !entry.inflections.isEmpty {
            forms[term] = (entry.inflections, entry.inflectionContext)
        }
        guard !forms.isEmpty else { return }
        var added = [String: LexiconEntry]()
        for term in layer.keys.sorted() where term.utf8.allSatisfy({ $0 < 0x80 }) {
            // Only phrases read loyal: an at-risk phrase is an intent or a warning ("stay away", "used to come here",
            // "go elsewhere") whose other forms narrate ("we loved staying away from the noisy centre", "I got used
            // to coming here"); the lapsed custom in "never ordering from them again" is a loyal phrase negated.
            let loyalty = layer[term]!.signals.filter { $0.kind == .loyalty && $0.value == .loyal }
            let words = term.split(separator: " ").map(String.init)
            guard !loyalty.isEmpty, words.count >= 2 else { continue }
            // After "to" a verb is an infinitive, and its other forms say something else ("used to coming").
            for (index, word) in words.enumerated() where index == 0 || words[index - 1] != "to" {
                guard let inflection = forms[word] else { continue }
                for form in inflection.forms {
                    var variant = words
                    variant[index] = form
                    let key = variant.joined(separator: " ")
                    guard layer[key] == nil, added[key] == nil else { continue }
                    var entry = LexiconEntry()
                    entry.signals = loyalty.map { cue in
                        guard let extra = inflection.context else { return cue }
                        var guarded = cue
                        guarded.context = CueContext(conditions: (cue.context?.conditions ?? []) + extra.conditions)
                        return guarded
                    }
                    added[key] = entry
                }
            }
        }
        layer.merge(added) { own, _ in own }
    }
}

/// The slots `Lexicon.parse` fills, one per file: each iteration writes its own slot only, and the buffer is read
/// once `concurrentPerform` has returned.
private struct SendableSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result<LexiconFile, any Error>>?
}
