import Foundation
import RaterCore

/// What the analyst asked to see: the list page's query string as a value.
///
/// Every field is optional; an empty filter lists every comment in source order. A value that is not one of the
/// known dimensions, labels or signals (or a column or date the database lacks) is not applied and is named on the
/// page (`FilterNotice`), so a typo shows as a notice instead of an empty list or a list silently unfiltered.
public struct ReviewFilter: Sendable, Equatable {
    public enum Order: String, Sendable, CaseIterable {
        /// Source and record order, as the export had them.
        case record
        /// Lowest confidence first: where the machine most needs a second opinion.
        case lowConfidence = "low-confidence"
    }

    public enum ReviewState: String, Sendable, CaseIterable {
        /// With at least one applied correction.
        case reviewed
        /// With none (a comment whose corrections are all stale is unreviewed: its text is new).
        case unreviewed
        /// Corrected on an earlier text and not since: the ones to judge again.
        case stale
    }

    /// Comments with this dimension after corrections.
    public var dimension: ServiceDimension?
    /// Comments the machine found speaking to this aspect (price, product, location), optionally with this label
    /// there (`price` or `price=negative`). Aspects are not corrected (`DimensionName`), so the machine's reading is
    /// the one filtered.
    public var aspect: Aspect?
    public var aspectLabel: SentimentLabel?
    /// Comments whose label after corrections is this.
    public var label: SentimentLabel?
    /// Comments with this signal, optionally with this value (`loyalty` or `loyalty=at_risk`).
    public var signal: SignalKind?
    public var signalValue: SignalValue?
    /// A passthrough column (branch, channel, …) and the value it must have.
    public var groupColumn: String?
    public var groupValue: String?
    /// Inclusive ISO dates (`2026-11-01`) compared with the date column's first ten characters.
    public var dateFrom: String?
    public var dateTo: String?
    /// Comments whose machine score rests on this (`evidence=learned_only`: the learned-weights-only readings to
    /// check first). The machine's reading: corrections set a label, not what the score rested on.
    public var evidence: EvidenceKind?
    /// Comments stored under this source (the name `rater analyze` stored the input under).
    public var source: String?
    /// Comments last written by this run (`runs.run_id`): what one night's run wrote, or wrote again.
    public var run: String?
    /// Text the comment must contain (case-insensitive for Latin letters).
    public var search: String?
    public var review: ReviewState?
    public var order: Order = .record
    /// 1-based.
    public var page: Int = 1

    public init() {}

    /// Reads the list page's query parameters, refusing the first one that cannot be applied. Empty values mean
    /// "any".
    public init(query: [(String, String)]) throws {
        let reading = Self.reading(query: query)
        if let first = reading.notices.first { throw ReviewError.invalidFilter(first.reason) }
        self = reading.filter
    }

    /// The stored sources that are `name` under a folder (`../w/fb.csv` for `fb.csv`), or whose file name is
    /// `name`'s (`fb.csv` for `exports/fb.csv`).
    static func storedSources(named name: String, in sources: [String]) -> [String] {
        func fileName(_ path: String) -> Substring { path.split(separator: "/").last ?? Substring(path) }
        let wanted = fileName(name)
        return sources.filter { $0 != name && fileName($0) == wanted }.sorted()
    }

