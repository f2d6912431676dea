/// A term's part in an amount of money said to be small (kind `amount`): 挂号费才五块钱, "only $5 for parking".
public enum AmountRole: String, Sendable, Equatable, CaseIterable {
    /// A currency word after the number (块钱, 元, "dollars", "bucks"): the scorer reads back from it over the number
    /// to a `cheap` word.
    case unit
    /// A currency word that is also a measure word (块: 两块肉 is two pieces of meat, 三块钱的肉 three yuan's worth of
    /// it): read as a unit only where it closes its clause (才五块。, 才五块，很划算), where no noun it counts follows.
    case classifier
    /// A currency sign before the number ($, £, €, ¥): the number follows it, the `cheap` word stands before it.
    case prefix
    /// A word saying the amount is small (才, 只要, 仅, "only", "just"): held apart from the matcher's terms, as the
    /// words of a stated wait are, and read only before an amount (`Amounts`).
    case cheap
}
