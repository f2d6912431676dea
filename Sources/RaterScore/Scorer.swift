import Foundation
import RaterCore
import RaterLexicon
import RaterNormalize
import RaterSegment

/// The score stage: lexicon valence shaped by negation, degree, contrast, irrealis and emphasis rules.
///
/// Stateless apart from its configuration, so one scorer can serve every worker.
public struct Scorer: Sendable {
    public let matcher: TermMatcher
    public var rules: ScoringRules
    public var thresholds: LabelThresholds
    public var confidence: ConfidenceModel
    /// The matcher's exclamative degree words (`ExclamativeRole.degree`: so, 这么), by entry, longest first: a term
    /// that opens with one (a learned 这么差) holds the degree word the exclamative rule looks for.
    private let exclamativeDegrees: [Int]
    /// Per entry, whether a match of it can be the currency word of an amount (`amount(at:entry:in:)`): its entry has
    /// an amount role, or it is a learned term that opens with a numeral (十块钱). Empty when no word says an amount is
    /// small. Any other match is no amount, and asking `amount` at every match of every comment cost about 100
    /// instructions each (0.6–0.7% of a comment's). A match's first character is its term's: the scan matches the
    /// terms' own bytes, and an elongated word differs from its term only in repeated letters.
    private let mayBeAmount: [Bool]

    public init(matcher: TermMatcher, rules: ScoringRules = ScoringRules(), thresholds: LabelThresholds = .standard,
                confidence: ConfidenceModel = ConfidenceModel()) {
        self.matcher = matcher
        self.rules = rules
        self.thresholds = thresholds
        self.confidence = confidence
        let degrees = matcher.entries.indices.filter { matcher.entries[$0].exclamative == .degree }
        exclamativeDegrees = degrees.sorted {
            let (left, right) = (matcher.terms[$0].utf8.count, matcher.terms[$1].utf8.count)
            return left != right ? left > right : $0 < $1
        }
        mayBeAmount = matcher.amounts.isEmpty ? [] : matcher.entries.indices.map { (index: Int) -> Bool in
            if matcher.entries[index].amount != nil { return true }
            guard matcher.entries[index].isLearnedValence else { return false }
            return Array(matcher.terms[index].utf8).withUnsafeBufferPointer {
                Amounts.numeralsEnd(opening: 0..<$0.count, in: $0) > 0
            }
        }
    }

    public func score(_ comment: NormalizedComment, segmented: SegmentedText) -> ScoredComment {
        score(comment, segmented: segmented, matches: matcher.matches(in: segmented))
    }

    /// Scores with the matcher's matches already found (`matcher.matches(in:)`, or a `LexiconScanner` built on
    /// this scorer's matcher, which finds the cues in the same pass).
    public func score(_ comment: NormalizedComment, segmented: SegmentedText, matches: [TermMatch]) -> ScoredComment {
        score(comment, segmented: segmented, matches: matches, waiving: [])
    }

    /// Scores as above, with the matches in `waiving` counting nothing (rule `recovered_topic`): in a clause whose
    /// case reads recovered, the learned leaning of cue words such as 退款 and 客服 (how often complaints name them) and
    /// the complaint that opens the story (投诉, "complained") are no opinion of this case
    /// (`DimensionReport.recoveredUnits`, chosen by `Analyzer`).
    public func score(_ comment: NormalizedComment, segmented: SegmentedText, matches: [TermMatch],
                      waiving: Set<Int>) -> ScoredComment {
        // 我去！ is slang, 我去银行 an errand: the scan has already refused an interjection that does not close its
        // clause, and found the shorter term it hid there (`MatchScanner`).
        var matches = matches
        // "the app we used to book": the verb "use" in a relative clause, not the habit "used to" (`RelativeUsedTo`).
        RelativeUsedTo.dropRelative(from: &matches, in: segmented, entries: matcher.entries)
        ElongationMatcher.addElongatedTerms(to: &matches, in: segmented, matcher: matcher)
        let turns = TurnWords.turns(in: segmented, matches: matches, entries: matcher.entries)
        var units = UnitBuilder.units(for: segmented, matches: matches, turns: turns)
        return score(comment, segmented: segmented, matches: matches, turns: turns, units: &units,
                     ordinals: WordOrdinals(segmented), waiving: waiving, again: nil)
    }

    /// `first` scored again with the matches in `waiving` counting nothing: the same comment as
    /// `score(_:segmented:matches:waiving:)` gives from the start, where `first` is the comment scored without a
    /// waiver. Only the units that hold a waived match are scored again. The scorer's state starts afresh at each
    /// unit, so every other unit keeps `first`'s contributions, masses and opinion flag as they are, and the
    /// matches, units and word positions are `first`'s: they do not depend on the waiver. A recovered case scored
    /// this way cost the whole scorer a second time (`Analyzer`; 4% of comments, twenty-sixth round).
    public func score(again first: ScoredComment, waiving: Set<Int>) -> ScoredComment {
        let turns = TurnWords.turns(in: first.segmented, matches: first.matches, entries: matcher.entries)
        var units = first.units
        return score(first.comment, segmented: first.segmented, matches: first.matches, turns: turns,
                     units: &units, ordinals: first.wordOrdinals, waiving: waiving, again: first)
    }

