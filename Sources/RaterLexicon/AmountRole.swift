/// A term's part in an amount of money said to be small (kind `amount`): 挂号费才五块钱, "only $5 for parking".
public enum AmountRole: String, Sendable, Equatable, CaseIterable {
    /// A currency word after the number (块钱, 元, "dollars", "bucks"): the scorer reads back from it over the number
    /// to a `cheap` word.
    case unit
    /// A currency sign before the number ($, £, €, ¥): the number follows it, the `cheap` word stands before it.
    case prefix
    /// A word saying the amount is small (才, 只要, 仅, "only", "just"): held apart from the matcher's terms, as the
    /// words of a stated wait are, and read only before an amount (`Amounts`).
    case cheap
}
