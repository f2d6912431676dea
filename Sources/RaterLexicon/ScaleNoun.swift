/// What a noun a scale word measures names (kind `scale`): what the customer pays (`cost`: 价格, "price", "fee") or
/// waits through (`wait`: 排队, "queue", "wait times"). Both are bad when high or long and good when low or short, which
/// is why one rule serves them; a scale word may name the one it measures ("long" measures a wait, not a price).
///
/// A third class runs the other way: what the customer gets (`quantity`: 分量, 菜量, 肉, "portions") is bad when small or
/// few (分量也少, 肉太少) and good when ample, so its scale words are written for it alone (少, 多, 足; third column
/// `quantity`), and 高, 低, which measure any class, seldom follow it.
public enum ScaleNoun: String, Sendable, Equatable, CaseIterable {
    case cost
    case wait
    case quantity
}