    /// The scoring of each unit, from the matches and units the stages before it found; with `first`, only the
    /// units holding a match in `waiving` (see `score(again:waiving:)`). The units are filled in place (`inout`):
    /// passed by value, the caller's reference made the first mass written copy the whole array, for every comment.
    private func score(_ comment: NormalizedComment, segmented: SegmentedText, matches: [TermMatch], turns: [Bool],
                       units: inout [ScoringUnit], ordinals: WordOrdinals, waiving: Set<Int>,
                       again first: ScoredComment?) -> ScoredComment {
        let echoes = ConcessiveEcho.echoes(units: units, segmented: segmented, matches: matches,
                                           links: matcher.echoLinks)
        let factors = ClauseFactors.compute(units: units, segmented: segmented, matches: matches,
                                            entries: matcher.entries, turns: turns, echoes: echoes, rules: rules)
        var contributions = [Contribution]()
        contributions.reserveCapacity(matches.count)  // one per match at most
        let allCapitals = CapitalsRule.isShouting(segmented)
        // One set of pending modifiers for the comment, reset in place at each unit: a new value per unit and per
        // sentiment term released both its arrays every time (most of the scorer's reference counting).
        var modifiers = PendingModifiers()
        // Whether a hand-written term (not a learned weight) is left with a weight after the rules.
        var hasOpinion = false
        // With `first`: the end of the last unit's contributions in `first.contributions` (one unit's are
        // contiguous, in unit order).
        var firstEnd = 0
        for unitIndex in units.indices {
            if let first {
                let firstStart = firstEnd
                while firstEnd < first.contributions.count, first.contributions[firstEnd].clause == unitIndex {
                    firstEnd += 1
                }
                if !waiving.contains(where: { units[unitIndex].matches.contains($0) }) {
                    contributions.append(contentsOf: first.contributions[firstStart..<firstEnd])
                    hasOpinion = hasOpinion || units[unitIndex].hasOpinion
                    continue
                }
                units[unitIndex].positive = 0
                units[unitIndex].negative = 0
            }
            // Whether this unit holds an opinion, kept in the unit; `hasOpinion` the comment's again at its end.
            let opinionBefore = hasOpinion
            hasOpinion = false
            defer {
                units[unitIndex].hasOpinion = hasOpinion
                hasOpinion = hasOpinion || opinionBefore
            }
            let unit = units[unitIndex]
            modifiers.reset()
            // The noun (价格, "price"; 排队, "queue") a scale word after it in this unit measures, until an opinion word
            // judges it (`LexiconEntry.scale`), with the index of its own contribution once it has made one.
            var priceNoun: (match: Int, ordinal: Int, kind: ScaleNoun, contribution: Int?)?
            // The charge a remedial act before it took back ("reversed the cancellation fee"), and the act's word.
            var remedied: (match: Int, by: String)?
            // The end of the last duration stated after a wait noun (等了四十分钟, "waited 35 minutes"): the terms inside
            // it (a learned "minutes", the 0-valence 十分钟) were read as the duration.
            var statedUntil = -1
            for matchIndex in unit.matches {
                // The X echoed in "X是X" was granted once already (`ConcessiveEcho`).
                if !echoes.isEmpty, echoes[matchIndex] != nil { continue }
                let match = matches[matchIndex]
                if Int(match.start) < statedUntil { continue }
                // The entry's roles are read in place: copying the whole entry retained and released its cue arrays
                // for every match.
                let entryIndex = Int(match.entry)
                let ordinal = ordinals[Int(match.token)]
                modifiers.expire(before: ordinal, window: rules.modifierWindow)
                // 房价太高了, "the price is too high", 排队很长, "the queues were long": a scale word after a cost or wait
                // noun measures it, unless it names another class ("long" measures no price) or qualifies a word of
                // its own ("the cost of a high-end room", "the price of high speed internet").
                var measured: (valence: Double, noun: Int, kind: ScaleNoun)?
                if let noun = priceNoun, let scale = matcher.entries[entryIndex].scale,
                   matcher.entries[entryIndex].scaleMeasures.map({ $0 == noun.kind }) ?? (noun.kind != .staff),
                   ordinal - noun.ordinal <= self.rules.priceScaleReach,
                   !qualifiesAWord(matchIndex, in: unit, matches: matches, segmented: segmented, ordinals: ordinals) {
                    measured = (scale, noun.match, noun.kind)
                    priceNoun = nil
                    // "The fees were low": the scale word says how the fee was, so the noun's own leaning (fees, a
                    // usual complaint) no longer counts.
                    if let own = noun.contribution {
                        withdraw(own, by: segmented.text(match.byteRange), from: &contributions, units: &units)
                    }
                } else if let kind = matcher.entries[entryIndex].scaleNoun {
                    // 等了四十分钟才上菜, "we waited 35 minutes": a duration stated right after a wait noun is the scale
                    // word that measures it, weighed by its length (`Durations`), and the noun's own leaning gives way.
                    if kind == .wait, let stated = statedWait(after: match, segmented: segmented) {
                        // Negators and degree words before the wait are spent on it: "never waited more than five
                        // minutes" is a quick service, not a negated one.
                        modifiers.reset()
                        var rules: [AppliedRule] = [.waitScale(by: segmented.text(match.byteRange))]
                        var value = stated.valence
                        if !factors[unitIndex].isEmpty {
                            for factor in factors[unitIndex] { value = factor.apply(value, &rules) }
                        }
                        if value != 0 { hasOpinion = true }
                        contributions.append(Contribution(
                            term: segmented.text(Int(match.start)..<stated.duration.end), clause: unitIndex,
                            base: stated.valence, rules: rules, weight: value, match: matchIndex))
                        if value > 0 { units[unitIndex].positive += value } else { units[unitIndex].negative -= value }
                        statedUntil = stated.duration.end
                        priceNoun = nil
                        continue
                    }
                    // The reach counts from the noun's last word, as a negator's does ("wait times at this clinic are
                    // high").
                    priceNoun = (matchIndex, lastOrdinal(of: match, in: segmented, ordinals), kind, nil)
                }
                // 挂号费才五块钱, "only $5 for parking": an amount said to be small is a low price, whatever the currency
                // word's own leaning (a learned 块钱 is how often complaints name a sum).
                if measured == nil, !mayBeAmount.isEmpty, mayBeAmount[entryIndex],
                   let cheap = cheapAmount(at: match, entry: entryIndex, in: unit, matches: matches,
                                           segmented: segmented) {
                    // "not only $5", 不是才五块钱: a pending negator turns the reading as it turns any praise.
                    var rules: [AppliedRule] = [.cheapAmount(by: segmented.text(cheap))]
                    var value = applyModifiers(self.rules.cheapAmount, modifiers, termOpensWith: nil, &rules)
                    modifiers.reset()
                    if !factors[unitIndex].isEmpty {
                        for factor in factors[unitIndex] { value = factor.apply(value, &rules) }
                    }
                    if value != 0 { hasOpinion = true }
                    contributions.append(Contribution(term: segmented.text(match.byteRange), clause: unitIndex,
                                                      base: self.rules.cheapAmount, rules: rules, weight: value,
                                                      match: matchIndex))
                    if value > 0 { units[unitIndex].positive += value } else { units[unitIndex].negative -= value }
                    priceNoun = nil
                    continue
                }
                // "reversed the cancellation fee", 免除了违约金: the charge was taken back, and the act before it said so.
                if let remedy = remedied, remedy.match == matchIndex {
                    remedied = nil
                    contributions.append(Contribution(term: segmented.text(match.byteRange), clause: unitIndex,
                                                      base: matcher.entries[entryIndex].scoredValence ?? 0,
                                                      rules: [.remediedBy(remedy.by)], weight: 0, match: matchIndex))
                    continue
                }
                // A remedial act on a charge (`LexiconEntry.remedy`) weighs its valence there instead of its own.
                var remedyObject: Int?
                if measured == nil, matcher.entries[entryIndex].remedy != nil {
                    remedyObject = objectOfRemedy(matchIndex, in: unit, matches: matches, segmented: segmented,
                                                  ordinals: ordinals)
                }
                // "without fixing anything", "never explained the charge", 没有答复: a remedial act under a negator was
                // not done. The negation is spent on the act, so the object after it reads on its own ("the problem"
                // in "left without solving the problem" is the complaint it still is).
                // 用了两年都不用修, "no need to follow up": an act not needed was not left undone. The negation of need is
                // spent on it, and it reads nothing, a learned weight included (无需退款 is no refund complained of).
                if measured == nil, matcher.entries[entryIndex].negatedAct != nil, modifiers.negatorCount % 2 == 1,
                   modifiers.lastNegatorIsNeed {
                    modifiers.reset()
                    continue
                }
                if measured == nil, let act = matcher.entries[entryIndex].negatedAct,
                   modifiers.negatorCount % 2 == 1 {
                    var rules: [AppliedRule]
                    var base = act
                    var value = act
                    // "The manager couldn't apologise enough", "they couldn't help us enough": an act that could go
                    // no further was done, and done well, as the dimension stage reads its cue (`UnsurpassedPraise`).
                    if let praise = unsurpassed(-act, match: match, in: unit, segmented: segmented,
                                                modifiers: modifiers, isLearned: false) {
                        base = -act
                        value = base * praise.factor
                        rules = [.unsurpassed(by: praise.negator + " … " + praise.closer, factor: praise.factor)]
                    } else {
                        let negators = modifiers.negatorCount > modifiers.negators.count
                            ? ["…"] + modifiers.negators : modifiers.negators
                        rules = [.negatedAct(by: negators.joined(separator: " "))]
                    }
                    modifiers.reset()
                    value = applyEmphasis(value, match: match, unit: unit, segmented: segmented,
                                          allCapitals: allCapitals, &rules)
                    if !factors[unitIndex].isEmpty {
                        for factor in factors[unitIndex] { value = factor.apply(value, &rules) }
                    }
                    if value != 0 { hasOpinion = true }
                    contributions.append(Contribution(term: segmented.text(match.byteRange), clause: unitIndex,
                                                      base: base, rules: rules, weight: value, match: matchIndex))
                    if value > 0 { units[unitIndex].positive += value } else { units[unitIndex].negative -= value }
                    continue
                }
                // A learned valence yields to a hand-written rule role (`LexiconEntry.scoredValence`).
                let remedyValence = remedyObject == nil ? nil : matcher.entries[entryIndex].remedy
                guard let base = measured?.valence ?? remedyValence ?? matcher.entries[entryIndex].scoredValence else {
                    let isNegator = matcher.entries[entryIndex].isNegator
                    let degree = matcher.entries[entryIndex].degree
                    // A scale word measuring nothing here (续航超短, "very high ceilings") was what the degree word before
                    // it modified: the degree ends with it rather than reaching the next term (超 read into the 也就
                    // after 超短). A negator goes on: in 不长头皮屑 长 is "grow", and the negation is the dandruff's.
                    if matcher.entries[entryIndex].scale != nil, !isNegator, degree == nil {
                        modifiers.forgetDegrees()
                        continue
                    }
                    guard isNegator || degree != nil else { continue }
                    let word = segmented.text(match.byteRange)
                    let exclamative = matcher.entries[entryIndex].exclamative
                    if isNegator {
                        let scope = matcher.entries[entryIndex].negationScope ?? self.rules.modifierWindow
                        modifiers.addNegator(word, reach: lastOrdinal(of: match, in: segmented, ordinals) + scope,
                                             isExperiential: exclamative == .experiential
                                                || (exclamative == .comparative
                                                    && comparesWithEverything(matchIndex, unit, matches, segmented,
                                                                              ordinals)),
                                             isNeed: matcher.entries[entryIndex].isNeedNegator)
                        if scope > self.rules.modifierWindow { modifiers.hasRaisedNegator = true }
                    }
                    if let degree {
                        modifiers.degrees.append((word, degree, ordinal, modifiers.negatorCount,
                                                  exclamative == .degree))
                    }
                    continue
                }
                var rules = [AppliedRule]()
                if let measured {
                    let noun = segmented.text(matches[measured.noun].byteRange)
                    switch measured.kind {
                    case .wait: rules.append(.waitScale(by: noun))
                    case .cost: rules.append(.priceScale(by: noun))
                    case .quantity: rules.append(.quantityScale(by: noun))
                    case .staff: rules.append(.absentStaff(by: noun))
                    }
                }
                let isLearned = measured == nil && remedyValence == nil && matcher.entries[entryIndex].isLearnedValence
                if !waiving.isEmpty, waiving.contains(matchIndex) {
                    // A hand-written complaint that opens the recovered story (投诉, "complained") is spent as a term
                    // would be, so no negator or degree word before it reaches past it.
                    if !isLearned { modifiers.reset() }
                    contributions.append(Contribution(term: segmented.text(match.byteRange), clause: unitIndex,
                                                      base: base, rules: [.recoveredTopic], weight: 0,
                                                      match: matchIndex, isLearned: isLearned))
                    continue
                }
                if let object = remedyObject {
                    rules.append(.remedy(on: segmented.text(matches[object].byteRange)))
                    // Not done ("didn't waive the fee", 没有免除违约金), the act is a complaint and the charge stands.
                    if modifiers.negatorCount % 2 == 0 { remedied = (object, segmented.text(match.byteRange)) }
                }
                // A price judged by an opinion word (价格便宜, "the price was fair") is no longer open to a scale word:
                // in "prices were fair, standards high" the standards are high. A cost noun with a valence of its own
                // ("fees", a usual complaint) stays open to the scale word after it.
                if !isLearned, base != 0, measured == nil, priceNoun?.match != matchIndex { priceNoun = nil }
                var value = base
                // A function word with a learned style weight ("was", "did") is never what a negator or degree word
                // is about: "won't *be* going back" negates "going back". It keeps its own small weight and leaves the
                // pending modifiers to the next term.
                // A raised negation ("I don't think …") waits for a clear opinion word: a learned weight is how a
                // word leans in reviews, not an opinion it could negate ("don't think the advisor understood what I
                // *needed*"), so it keeps its own weight and the negation waits on.
                let waitsForOpinion = modifiers.hasRaisedNegator && isLearned
                if !matcher.entries[entryIndex].isFunctionWord && !waitsForOpinion {
                    // Only looked for when a negator of experience (`ExclamativeRole`) or of need is pending: a
                    // learned 这么差 after 没必要 is an opinion said with its degree word, no lean to count as nothing.
                    let opening = modifiers.negatorCount % 2 == 1
                        && (modifiers.lastNegatorIsExperiential || modifiers.lastNegatorIsNeed)
                        ? exclamativeOpening(ofEntry: entryIndex) : nil
                    // "couldn't recommend them more", "can't thank them enough": praise that could go no further,
                    // whether the negator stands before the term or opens it (the idiom "can't recommend").
                    if let praise = unsurpassed(base, match: match, in: unit, segmented: segmented,
                                                modifiers: modifiers, isLearned: isLearned) {
                        value = base * praise.factor
                        rules.append(.unsurpassed(by: praise.negator + " … " + praise.closer, factor: praise.factor))
                    } else {
                        // Asked of the matcher, which works it out once per entry: read off `matcher.entries`, the
                        // entry was copied whole (its arrays retained and released) for every sentiment term.
                        let isRelief = matcher.isNeedRelief(entry: entryIndex)
                        value = applyModifiers(base, modifiers, termOpensWith: opening,
                                               isWeakLearned: isLearned && base < 0 && -base < self.rules.negatedLearnedLimit,
                                               isLearned: isLearned, isRelief: isRelief, &rules)
                    }
                    // A weak term (没有*任何*问题, not *that* great) does not end the negation's scope: the negator
                    // still reaches the clearly evaluative word after it. A raised negation ("I don't think their
                    // staff were helpful") waits for a clear opinion word. Degree words always bind to the next term.
                    let closing = modifiers.hasRaisedNegator ? self.rules.raisedNegationTarget : self.rules.weakTerm
                    if abs(base) >= closing {
                        modifiers.reset()
                    } else {
                        modifiers.forgetDegrees()
                    }
                }
                value = applyEmphasis(value, match: match, unit: unit, segmented: segmented,
                                      allCapitals: allCapitals, &rules)
                // Most units have no clause factor: checked first, since iterating retains and releases the array.
                if !factors[unitIndex].isEmpty {
                    for factor in factors[unitIndex] { value = factor.apply(value, &rules) }
                }
                if value != 0 && !isLearned { hasOpinion = true }
                if priceNoun?.match == matchIndex { priceNoun?.contribution = contributions.count }
                contributions.append(Contribution(term: segmented.text(match.byteRange), clause: unitIndex,
                                                  base: base, rules: rules, weight: value, match: matchIndex,
                                                  isLearned: isLearned))
                if value > 0 { units[unitIndex].positive += value } else { units[unitIndex].negative -= value }
                // A word listed both as an opinion and as a negator (不如 "not as good as", "lacks") does both: it
                // scores, and negates what it compares with or finds missing (不如隔壁*好吃*, "lacks *friendly* staff").
                if matcher.entries[entryIndex].isNegator, !matcher.entries[entryIndex].isLearnedValence {
                    let scope = matcher.entries[entryIndex].negationScope ?? self.rules.modifierWindow
                    modifiers.addNegator(segmented.text(match.byteRange),
                                         reach: lastOrdinal(of: match, in: segmented, ordinals) + scope,
                                         isExperiential: matcher.entries[entryIndex].exclamative == .experiential
                                            || (matcher.entries[entryIndex].exclamative == .comparative
                                                && comparesWithEverything(matchIndex, unit, matches, segmented,
                                                                          ordinals)))
                }
            }
        }
        // 异味没了, "the noise finally stopped": a complaint said to have gone away is taken back.
        GoneProblem.apply(to: &contributions, units: &units, matches: matches, entries: matcher.entries,
                          segmented: segmented, ordinals: ordinals, factor: rules.retractedComplaint)
        // "Great, another two-hour wait", 真是太"专业"了: praise the writer does not mean counts as a complaint.
        SarcasticPraise.apply(to: &contributions, units: &units, matches: matches, entries: matcher.entries,
                              segmented: segmented, turns: turns, factor: rules.sarcasticPraise)
        // 还行吧, "ok I guess": a comment of nothing but hedges leans and reads neutral.
        Lukewarm.apply(to: &contributions, units: &units, matches: matches, entries: matcher.entries,
                       thresholds: thresholds, lean: rules.lukewarmLean, damping: rules.damping)
        let sentiment = summarize(units, language: comment.language, hasOpinion: hasOpinion)
        assert(zip(matches, matches.dropFirst()).allSatisfy { $0.end <= $1.start }, "matches out of order")
        return ScoredComment(comment: comment, segmented: segmented, matches: matches, units: units,
                             contributions: contributions, sentiment: sentiment, wordOrdinals: ordinals)
    }

