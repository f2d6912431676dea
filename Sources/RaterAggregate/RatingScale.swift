import Foundation

/// The scales of the rating columns beside the text, and how one cell of them is read.
///
/// A cell is read once, here, and the one value feeds both the NPS/CSAT/CES tallies and the driver table: a value
/// the tallies refuse (`99` in a 1–5 column, `nan`, which `Double` parses) must not explain anything in the
/// driver table either, and a number too large for the fixed-point sums must not stop a nightly run.
public enum RatingScale: String, Sendable, Codable, CaseIterable {
    case nps
    case csat
    case ces

    /// The answers the question allows.
    public var range: ClosedRange<Double> {
        switch self {
        case .nps: return 0...10
        case .csat: return 1...5
        case .ces: return 1...7
        }
    }

    /// NPS answers are whole numbers — nobody answers 6.5 to "how likely are you to recommend us, 0 to 10" — and a
    /// decimal decides between detractor and passive by an accident of rounding, so it is refused. CSAT and CES
    /// keep decimals (some exports hold averaged answers); they are only used as numbers.
    public var wholeNumbers: Bool { self == .nps }

    /// The scale as the log names it: `NPS (0–10, whole numbers)`.
    public var description: String {
        switch self {
        case .nps: return "NPS (0–10, whole numbers)"
        case .csat: return "CSAT (1–5)"
        case .ces: return "CES (1–7)"
        }
    }

    /// The figure's short name, as the summary says what it covers: `NPS over 2 responses`.
    public var figureName: String { rawValue.uppercased() }

    /// What a cell holds: nothing (no column or blank), an answer on this scale, or something else.
    public enum Cell: Sendable, Equatable {
        case blank
        case answer(Double)
        case unreadable
    }

    /// Reads one cell. Full-width digits and points (`４`, `４．５`, as Chinese and Japanese input methods type
    /// them) are read as their ASCII forms (NFKC); otherwise only plain decimals are answers: `4`, `4.5`, `10`.
    /// Signs, exponents, `nan`, `inf`, hexadecimal and decimal commas (`4,5`: four and a half, or four and five?)
    /// are not.
    public func read(_ text: String?) -> Cell {
        guard let text else { return .blank }
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            trimmed = trimmed.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard !trimmed.isEmpty else { return .blank }
        let bytes = Array(trimmed.utf8)
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        let point = bytes.firstIndex(of: 0x2E)
        let whole = bytes[..<(point ?? bytes.endIndex)]
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        guard !whole.isEmpty, whole.allSatisfy(isDigit), point == nil || !fraction.isEmpty, fraction.allSatisfy(isDigit),
              bytes.count <= 32, let value = Double(trimmed), range.contains(value),
              !wholeNumbers || value.rounded() == value else { return .unreadable }
        return .answer(value)
    }
}
