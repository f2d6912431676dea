import Foundation

/// A linear map from data values to SVG coordinates; values outside the domain are clamped so a wild value cannot
/// draw outside its chart.
public struct ChartScale: Sendable, Equatable {
    public var domain: ClosedRange<Double>
    public var range: ClosedRange<Double>
    /// True when larger values map to smaller coordinates (SVG's y axis grows downwards).
    public var inverted: Bool

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, inverted: Bool = false) {
        self.domain = domain
        self.range = range
        self.inverted = inverted
    }

    public func callAsFunction(_ value: Double) -> Double {
        let width = domain.upperBound - domain.lowerBound
        guard width > 0, value.isFinite else { return inverted ? range.upperBound : range.lowerBound }
        let t = (min(max(value, domain.lowerBound), domain.upperBound) - domain.lowerBound) / width
        let span = range.upperBound - range.lowerBound
        return inverted ? range.upperBound - t * span : range.lowerBound + t * span
    }
}

/// Numbers as the page shows them: fixed decimals, a real minus sign, independent of the machine's locale.
public enum ReportNumber {
    public static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = Int(rounded / scale)
        var text = String(whole)
        if digits > 0 {
            let fraction = String(Int(rounded) - whole * Int(scale))
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        let isZero = rounded == 0
        return (value < 0 && !isZero ? "−" : "") + text
    }

    /// A share as a percentage with one decimal: 0.4167 → `41.7%`.
    public static func percent(_ share: Double) -> String { fixed(share * 100, digits: 1) + "%" }

    /// A signed value with two decimals: `+0.25`, `−0.10`, `0.00`.
    public static func signed(_ value: Double, digits: Int = 2) -> String {
        let text = fixed(value, digits: digits)
        return value > 0 && text != fixed(0, digits: digits) ? "+" + text : text
    }

    /// SVG coordinates: one decimal, ASCII minus (SVG does not accept U+2212).
    public static func coordinate(_ value: Double) -> String {
        fixed(value, digits: 1).replacingOccurrences(of: "−", with: "-")
    }
}