    /// The cheap word (才, "only") of an amount said to be small whose currency word is at `match`, or nil where the
    /// sum is no low price: a measure word that does not close its clause (才两块肉 is two pieces of meat;
    /// `AmountRole.classifier`), a sum that qualifies a noun after 的 (一碗面里才三块钱的肉 is how little meat there was),
    /// a Chinese cheap word that ends a longer word (刚才五块钱: 刚才 is "just now"), or a clause about a refund or
    /// compensation (赔偿才五十元, "the refund was only 5 dollars": a small remedy is a complaint, not a bargain; a
    /// recovery topic, an act or a remedy word in the clause says so).
    private func cheapAmount(at match: TermMatch, entry: Int, in unit: ScoringUnit, matches: [TermMatch],
                             segmented: SegmentedText) -> Range<Int>? {
        guard let (role, currency) = amount(at: match, entry: entry, in: segmented) else { return nil }
        if role == .classifier, !match.closesClause(in: segmented.tokens) { return nil }
        let found = segmented.folded.withUnsafeBufferPointer { bytes -> Range<Int>? in
            guard let cheap = matcher.amounts.cheapWord(before: currency, role: role, in: bytes) else { return nil }
            if role != .prefix, Self.opensWithAttributive(after: currency.upperBound, in: bytes) { return nil }
            return cheap
        }
        guard let cheap = found else { return nil }
        if segmented.folded[cheap.lowerBound] >= 0x80, !startsAToken(cheap.lowerBound, in: segmented.tokens) {
            return nil
        }
        for other in unit.matches {
            let roles = matcher.entries[Int(matches[other].entry)]
            if roles.negatedAct != nil || roles.remedy != nil
                || roles.signals.contains(where: { $0.kind == .recovery && $0.role == .topic }) {
                return nil
            }
        }
        return cheap
    }

