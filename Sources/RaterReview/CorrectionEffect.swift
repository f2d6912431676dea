extension CorrectionRequest {
    /// Why this correction would change nothing in `comment`'s reviewed reading, or nil when it changes something
    /// or is a judgement in itself.
    ///
    /// A correction is a row in an append-only table and makes its comment *reviewed*: counted in the progress,
    /// exported as gold. One that changes nothing (removing a dimension the comment does not have, adding one with
    /// the polarity it already has, typically a double click or a page another analyst has since corrected) would
    /// do both on the strength of a click that judged nothing, so it is refused.
    ///
    /// Setting the label the comment already has, and accepting it, are not refused: confirming the label is the
    /// judgement the reviewed count and the gold file stand for (the page's `p`/`n`/`u` on the label shown is how an
    /// analyst confirms it from the keyboard), not a no-op.
    func unchangedReason(on comment: ReviewComment) -> String? {
        switch action {
        case .label, .accept, .setSignal:
            // Setting a signal to the reading it has confirms it, as setting the label does.
            return nil
        case .addDimension:
            guard let dimension, let value,
                  let present = comment.dimensions.first(where: { $0.dimension == dimension }),
                  present.label == value else { return nil }
            return "its \(ReviewPageRenderer.name(dimension)) is already \(value.rawValue)"
        case .removeDimension:
            guard let dimension, !comment.dimensions.contains(where: { $0.dimension == dimension }) else { return nil }
            return "it has no \(ReviewPageRenderer.name(dimension)) to remove"
        }
    }
}
