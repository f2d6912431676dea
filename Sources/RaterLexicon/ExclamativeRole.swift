/// A term's part in an exclamative comparison with everything ever met (kind `exclamative`): "I have never been so
/// disappointed", "never had such a bad meal", 从没这么失望过. A negator of experience before an exclamative degree word
/// does not negate the term after them but intensifies it; "not so good", 不那么干净 keep their soft negation.
///
/// A role, not a word list in the scorer, so that an analyst can add a negator (从未) or a degree word (如此) in
/// `exclamatives.tsv`. The term must also be a negator or a degree word in another file: the role only says which of
/// them make the exclamative.
public enum ExclamativeRole: String, Sendable, Equatable, CaseIterable {
    /// A negator of experience (never, 从没, 从来没有): negates as any negator unless an exclamative degree word
    /// follows it or opens the term.
    case experiential
    /// A negator of comparison (没有比, 没什么比): "nothing is more … than", a negator of experience where it opens its
    /// clause (没有比这更糟糕的服务了), and an ordinary, soft negator after the clause's subject, where it compares
    /// that subject with one other thing only (味道没有比以前更好: "no better than before").
    case comparative
    /// A degree word (so, such a, more, 这么, 那么, 如此) that makes the exclamative after a negator of experience, as a
    /// word before the term or as the opening of a longer term (a learned 这么差).
    case degree
}