    /// Whether the bytes after `offset` (spaces skipped) open with 的, the mark of a sum that qualifies a noun.
    private static func opensWithAttributive(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = offset
        while position < bytes.count, bytes[position] == 0x20 { position += 1 }
        let mark: [UInt8] = Array("的".utf8)
        return position + mark.count <= bytes.count
            && UnsafeBufferPointer(rebasing: bytes[position..<position + mark.count]).elementsEqual(mark)
    }

    /// Whether a word of the segmenter starts at byte `offset` (a binary search over the tokens' starts).
    private func startsAToken(_ offset: Int, in tokens: [Token]) -> Bool {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if Int(tokens[middle].start) < offset { low = middle + 1 } else { high = middle }
        }
        return low < tokens.count && Int(tokens[low].start) == offset
    }

    /// The currency word of an amount at `match` and its role (`AmountRole`): the match itself when its entry has the
    /// role, or, for a learned term that holds its number (十块钱, −0.85), the unit after the numerals inside it.
    private func amount(at match: TermMatch, entry: Int, in segmented: SegmentedText)
        -> (role: AmountRole, currency: Range<Int>)? {
        if let role = matcher.entries[entry].amount { return (role, match.byteRange) }
        guard matcher.entries[entry].isLearnedValence else { return nil }
        return segmented.folded.withUnsafeBufferPointer { bytes in
            let numbers = Amounts.numeralsEnd(opening: match.byteRange, in: bytes)
            guard numbers > Int(match.start), numbers < Int(match.end),
                  let unit = matcher.lookup(UnsafeBufferPointer(rebasing: bytes[numbers..<Int(match.end)])),
                  let role = matcher.entries[unit].amount, role == .unit || role == .classifier else { return nil }
            return (role, numbers..<Int(match.end))
        }
    }

    /// The negator, closer and factor when the term is praise that could go no further (`UnsurpassedPraise`): a
    /// positive term after a pending ability negator, or a negative phrase opening with one ("can't recommend"), with
    /// "more" or "enough" closing the clause. The factor turns either into praise ×`unsurpassedPraise`. A learned
    /// weight is how a word leans in reviews, not praise that could go further ("I can't say the staff *were* …").
    private func unsurpassed(_ base: Double, match: TermMatch, in unit: ScoringUnit, segmented: SegmentedText,
                             modifiers: PendingModifiers, isLearned: Bool)
        -> (negator: String, closer: String, factor: Double)? {
        // The cheap conditions first (an opening negator on the folded bytes), then the closer (a walk over the
        // unit's tokens), and the negator's text last: most negated praise has no closer, and most negative terms
        // starting with "c" open with no negator.
        guard !isLearned else { return nil }
        let negated = base > 0 && modifiers.negatorCount % 2 == 1
        let opensNegated = base < 0 && modifiers.negatorCount == 0
            && segmented.folded[Int(match.start)] == UInt8(ascii: "c")
            && UnsurpassedPraise.opensWithNegator(segmented.folded[Int(match.start)..<Int(match.end)])
        guard negated || opensNegated,
              let closer = UnsurpassedPraise.closer(after: match, in: unit, segmented: segmented) else { return nil }
        let negator: String
        if negated, let last = modifiers.negators.last, UnsurpassedPraise.negators.contains(last.lowercased()) {
            negator = last
        } else if opensNegated, let opening = UnsurpassedPraise.openingNegator(of: segmented.text(match.byteRange)) {
            negator = opening
        } else {
            return nil
        }
        return (negator, closer, base > 0 ? rules.unsurpassedPraise : -rules.unsurpassedPraise)
    }

    /// Whether a negator of comparison (`ExclamativeRole.comparative`, 没有比) makes a superlative: where it opens its
    /// clause (`opensUnit`), or wherever it compares with what is pointed at (比这, 比这家, 比此): 我觉得没有比这家更好吃的了,
    /// 附近没有比这家更好吃的了 praise the place, where 新店没有比老店更干净 compares two (a code review: the first two
    /// read −0.47 as soft negations).
    private func comparesWithEverything(_ matchIndex: Int, _ unit: ScoringUnit, _ matches: [TermMatch],
                                        _ segmented: SegmentedText, _ ordinals: WordOrdinals) -> Bool {
        if opensUnit(matchIndex, unit, matches, segmented, ordinals) { return true }
        let end = Int(matches[matchIndex].end)
        return segmented.folded.withUnsafeBufferPointer { bytes in
            // 这 (E8 BF 99) or 此 (E6 AD A4) right after the match.
            guard end + 3 <= bytes.count else { return false }
            let next = (bytes[end], bytes[end + 1], bytes[end + 2])
            return next == (0xE8, 0xBF, 0x99) || next == (0xE6, 0xAD, 0xA4)
        }
    }

    /// Whether a match opens its unit: no word before it there but degree words (真的, 实在). A negator of comparison
    /// (`ExclamativeRole.comparative`) that opens its clause compares with everything (没有比这更糟糕的服务了); one
    /// after a subject compares that subject with one thing (味道没有比以前更好).
    private func opensUnit(_ matchIndex: Int, _ unit: ScoringUnit, _ matches: [TermMatch],
                           _ segmented: SegmentedText, _ ordinals: WordOrdinals) -> Bool {
        let ordinal = ordinals[Int(matches[matchIndex].token)]
        var firstWord = ordinals[unit.tokens.lowerBound]
        // Words a degree word before it covers count as no subject.
        for index in unit.matches where index < matchIndex {
            guard matcher.entries[Int(matches[index].entry)].degree != nil,
                  ordinals[Int(matches[index].token)] == firstWord else { break }
            firstWord = lastOrdinal(of: matches[index], in: segmented, ordinals) + 1
        }
        return ordinal <= firstWord
    }

    /// The word position of a match's last word: a negator's reach counts from its end, so a negation quantified in
    /// its own phrase ("never once", 没有一次) reaches as far past it as a bare "never" does ("Never once did the hotel
    /// let us down"), as the dimension stage's reach over cues does.
    private func lastOrdinal(of match: TermMatch, in segmented: SegmentedText, _ ordinals: WordOrdinals) -> Int {
        var token = Int(match.token)
        let tokens = segmented.tokens
        while token + 1 < tokens.count && Int(tokens[token + 1].start) < Int(match.end) { token += 1 }
        return ordinals[token]
    }

    /// Whether the scale word of match `index` qualifies the word right after it rather than stating a measure: a
    /// hyphenated compound ("high-end", "low-cost") or a cue word next ("high speed", "long haul"), as in "the cost of
    /// a high-end room was fine", where the price is not said to be high.
    private func qualifiesAWord(_ index: Int, in unit: ScoringUnit, matches: [TermMatch], segmented: SegmentedText,
                                ordinals: WordOrdinals) -> Bool {
        let end = Int(matches[index].end)
        let folded = segmented.folded
        if end + 1 < folded.count, folded[end] == UInt8(ascii: "-"),
           (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(folded[end + 1]) {
            return true
        }
        let next = index + 1
        guard unit.matches.contains(next), ordinals[Int(matches[next].token)] == ordinals[Int(matches[index].token)] + 1
        else { return false }
        let entry = Int(matches[next].entry)
        return matcher.entries[entry].valence == nil && matcher.entries[entry].scaleNoun == nil
            && (!matcher.entries[entry].cues.isEmpty || !matcher.entries[entry].aspects.isEmpty)
    }

    /// The object of the remedial act at match `index` ("reversed the cancellation fee", 免除了违约金): the next match
    /// of its unit, starting at most `remedyReach` words after the act's last word, when it is a charge: a cost noun
    /// (kind `scale`, `cost`: fee, deposit, "the overcharge", 押金). Any other complaint there is no charge taken back:
    /// "removed the *wrong* tooth", "refunded me *late*", 取消*差评*, 被退回*失望* read as written.
    private func objectOfRemedy(_ index: Int, in unit: ScoringUnit, matches: [TermMatch], segmented: SegmentedText,
                                ordinals: WordOrdinals) -> Int? {
        let next = index + 1
        guard unit.matches.contains(next),
              ordinals[Int(matches[next].token)] - lastOrdinal(of: matches[index], in: segmented, ordinals)
                <= rules.remedyReach else { return nil }
        return matcher.entries[Int(matches[next].entry)].scaleNoun == .cost ? next : nil
    }

    /// The duration stated right after a wait noun and its weight (`Durations.read(after:in:)`), or nil when none is
    /// stated there or the table gives it none. Parsed only here, after a wait noun: never over every token.
    private func statedWait(after match: TermMatch, segmented: SegmentedText)
        -> (duration: StatedDuration, valence: Double)? {
        let durations = matcher.durations
        guard !durations.isEmpty else { return nil }
        let duration = segmented.folded.withUnsafeBufferPointer { durations.read(after: Int(match.end), in: $0, waitWord: match.byteRange) }
        guard let duration, let valence = durations.valence(of: duration) else { return nil }
        return (duration, valence)
    }

    /// Withdraws contribution `index`: a noun a scale word measured ("fees" in "the fees were low") counts nothing of
    /// its own. Its weight becomes 0, shown by the rule, and its unit's masses are summed again from the weights left.
    private func withdraw(_ index: Int, by word: String, from contributions: inout [Contribution],
                          units: inout [ScoringUnit]) {
        contributions[index].weight = 0
        contributions[index].rules.append(.measuredBy(word))
        let unit = contributions[index].clause
        units[unit].retally(unit: unit, from: contributions)
    }

    /// The exclamative degree word a term begins with, if any: a learned phrase such as 这么差 or 这么好的 holds the
    /// degree word the rule looks for, so 从来没见过这么差的服务 would otherwise read the phrase as negated. Compared
    /// through the matcher's own spellings of the two terms (the match's folded text), so no text is built.
    private func exclamativeOpening(ofEntry entry: Int) -> String? {
        let term = matcher.terms[entry].utf8
        for degreeEntry in exclamativeDegrees {
            let degree = matcher.terms[degreeEntry].utf8
            guard term.count > degree.count, term.starts(with: degree) else { continue }
            // A Latin degree word must end at a space ("so bad"), not inside a word ("sore"); Han text (from U+3000,
            // lead byte E3) has none.
            let isHan = degree.first.map { $0 >= 0xE3 } == true
            if isHan || term[term.index(term.startIndex, offsetBy: degree.count)] == 0x20 {
                return matcher.terms[degreeEntry]
            }
        }
        return nil
    }

    private func applyModifiers(_ base: Double, _ modifiers: PendingModifiers, termOpensWith opening: String?,
                                isWeakLearned: Bool = false, isLearned: Bool = false, isRelief: Bool = false,
                                _ applied: inout [AppliedRule]) -> Double
    {
        // 没必要这么凶, "there was no need to be so rude": what was not needed happened, and the opinion says how it
        // was. Only a worry or chore (`LexiconEntry.isNeedRelief`: 不用担心, "no need to queue", 不用返修, 无需投诉) is
        // taken away by a negator of need; any other opinion keeps its sign, its degree words count as after no
        // negator. A learned lean there is no opinion either way (a learned 维修 in 无需维修 is how often complaints
        // name repairs): it counts nothing (`negatedWeakLearned`), as a weak learned lean under any negator does,
        // unless it opens with an exclamative degree word (a learned 这么差 in 没必要态度这么差 is the opinion).
        if modifiers.negatorCount % 2 == 1, modifiers.lastNegatorIsNeed, !isRelief {
            let negators = modifiers.negatorCount > modifiers.negators.count
                ? ["…"] + modifiers.negators : modifiers.negators
            if isLearned, opening == nil {
                applied.append(.negatedLean(by: negators.joined(separator: " "), factor: rules.negatedWeakLearned))
                return base * rules.negatedWeakLearned
            }
            var unneeded = modifiers
            unneeded.forgetNegators()
            applied.append(.unneeded(by: negators.joined(separator: " ")))
            return applyModifiers(base, unneeded, termOpensWith: opening, &applied)
        }
        var value = base
        var negatedIntensifier = false
        // "never … so X", 从没这么X: a superlative, not a negation (`ExclamativeRole`). The degree
        // word may stand before the term or open it (a learned 这么差).
        let exclamative = modifiers.negatorCount % 2 == 1
            && modifiers.lastNegatorIsExperiential
            && (opening != nil || modifiers.degrees.contains { $0.negatorsBefore % 2 == 1 && $0.isExclamative })
        // Stacked intensifiers multiply up to `rules.maxIntensification` together ("really very good" ×1.69); the
        // word that reaches the cap keeps only what is left of it, and any after it count nothing. Without the cap
        // 'very ' × 3000 overflowed the score.
        var intensification = 1.0
        var beyondCap = 0
        for degree in modifiers.degrees {
            if degree.factor < 0 {
                value *= degree.factor
                applied.append(.softNegated(by: degree.word, factor: degree.factor))
            } else if degree.factor > 1, degree.negatorsBefore % 2 == 1, !exclamative {
                negatedIntensifier = true
            } else if degree.factor > 1 {
                let factor = min(degree.factor, max(1, rules.maxIntensification / intensification))
                guard factor > 1 else { beyondCap += 1; continue }
                intensification *= factor
                value *= factor
                applied.append(.intensified(by: exclamative && degree.negatorsBefore % 2 == 1
                                                ? (modifiers.negators.last ?? "") + " " + degree.word : degree.word,
                                            factor: factor))
            } else if degree.factor == 1 {
                applied.append(.intensified(by: degree.word, factor: degree.factor))
            } else {
                value *= degree.factor
                applied.append(.softened(by: degree.word, factor: degree.factor))
            }
        }
        if beyondCap > 0 {
            applied.append(.intensified(by: "\(beyondCap) more (combined degree capped at ×"
                                            + AppliedRule.format(rules.maxIntensification) + ")", factor: 1))
        }
        // Only the last few negators are kept (`PendingModifiers.shownNegators`); a longer run is shown as "…" and
        // the words kept. The rule depends on the count's parity alone.
        let negators = modifiers.negatorCount > modifiers.negators.count
            ? ["…"] + modifiers.negators : modifiers.negators
        if exclamative {
            if let opening, !modifiers.degrees.contains(where: { $0.negatorsBefore % 2 == 1 }) {
                // Shown like a degree word before the term, so the explanation says why no negation applied.
                applied.append(.intensified(by: (modifiers.negators.last ?? "") + " " + opening, factor: 1))
            }
            return value
        }
        if negatedIntensifier {
            value *= rules.negatedIntensifier
            applied.append(.softNegated(by: negators.joined(separator: " ") + " "
                                            + modifiers.degrees.map(\.word).joined(separator: " "),
                                        factor: rules.negatedIntensifier))
        } else if modifiers.negatorCount % 2 == 1, isWeakLearned {
            // "nobody told us": a weak learned lean under a negator is no opinion to turn (`negatedWeakLearned`).
            value *= rules.negatedWeakLearned
            applied.append(.negatedLean(by: negators.joined(separator: " "), factor: rules.negatedWeakLearned))
        } else if modifiers.negatorCount % 2 == 1 {
            value *= value > 0 ? -rules.negatedPositive : -rules.negatedNegative
            applied.append(.negated(by: negators.joined(separator: " ")))
        } else if modifiers.negatorCount > 0 {
            value *= rules.doubleNegation
            applied.append(.doubleNegated(by: negators))
        }
        return value
    }

    private func applyEmphasis(_ value: Double, match: TermMatch, unit: ScoringUnit, segmented: SegmentedText,
                               allCapitals: Bool, _ applied: inout [AppliedRule]) -> Double
    {
        var value = value
        // The bytes are read through buffers: an `ArraySlice` of the text retained and released it for every term.
        let range = match.byteRange
        let isCapitalized = !allCapitals && segmented.original.withUnsafeBufferPointer {
            CapitalsRule.isCapitalized(UnsafeBufferPointer(rebasing: $0[range]))
        }
        if isCapitalized {
            value *= rules.capitals
            applied.append(.emphasis(kind: "capitals", factor: rules.capitals))
        }
        if segmented.folded.withUnsafeBufferPointer({
            ElongationMatcher.isElongated(UnsafeBufferPointer(rebasing: $0[range]))
        }) {
            value *= rules.elongation
            applied.append(.emphasis(kind: "elongated", factor: rules.elongation))
        }
        return value
    }

    /// The largest mass a comment's side may carry: large enough never to bind on text, small enough that the two
    /// sides and the damping add up without overflow.
    static let maximumMass = 1e300

    /// A mass clamped to 0…`maximumMass` (NaN counts as none).
    static func finiteMass(_ mass: Double) -> Double {
        mass.isNaN ? 0 : min(max(mass, 0), maximumMass)
    }

    private func summarize(_ units: [ScoringUnit], language: Language, hasOpinion: Bool) -> Sentiment {
        // Clamped so that the sum and difference below stay finite whatever the comment: no score, share or
        // confidence may be NaN or infinite.
        let positive = Self.finiteMass(units.reduce(0) { $0 + $1.positive })
        let negative = Self.finiteMass(units.reduce(0) { $0 + $1.negative })
        let score = (positive - negative) / (positive + negative + rules.damping)
        var positiveUnits = 0
        var negativeUnits = 0
        var neutralUnits = 0
        for unit in units {
            switch thresholds.label(for: unit.score(damping: rules.damping)) {
            case .positive: positiveUnits += 1
            case .negative: negativeUnits += 1
            case .neutral: neutralUnits += 1
            }
        }
        let total = Double(max(units.count, 1))
        let label = thresholds.label(for: score)
        let isLearnedOnly = !hasOpinion && positive + negative > 0
        return Sentiment(
            score: score, label: label,
            positiveShare: units.isEmpty ? 0 : Double(positiveUnits) / total,
            negativeShare: units.isEmpty ? 0 : Double(negativeUnits) / total,
            neutralShare: units.isEmpty ? 0 : Double(neutralUnits) / total,
            confidence: confidence.confidence(score: score, evidence: positive + negative, label: label,
                                              language: language),
            positiveMass: positive, negativeMass: negative, isLearnedOnly: isLearnedOnly)
    }
}

