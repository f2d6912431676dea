import RaterLexicon

/// A cue word found in a comment whose context conditions hold: what the dimension, aspect and signal tallies
/// read.
///
/// A hit names its lexicon entry rather than holding a copy: copying an entry retained and released its three role
/// arrays for every cue in every comment. `CueRoles` reads the roles through `roles`.
struct CueHit: Sendable, Equatable {
    /// The cue's bytes in the comment (the folded and original texts share offsets); its text is made only for the
    /// evidence that is written out.
    var range: Range<Int>
    /// Index into `SegmentedText.tokens` of the token the cue starts in.
    var token: Int
    /// Index into `ScoredComment.units` of the scoring unit (clause part) the cue is in.
    var unit: Int
    /// Where the cue's dimension, aspect and signal roles are, with the context conditions already checked.
    var roles: CueRoles.Source
    /// A negator governs the cue (不会*再来*, "would not *recommend*").
    var negated: Bool
    /// The negator, when there is one.
    var negator: String?
    /// A negated negator governs the cue (不是没有*退款*, "not that they didn't *refund*"): it is affirmed, not
    /// negated, and a recovery topic so governed reads as having happened.
    var affirmed = false
}
