/// What a noun a scale word measures names (kind `scale`): what the customer pays (`cost`: 价格, "price", "fee") or
/// waits through (`wait`: 排队, "queue", "wait times"). Both are bad when high or long and good when low or short, which
/// is why one rule serves them; a scale word may name the one it measures ("long" measures a wait, not a price).
public enum ScaleNoun: String, Sendable, Equatable, CaseIterable {
    case cost
    case wait
}