/// Negators and degree words seen since the last sentiment term, waiting for the term they modify.
///
/// Bounded for negators: a comment of nothing but negators ("not not not …", 不不不…) must cost linear time, so
/// only their count (whose parity is all the rule reads), the furthest reach and the last few words (for the
/// explanation) are kept.
struct PendingModifiers {
    /// How many negator words the explanation names: the last ones before the term.
    static let shownNegators = 4

    /// The last `shownNegators` negator words, oldest first.
    private(set) var negators: [String] = []
    /// Every negator pending, including those no longer in `negators`.
    private(set) var negatorCount = 0
    /// The last word ordinal any pending negator can modify (its own scope, or the default window).
    private(set) var negatorReach = Int.min
    /// `negatorsBefore` tells "not very good" (negator first) from "very not good"; `isExclamative` marks a degree
    /// word that makes an exclamative after a negator of experience (`ExclamativeRole.degree`: so, 这么).
    var degrees: [(word: String, factor: Double, ordinal: Int, negatorsBefore: Int, isExclamative: Bool)] = []
    /// Whether the last negator added is a negator of experience (`ExclamativeRole.experiential`: never, 从没).
    private(set) var lastNegatorIsExperiential = false
    /// Whether the last negator added is a negator of need (`LexiconEntry.isNeedNegator`: 不用, "no need to").
    private(set) var lastNegatorIsNeed = false

