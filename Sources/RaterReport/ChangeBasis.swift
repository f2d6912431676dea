import RaterAggregate

/// What a change of net sentiment rests on: the mentions of the scope in the report's latest period and in the one
/// before. A change from one comment to two reads as a jump of ±1 or ±2 without this count, so the page prints it
/// beside every change and greys a change resting on fewer than `minimumMentions` in either period.
public struct ChangeBasis: Sendable, Equatable {
    /// Mentions in the latest period.
    public var latest: Int
    /// Mentions in the period before it.
    public var previous: Int

    /// Below this many mentions in either period a change is shown greyed, as too thin to read: net sentiment of ten
    /// comments moves by 0.1 with one comment, and the difference of two such figures has a standard error near 0.3.
    public static let minimumMentions = 10

    public init(latest: Int, previous: Int) {
        self.latest = latest
        self.previous = previous
    }

    /// The change's rows: nil when either period has no row for the scope (then there is no change to show).
    public init?(latest: AggregateRow?, previous: AggregateRow?) {
        guard let latest, let previous else { return nil }
        self.init(latest: latest.mentions, previous: previous.mentions)
    }

    public var isThin: Bool { min(latest, previous) < Self.minimumMentions }

    /// `n=12/9`: latest period first, as the column's header names it.
    public var label: String { "n=\(latest)/\(previous)" }
}
