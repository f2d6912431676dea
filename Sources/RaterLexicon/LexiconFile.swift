import Foundation

/// One parsed lexicon file: its header and its entries, in file order.
public struct LexiconFile: Sendable {
    public var path: String
    public var kind: LexiconKind
    public var language: String
    public var provenance: String
    public var entries: [(term: String, entry: LexiconEntry)]
    /// The rows of a `wait-bound` file (whose lines name no term, so it has no entries), in file order.
    public var waitBounds: [WaitBounds.Row] = []

    /// Parses the text of a lexicon file. `path` is only used in error messages.
    public init(path: String, contents: String) throws {
        self.path = path
        var header = [String: String]()
        var dataLines = [(number: Int, text: Substring)]()
        var lineNumber = 0
        // "\r\n" is a single Character in Swift, so split on Unicode scalars to see both line endings.
        for scalarLine in contents.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(scalarLine)
            lineNumber += 1
            if line.unicodeScalars.last == "\r" { line = Substring(line.unicodeScalars.dropLast()) }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            if line.hasPrefix("#") {
                // Header lines look like "# kind: sentiment"; continuation lines and prose are ignored.
                let body = line.dropFirst().trimmingBlanks()
                if let colon = body.firstIndex(of: ":") {
                    let key = body[..<colon].trimmingBlanks().lowercased()
                    if header[key] == nil, ["kind", "language", "provenance", "columns"].contains(key) {
                        header[key] = String(body[body.index(after: colon)...].trimmingBlanks())
                    }
                }
                continue
            }
            dataLines.append((lineNumber, line))
        }
        for required in ["kind", "language", "provenance"] where (header[required] ?? "").isEmpty {
            throw LexiconError.missingHeader(path: path, field: required)
        }
        guard let kind = LexiconKind(rawValue: header["kind"]!.lowercased()) else {
            throw LexiconError.unknownKind(path: path, kind: header["kind"]!)
        }
        self.kind = kind
        self.language = header["language"]!
        self.provenance = header["provenance"]!
        if kind == .waitBound {
            self.entries = []
            self.waitBounds = try Self.parseWaitBounds(dataLines, path: path)
            return
        }
        self.entries = try dataLines.map { try Self.parse(line: $0.text, number: $0.number, kind: kind, path: path) }
        try Self.rejectDuplicates(entries, lines: dataLines.map(\.number), kind: kind, path: path)
        if Self.isLearned(path: path) {
            // One language's statistics do not score the other's comments (`LearnedScript`).
            entries.removeAll { !LearnedScript.belongs($0.term, toLanguage: language) }
            for index in entries.indices where entries[index].entry.valence != nil {
                entries[index].entry.isLearnedValence = true
            }
        }
    }

    /// Whether a file holds learned weights: its name starts with `learned` (`learned-reviews.tsv`), the files
    /// `rater lexicon learn` writes and `Lexicon.files(in:)` loads first.
    public static func isLearned(path: String) -> Bool {
        URL(fileURLWithPath: path).lastPathComponent.hasPrefix("learned")
    }

    /// Reads and parses a file from disk.
    public init(path: String) throws {
        let contents: String
        do {
            contents = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LexiconError.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        try self.init(path: path, contents: contents)
    }

    /// A term given twice with different values in a file of a one-value kind (sentiment, degree, negator…) took the
    /// later value without a word; an analyst should choose. The same value twice (☺ and ☺️, which fold alike) is
    /// harmless. Cue files may list a term under several dimensions, aspects or signals.
    static func rejectDuplicates(_ entries: [(term: String, entry: LexiconEntry)], lines: [Int], kind: LexiconKind,
                                 path: String) throws {
        guard ![.dimension, .aspect, .signal].contains(kind) else { return }
        var first = [String: (line: Int, entry: LexiconEntry)]()
        for (index, (term, entry)) in entries.enumerated() {
            if let earlier = first[term] {
                guard earlier.entry == entry else {
                    throw LexiconError.duplicateTerm(path: path, term: term, firstLine: earlier.line, line: lines[index])
                }
                continue
            }
            first[term] = (lines[index], entry)
        }
    }

    /// Whether a number is written as a plain decimal: an optional sign, digits, an optional fraction. `Double`
    /// also reads `0x10` (16), `1e1` (10), `nan` and `inf`, none of which an analyst means as a valence.
    static func isPlainDecimal(_ text: String) -> Bool {
        var digits = 0
        var dots = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "+") where index == 0, UInt8(ascii: "-") where index == 0: break
            default: return false
            }
        }
        return digits > 0 && dots <= 1
    }

    /// The rows of a `wait-bound` file: a length in minutes (≥ 0) and a valence (−4…4) per line. A length given twice
    /// is an error, as a term given twice with two values is.
    private static func parseWaitBounds(_ lines: [(number: Int, text: Substring)], path: String) throws
        -> [WaitBounds.Row] {
        var rows = [WaitBounds.Row]()
        var seen = [Double: Int]()
        for (lineNumber, line) in lines {
            let columns = line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false)
                .map { String(Substring($0).trimmingBlanks()) }
            guard columns.count >= 2, !columns[0].isEmpty else {
                if columns.count == 1, columns[0].unicodeScalars.contains(where: { $0 == " " || $0 == "\u{3000}" }) {
                    throw LexiconError.spacesWithoutTab(path: path, line: lineNumber, expected: 2)
                }
                throw LexiconError.wrongColumnCount(path: path, line: lineNumber, expected: 2, found: columns.count)
            }
            func number(_ index: Int, _ name: String, _ range: ClosedRange<Double>, _ shown: String) throws -> Double {
                guard isPlainDecimal(columns[index]), let value = Double(columns[index]), value.isFinite else {
                    throw LexiconError.badNumber(path: path, line: lineNumber, column: name, value: columns[index])
                }
                guard range.contains(value) else {
                    throw LexiconError.outOfRange(path: path, line: lineNumber, column: name, value: columns[index],
                                                  range: shown)
                }
                return value
            }
            let minutes = try number(0, "length in minutes", 0...5_256_000, "0…5256000 (ten years)")
            let valence = try number(1, "valence", -4...4, "−4…4")
            if let first = seen[minutes] {
                throw LexiconError.duplicateTerm(path: path, term: columns[0], firstLine: first, line: lineNumber)
            }
            seen[minutes] = lineNumber
            rows.append(WaitBounds.Row(minutes: minutes, valence: valence))
        }
        return rows
    }

    private static func parse(line: Substring, number lineNumber: Int, kind: LexiconKind, path: String) throws
        -> (term: String, entry: LexiconEntry)
    {
        // A trailing note column is allowed beyond the declared ones.
        // Split on scalars, not `Character`s: a tab never joins a grapheme, and walking graphemes cost two thirds of
        // the parsing's time.
        let columns = line.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false)
            .map { String(Substring($0).trimmingBlanks()) }
        guard columns.count >= kind.columnCount, !columns[0].isEmpty else {
            if columns.count == 1, columns[0].unicodeScalars.contains(where: { $0 == " " || $0 == "\u{3000}" }) {
                throw LexiconError.spacesWithoutTab(path: path, line: lineNumber, expected: kind.columnCount)
            }
            throw LexiconError.wrongColumnCount(path: path, line: lineNumber, expected: kind.columnCount,
                                                found: columns.count)
        }
        let term = LexiconTerm.fold(columns[0])
        /// A plain decimal within `range` (written as the README gives it in `shown`).
        func number(_ index: Int, _ name: String, _ range: ClosedRange<Double>, _ shown: String,
                    excludingLowerBound: Bool = false) throws -> Double {
            guard isPlainDecimal(columns[index]), let value = Double(columns[index]), value.isFinite else {
                throw LexiconError.badNumber(path: path, line: lineNumber, column: name, value: columns[index])
            }
            guard range.contains(value), !(excludingLowerBound && value == range.lowerBound) else {
                throw LexiconError.outOfRange(path: path, line: lineNumber, column: name, value: columns[index],
                                              range: shown)
            }
            return value
        }
        func weight(_ index: Int) throws -> Double {
            try number(index, "weight", 0...1, "(0, 1]", excludingLowerBound: true)
        }
        func choice<T: RawRepresentable>(_ index: Int, _ name: String, _ type: T.Type) throws -> T
            where T.RawValue == String, T: CaseIterable
        {
            guard let value = T(rawValue: columns[index].lowercased()) else {
                throw LexiconError.badValue(path: path, line: lineNumber, column: name, value: columns[index],
                                            allowed: T.allCases.map(\.rawValue))
            }
            return value
        }
        /// Cue files take an optional context column (see `CueContext`).
        func context(_ index: Int) throws -> CueContext? {
            guard index < columns.count, !columns[index].isEmpty else { return nil }
            do {
                return try CueContext(parsing: columns[index])
            } catch {
                throw LexiconError.badContext(path: path, line: lineNumber, piece: error.piece)
            }
        }
        var entry = LexiconEntry()
        switch kind {
        case .sentiment: entry.valence = try number(1, "valence", -4...4, "−4…4")
        case .negator:
            entry.isNegator = true
            // `zarcely  scope=5`, spaces where the TAB belongs, made a term no comment holds.
            if term.split(separator: " ").dropFirst().contains(where: { $0.hasPrefix("scope") }) {
                throw LexiconError.badScope(path: path, line: lineNumber, value: columns[0])
            }
            // An optional second column `scope=N` gives the negator's scope in words; any other second column is a
            // note, as for every kind, unless it starts like a scope (`Scope=6`, `scope =6`, `scope:6`): a scope
            // mistyped is an error, not a note.
            if columns.count >= 2, columns[1].lowercased().hasPrefix("scope") {
                let value = columns[1].hasPrefix("scope=") ? String(columns[1].dropFirst("scope=".count)) : ""
                guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let scope = Int(value), scope > 0 else {
                    throw LexiconError.badScope(path: path, line: lineNumber, value: columns[1])
                }
                entry.negationScope = scope
            } else if columns.count >= 2, columns[1].lowercased() == "need" {
                // `need` marks a negator of need (不用, "no need to"; `LexiconEntry.isNeedNegator`).
                entry.isNeedNegator = true
            }
        case .function: entry.isFunctionWord = true
        case .compound: entry.isCompound = true
        case .interjection: entry.isInterjection = true
        case .exclamative: entry.exclamative = try choice(1, "role", ExclamativeRole.self)
        case .echo: entry.isEchoLink = true
        case .relief: entry.isRelief = true
        case .connective: entry.isConnective = true
        case .act: entry.negatedAct = try number(1, "valence when negated", -4...4, "−4…4")
        case .remedy: entry.remedy = try number(1, "valence on a charge", -4...4, "−4…4")
        case .duration:
            // A unit's length in minutes, or the role of a word around the number (`DurationRole`).
            let value = columns[1].lowercased()
            if value == "lead" {
                entry.duration = .lead
            } else if value == "bound" {
                entry.duration = .bound
            } else if value == "ambiguous" {
                entry.duration = .ambiguous
            } else if value == "follow" {
                entry.duration = .follow
            } else if value == "trip" {
                entry.duration = .trip
            } else if let marker = DurationMarker(rawValue: value) {
                entry.duration = .marker(marker)
            } else if isPlainDecimal(columns[1]), !columns[1].hasPrefix("-"), let minutes = Double(columns[1]) {
                guard minutes > 0, minutes <= 5_256_000 else {
                    throw LexiconError.outOfRange(path: path, line: lineNumber, column: "length in minutes",
                                                  value: columns[1], range: "(0, 5256000] (ten years)")
                }
                entry.duration = .unit(minutes: minutes)
            } else {
                throw LexiconError.badValue(path: path, line: lineNumber, column: "length in minutes or role",
                                            value: columns[1], allowed: ["a number of minutes"] + DurationRole.keywords)
            }
        case .inflection:
            // The verb's forms, separated by spaces or `|`; each a single word other than the base.
            let forms = columns[1].split(whereSeparator: { $0 == " " || $0 == "|" })
                .map { LexiconTerm.fold(String($0)) }.filter { !$0.isEmpty }
            guard !forms.isEmpty, !term.contains(" "), forms.allSatisfy({ !$0.contains(" ") && $0 != term }) else {
                throw LexiconError.badValue(path: path, line: lineNumber, column: "forms", value: columns[1],
                                            allowed: ["one-word forms of a one-word base, separated by spaces or |"])
            }
            entry.inflections = forms
            entry.inflectionContext = try context(2)
        case .amount: entry.amount = try choice(1, "role", AmountRole.self)
        case .waitBound:
            preconditionFailure("wait-bound lines are parsed by parseWaitBounds")
        case .scale:
            // `cost`, `wait`, `quantity` or `staff` marks a noun a scale word measures (价格, "price"; 排队, "queue"; 分量;
            // 服务员, "waiter"); any other value is the
            // scale word's valence, and an optional third column the class of noun it measures ("long": `wait`).
            if let noun = ScaleNoun(rawValue: columns[1]) {
                entry.scaleNoun = noun
            } else {
                entry.scale = try number(1, "valence, 'cost', 'wait', 'quantity' or 'staff'", -4...4, "−4…4")
                if columns.count >= 3, !columns[2].isEmpty {
                    entry.scaleMeasures = try choice(2, "noun class", ScaleNoun.self)
                }
            }
        case .degree: entry.degree = try number(1, "multiplier", -4...4, "−4…4")
        case .contrast: entry.contrast = try choice(1, "role", ContrastRole.self)
        case .irrealis: entry.irrealis = try choice(1, "role", IrrealisRole.self)
        case .dimension:
            let dimension = try choice(1, "dimension", ServiceDimension.self)
            entry.cues = [DimensionCue(dimension, weight: try weight(2), context: try context(3))]
        case .aspect:
            let aspect = try choice(1, "aspect", Aspect.self)
            entry.aspects = [AspectCue(aspect, weight: try weight(2), context: try context(3))]
        case .signal:
            guard let cue = SignalCue(parsing: columns[1], context: try context(2)) else {
                throw LexiconError.badValue(path: path, line: lineNumber, column: "signal", value: columns[1],
                                            allowed: SignalValue.allCases.map(\.rawValue)
                                                + SignalKind.allCases.map(\.rawValue) + SignalCue.recoveryRoleNames
                                                + SignalCue.modifierRoleNames)
            }
            entry.signals = [cue]
        }
        return (term, entry)
    }
}