    /// Whether a negator reaching further than the default window (negation raised through "don't think") waits.
    var hasRaisedNegator = false

    mutating func addNegator(_ word: String, reach: Int, isExperiential: Bool = false, isNeed: Bool = false) {
        if negators.count == Self.shownNegators { negators.removeFirst() }
        negators.append(word)
        lastNegatorIsExperiential = isExperiential
        lastNegatorIsNeed = isNeed
        negatorCount += 1
        negatorReach = max(negatorReach, reach)
    }

    /// Drops everything once `ordinal` is beyond every pending modifier's reach: more than `window` words after the
    /// latest degree word and beyond each negator's own scope. Constant time: the negators' furthest reach is kept.
    mutating func expire(before ordinal: Int, window: Int) {
        let reach = max((degrees.last?.ordinal ?? -1_000) + window, negatorReach)
        if ordinal > reach + 1 { reset() }
    }

    /// Forgets every pending modifier. The arrays keep their storage for the next ones, and empty ones are left
    /// alone: this runs at every term.
    mutating func reset() {
        clearNegators()
        forgetDegrees()
    }

    /// Forgets the pending negators and counts every degree word as after none: a negator of need before an opinion
    /// that is no relief negates nothing (`Scorer.applyModifiers`).
    mutating func forgetNegators() {
        clearNegators()
        for index in degrees.indices { degrees[index].negatorsBefore = 0 }
    }

    /// The pending negators and what they said, gone (their arrays keep their storage).
    @inline(__always)
    private mutating func clearNegators() {
        if !negators.isEmpty { negators.removeAll(keepingCapacity: true) }
        negatorCount = 0
        negatorReach = Int.min
        lastNegatorIsExperiential = false
        lastNegatorIsNeed = false
        hasRaisedNegator = false
    }

    mutating func forgetDegrees() {
        if !degrees.isEmpty { degrees.removeAll(keepingCapacity: true) }
    }
}
