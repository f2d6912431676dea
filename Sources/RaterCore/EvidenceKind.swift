/// What a comment's sentiment rests on, as `rater explain` says it: analysts distrust a reading made of learned
/// weights alone ("Staff just disappeared." reads positive from a learned `staff`), so the result says which it is.
///
/// Stored as its raw value in results (`sentiment.evidence_kind`) and databases (`comments.evidence_kind`).
public enum EvidenceKind: String, Sendable, CaseIterable {
    /// At least one hand-written opinion word kept a weight after the rules.
    case opinion
    /// Every term that moved the score has a learned weight (corpus statistics about a string, no opinion word):
    /// the score says how these words lean in the reviews the weights were learned from.
    case learnedOnly = "learned_only"
    /// No term moved the score.
    case none
}
