import RaterLexicon
import RaterScore

/// Names the lexicon file each scored term's base weight came from, for `rater explain`, the results
/// (`TermExplanation.source`) and the review workspace.
///
/// Every file's name is resolved once, when the engine is made: resolving it per term (`Lexicon.sourceName` resolves
/// symbolic links) cost a path lookup and a new string for every term of every comment, and a result's terms now
/// share the one string of their file.
public struct TermSources: Sendable {
    /// `Lexicon.sourceName` of every file, indexed like `Lexicon.sources`.
    public let names: [String?]
    /// The file of the wait-bound table in force (`Lexicon.waitBoundsSource`), or −1.
    let waitBounds: Int32
    /// Per matcher entry, its weights' files and whether it is a scale word: copied out of the entries once, since
    /// reading them from an entry (a struct of strings and arrays) in the per-term path copied the entry, 2,300
    /// instructions a comment on the English export.
    private let entrySources: [WeightSources]
    private let entryIsScale: [Bool]

    /// `entries`: the scoring matcher's (`TermMatch.entry` indexes them); empty, every term's file is unknown.
    public init(_ lexicon: Lexicon, entries: [LexiconEntry] = []) {
        names = lexicon.sources.indices.map { lexicon.sourceName(Int32($0)) }
        waitBounds = lexicon.waitBoundsSource
        entrySources = entries.map(\.weightSources)
        entryIsScale = entries.map { $0.scale != nil }
    }

    /// The file's name for an index of `WeightSources`, nil for −1 (no file).
    public func name(_ index: Int32) -> String? {
        index >= 0 && Int(index) < names.count ? names[Int(index)] : nil
    }

    /// The file that gave `contribution` its base weight, or −1. The role that gave the base decides the file: a
    /// scale word measuring a price, a quantity or a wait weighs its scale, a wait stated with its length the wait-bound table,
    /// a negated act its act valence, a remedy on a charge its remedy valence, any other term its valence.
    public func index(of contribution: Contribution, matches: [TermMatch]) -> Int32 {
        index(ofMatch: contribution.match, rules: contribution.rules, matches: matches)
    }

    /// `index(of:matches:)` from the two fields it reads, so that a caller reading a result's contributions in place
    /// need not copy each one whole (its term and rule list retained and released) to ask.
    func index(ofMatch match: Int, rules: [AppliedRule], matches: [TermMatch]) -> Int32 {
        guard match >= 0, match < matches.count else { return -1 }
        let entryIndex = Int(matches[match].entry)
        guard entryIndex >= 0, entryIndex < entrySources.count else { return -1 }
        // One pass over the rules (a term has a few at most), in the order of precedence below.
        var measuresAWait = false, measuresAPrice = false, isRemedy = false, isNegatedAct = false
        for rule in rules {
            switch rule {
            case .waitScale: measuresAWait = true
            case .priceScale, .quantityScale, .absentStaff: measuresAPrice = true
            case .remedy: isRemedy = true
            case .negatedAct: isNegatedAct = true
            default: break
            }
        }
        if measuresAWait && !entryIsScale[entryIndex] {
            // 等了40分钟才, "waited 35 minutes": the wait noun itself, weighed by its stated length.
            return waitBounds
        }
        let sources = entrySources[entryIndex]
        if measuresAWait || measuresAPrice { return sources.scale }
        if isRemedy { return sources.remedy }
        if isNegatedAct { return sources.act }
        return sources.valence
    }

    /// The file's name for `contribution`, nil when no file gave its weight.
    public func name(of contribution: Contribution, matches: [TermMatch]) -> String? {
        name(index(of: contribution, matches: matches))
    }

    /// `name(of:matches:)` from the two fields it reads (see `index(ofMatch:rules:matches:)`).
    func name(ofMatch match: Int, rules: [AppliedRule], matches: [TermMatch]) -> String? {
        name(index(ofMatch: match, rules: rules, matches: matches))
    }
}
