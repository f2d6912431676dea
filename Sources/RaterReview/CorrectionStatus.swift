/// How a stored correction stands against the comment as the database holds it now. Read, never stored: a nightly
/// run may change it by re-analysing the comment under the same key.
public enum CorrectionStatus: String, Sendable, CaseIterable {
    /// The comment's text is the one the analyst judged: the correction is applied and exported.
    case current
    /// The comment's text has changed since (a re-export gave its key another text): the correction judged a text
    /// that is no longer there, so it is not applied, not exported, and the comment needs reviewing again.
    case stale
    /// There is no comment with this source and key (removed from the database, or the correction came from
    /// another one): nothing to apply it to.
    case orphaned
    /// Made before Rater stored what a correction judged (`text_sha256` is empty), so whether the text has changed
    /// cannot be told. Applied and exported as before, so that existing workspaces keep their gold.
    case unverified

    /// Whether the correction counts in the comment's reviewed reading (and the gold file).
    public var isApplied: Bool { self == .current || self == .unverified }
}

/// The corrections an export could not use, so it can say so instead of dropping them silently.
public struct CorrectionOmissions: Sendable, Equatable {
    /// Corrections of comments whose text has changed since, and how many comments they are on.
    public var staleCorrections = 0
    public var staleComments = 0
    /// Corrections of comments the database no longer holds, and how many (source, key) pairs they name.
    public var orphanedCorrections = 0
    public var orphanedComments = 0

    public init(staleCorrections: Int = 0, staleComments: Int = 0, orphanedCorrections: Int = 0,
                orphanedComments: Int = 0) {
        self.staleCorrections = staleCorrections
        self.staleComments = staleComments
        self.orphanedCorrections = orphanedCorrections
        self.orphanedComments = orphanedComments
    }

    public var isEmpty: Bool { staleCorrections == 0 && orphanedCorrections == 0 }
}
