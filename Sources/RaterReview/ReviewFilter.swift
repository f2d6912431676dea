import Foundation
import RaterCore

/// What the analyst asked to see: the list page's query string as a value.
///
/// Every field is optional; an empty filter lists every comment in source order. Parsing rejects values that are
/// not one of the known dimensions, labels or signals, so a typo shows as an error instead of an empty list.
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
    /// Text the comment must contain (case-insensitive for Latin letters).
    public var search: String?
    public var review: ReviewState?
    public var order: Order = .record
    /// 1-based.
    public var page: Int = 1

    public init() {}

    /// Reads the list page's query parameters. Empty values mean "any".
    public init(query: [(String, String)]) throws {
        func value(_ name: String) -> String? {
            guard let raw = query.last(where: { $0.0 == name })?.1 else { return nil }
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        if let text = value("dimension") {
            guard let dimension = ServiceDimension(rawValue: text) else {
                throw ReviewError.invalidFilter("unknown dimension '\(text)'")
            }
            self.dimension = dimension
        }
        if let text = value("label") {
            guard let label = SentimentLabel(rawValue: text) else { throw ReviewError.invalidFilter("unknown label '\(text)'") }
            self.label = label
        }
        if let text = value("signal") {
            // `kind` or `kind=value`. Empty pieces are kept (`=`, `loyalty=`, `=at_risk`), so every piece is
            // looked up and a malformed value is refused instead of indexing a piece that is not there.
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let name = parts.first, let kind = SignalKind(rawValue: name) else {
                throw ReviewError.invalidFilter("unknown signal '\(parts.first ?? text)'")
            }
            signal = kind
            if parts.count > 1 {
                let value = parts[1]
                guard let reading = SignalValue(rawValue: value), reading.kind == kind else {
                    throw ReviewError.invalidFilter("'\(value)' is not a value of \(kind.rawValue)")
                }
                signalValue = reading
            }
        }
        groupColumn = value("column")
        groupValue = groupColumn == nil ? nil : value("value")
        for (name, date) in [("from", value("from")), ("to", value("to"))] {
            guard let date else { continue }
            guard Self.isISODate(date) else { throw ReviewError.invalidFilter("\(name) must be a date as YYYY-MM-DD") }
            if name == "from" { dateFrom = date } else { dateTo = date }
        }
        if let text = value("q") {
            guard text.count <= ReviewLimits.search else {
                throw ReviewError.invalidFilter("search text longer than \(ReviewLimits.search) characters")
            }
            search = text
        }
        if let text = value("review") {
            guard let state = ReviewState(rawValue: text) else { throw ReviewError.invalidFilter("unknown review state '\(text)'") }
            review = state
        }
        if let text = value("order") {
            guard let order = Order(rawValue: text) else { throw ReviewError.invalidFilter("unknown order '\(text)'") }
            self.order = order
        }
        if let text = value("page") {
            guard let page = Int(text), page >= 1, page <= 1_000_000 else {
                throw ReviewError.invalidFilter("page must be a positive number")
            }
            self.page = page
        }
    }

    /// The query parameters that reproduce this filter (empty ones left out), `page` replaced when given.
    public func queryItems(page: Int? = nil) -> [(String, String)] {
        var items = [(String, String)]()
        if let dimension { items.append(("dimension", dimension.rawValue)) }
        if let label { items.append(("label", label.rawValue)) }
        if let signal { items.append(("signal", signal.rawValue + (signalValue.map { "=" + $0.rawValue } ?? ""))) }
        if let groupColumn {
            items.append(("column", groupColumn))
            if let groupValue { items.append(("value", groupValue)) }
        }
        if let dateFrom { items.append(("from", dateFrom)) }
        if let dateTo { items.append(("to", dateTo)) }
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
        return true
    }
}
