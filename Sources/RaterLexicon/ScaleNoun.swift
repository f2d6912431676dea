/// What a noun a scale word measures names (kind `scale`): what the customer pays (`cost`: 价格, "price", "fee") or
/// waits through (`wait`: 排队, "queue", "wait times"). Both are bad when high or long and good when low or short, which
/// is why one rule serves them; a scale word may name the one it measures ("long" measures a wait, not a price).
///
/// A third class runs the other way: what the customer gets (`quantity`: 分量, 菜量, 肉, "portions") is bad when small or
/// few (分量也少, 肉太少) and good when ample, so its scale words are written for it alone (少, 多, 足; third column
/// `quantity`), and 高, 低, which measure any class, seldom follow it.
///
/// A fourth names whom the customer needs at hand (`staff`: 服务员, "waiter", "staff"): its only scale words are words of
/// absence (disappeared, vanished, 不见了; third column `staff`), and staff gone is a complaint ("the staff just
/// disappeared"). The clause often has no opinion word but the staff noun's learned lean ("staff" +0.58, from reviews
/// that praise staff), which then decided it; measured, the lean gives way (`LexiconEntry.scale`). A word of absence
/// alone measures nothing (the rash disappeared, 异味消失了 are good news), and a scale word written for every class (高,
/// "high") does not measure staff: a tall waiter is no complaint.
public enum ScaleNoun: String, Sendable, Equatable, CaseIterable {
    case cost
    case wait
    case quantity
    case staff
}