    /// Reads the list page's query parameters, keeping every filter that can be applied and naming each one that
    /// cannot (`FilterNotice`). With `store`, a column no comment has and a date range without a date column are
    /// named too.
    ///
    /// A column no comment has is not applied (a notice listing the columns) rather than matching nothing: an empty
    /// list would read as "no comment from that branch", when the cause is nearly always a typo or a link made
    /// over another database; the notice says which, and the rest of the list is still filtered as asked.
    public static func reading(query: [(String, String)], store: ReviewStoreInfo? = nil)
        -> (filter: ReviewFilter, notices: [FilterNotice])
    {
        var filter = ReviewFilter()
        var notices = [FilterNotice]()
        func refuse(_ parameter: String, _ reason: String) { notices.append(FilterNotice(parameter: parameter, reason: reason)) }
        func value(_ name: String) -> String? {
            guard let raw = query.last(where: { $0.0 == name })?.1 else { return nil }
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        // A parameter no filter reads (a typo, `dimesion=reliability`, or a link made for another version) is named:
        // unread, it listed every comment, which looked like the filter's answer.
        // Names with no letter or digit (`=&&==`, a stray `&`) are noise and stay "any".
        for (name, _) in query where !parameters.contains(name)
            && name.unicodeScalars.contains(where: { CharacterSet.alphanumerics.contains($0) }) {
            guard !notices.contains(where: { $0.parameter == name }) else { continue }
            let near = parameters.filter { Self.isNear(name, $0) }.sorted()
            refuse(name, "unknown filter '\(name.prefix(40))'" + (near.first.map { " (did you mean \($0)?)" } ?? "")
                + "; filters: " + parameters.sorted().joined(separator: ", "))
        }
        if let text = value("dimension") {
            if let dimension = ServiceDimension(rawValue: text) {
                filter.dimension = dimension
            } else {
                refuse("dimension", DimensionName.filterProblem(text))
            }
        }
        if let text = value("aspect") {
            // `aspect` or `aspect=label`, read piece by piece as `signal` is.
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if let name = parts.first, let aspect = Aspect(rawValue: name) {
                if parts.count > 1 {
                    if let label = SentimentLabel(rawValue: parts[1]) {
                        filter.aspect = aspect
                        filter.aspectLabel = label
                    } else {
                        refuse("aspect", "'\(parts[1])' is not a label (positive, negative, neutral)")
                    }
                } else {
                    filter.aspect = aspect
                }
            } else {
                let name = parts.first ?? text
                refuse("aspect", ServiceDimension(rawValue: name) != nil
                    ? "'\(name)' is a dimension: filter it with the dimension filter"
                    : "unknown aspect '\(name)' (aspects: \(Aspect.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if let text = value("label") {
            if let label = SentimentLabel(rawValue: text) { filter.label = label } else { refuse("label", "unknown label '\(text)'") }
        }
        if let text = value("signal") {
            // `kind` or `kind=value`. Empty pieces are kept (`=`, `loyalty=`, `=at_risk`), so every piece is
            // looked up and a malformed value is refused instead of indexing a piece that is not there.
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if let name = parts.first, let kind = SignalKind(rawValue: name) {
                if parts.count > 1 {
                    if let reading = SignalValue(rawValue: parts[1]), reading.kind == kind {
                        filter.signal = kind
                        filter.signalValue = reading
                    } else {
                        refuse("signal", "'\(parts[1])' is not a value of \(kind.rawValue)")
                    }
                } else {
                    filter.signal = kind
                }
            } else {
                refuse("signal", "unknown signal '\(parts.first ?? text)'")
            }
        }
        if let column = value("column") {
            if let store, !store.groupColumns.contains(column) {
                refuse("column", "no comment has a column '\(column)'; " + (store.groupColumns.isEmpty
                    ? "the comments have no passthrough columns" : "columns: " + store.groupColumns.joined(separator: ", ")))
            } else {
                filter.groupColumn = column
                filter.groupValue = value("value")
            }
        } else if let text = value("value") {
            refuse("value", "'\(text)' needs a column to match")
        }
        if let text = value("source") {
            if text.utf8.count > ReviewLimits.search * 4 {
                refuse("source", "source name too long")
            } else if let store, !store.sources.contains(text),
                      case let near = Self.storedSources(named: text, in: store.sources), !near.isEmpty {
                // The file's name where the source is stored under its path as typed (`../w/fb.csv`): matching
                // nothing, the list read "no comment from that export" (a user-side review). A name stored under
                // no path at all may be a source a run stored since the workspace started, and is applied.
                refuse("source", "no source is stored as '\(text.prefix(80))'; did you mean "
                    + near.prefix(3).map { "'\($0)'" }.joined(separator: " or ") + "?")
            } else {
                filter.source = text
            }
        }
        if let text = value("run") {
            if text.utf8.count <= 64 { filter.run = text } else { refuse("run", "'\(text.prefix(64))…' is no run id") }
        }
        for name in ["from", "to"] {
            guard let date = value(name) else { continue }
            if !isISODate(date) {
                refuse(name, "'\(date)' is not a date (YYYY-MM-DD)")
            } else if let store, store.dateColumn == nil {
                refuse(name, "the comments have no date column (start the server with --date-column)")
            } else if name == "from" {
                filter.dateFrom = date
            } else {
                filter.dateTo = date
            }
        }
        if let from = filter.dateFrom, let to = filter.dateTo, from > to {
            refuse("to", "\(to) is before \(from): no day is in that range")
            filter.dateTo = nil
        }
        if let text = value("evidence") {
            if let kind = EvidenceKind(rawValue: text) {
                filter.evidence = kind
            } else {
                refuse("evidence", "unknown evidence '\(text)' (\(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        if let text = value("q") {
            if text.count <= ReviewLimits.search {
                filter.search = text
            } else {
                refuse("q", "search text longer than \(ReviewLimits.search) characters")
            }
        }
        if let text = value("review") {
            if let state = ReviewState(rawValue: text) { filter.review = state } else { refuse("review", "unknown review state '\(text)'") }
        }
        if let text = value("order") {
            if let order = Order(rawValue: text) { filter.order = order } else { refuse("order", "unknown order '\(text)'") }
        }
        if let text = value("page") {
            if let page = Int(text), page >= 1, page <= 1_000_000 {
                filter.page = page
            } else {
                refuse("page", "'\(text)' is not a page number (1, 2, 3 …)")
            }
        }
        return (filter, notices)
    }

    /// The query parameters that reproduce this filter (empty ones left out), `page` replaced when given.
    public func queryItems(page: Int? = nil) -> [(String, String)] {
        var items = [(String, String)]()
        if let dimension { items.append(("dimension", dimension.rawValue)) }
        if let aspect { items.append(("aspect", aspect.rawValue + (aspectLabel.map { "=" + $0.rawValue } ?? ""))) }
        if let label { items.append(("label", label.rawValue)) }
        if let signal { items.append(("signal", signal.rawValue + (signalValue.map { "=" + $0.rawValue } ?? ""))) }
        if let groupColumn {
            items.append(("column", groupColumn))
            if let groupValue { items.append(("value", groupValue)) }
        }
        if let dateFrom { items.append(("from", dateFrom)) }
        if let dateTo { items.append(("to", dateTo)) }
        if let evidence { items.append(("evidence", evidence.rawValue)) }
        if let source { items.append(("source", source)) }
        if let run { items.append(("run", run)) }
        if let search { items.append(("q", search)) }
        if let review { items.append(("review", review.rawValue)) }
        if order != .record { items.append(("order", order.rawValue)) }
        let page = page ?? self.page
        if page != 1 { items.append(("page", String(page))) }
        return items
    }

    /// `/?…` for this filter: the list page's own address, used for links and to return after a correction.
    public func path(page: Int? = nil) -> String {
        let items = queryItems(page: page)
        guard !items.isEmpty else { return "/" }
        return "/?" + items.map { FormEncoding.encode($0.0) + "=" + FormEncoding.encode($0.1) }.joined(separator: "&")
    }

    /// The query parameters the list page reads.
    static let parameters: Set = ["dimension", "aspect", "label", "signal", "column", "value", "from", "to", "evidence",
                                  "source", "run", "q", "review", "order", "page"]

    /// Whether `typed` is one edit (a letter left out, added, changed or two swapped) from `known`.
    static func isNear(_ typed: String, _ known: String) -> Bool {
        let a = Array(typed), b = Array(known)
        if a == b { return false }
        if a.count == b.count {
            let differ = a.indices.filter { a[$0] != b[$0] }
            return differ.count == 1
                || (differ.count == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] && a[differ[1]] == b[differ[0]])
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return short[i...] == long[(i + 1)...]
    }

    /// A real calendar day written `YYYY-MM-DD`: 2026-13-01 and 2026-02-30 matched nothing, with no word.
    static func isISODate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 10 else { return false }
        for (index, scalar) in scalars.enumerated() {
            if index == 4 || index == 7 {
                if scalar != "-" { return false }
            } else if !("0"..."9").contains(scalar) {
                return false
            }
        }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), parts[2] >= 1 else { return false }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
