import RaterCore

/// One row of aggregates, flat so every sink (SQLite, PostgreSQL, CSV, JSON) writes it the same way: a group, a
/// period, and a scope (the comment overall, one RATER dimension or one non-RATER aspect), with counts and the figures derived from them.
///
/// Counts are the mergeable truth; shares, means, intervals and changes are derived from them when rows are made,
/// so a row from a merged aggregation equals a row from one run over all the data.
public struct AggregateRow: Sendable, Equatable {
    /// Group-by columns and their values (`branch=西湖店`), in the order given; empty for the overall row.
    public var groups: [Field]
    /// The time bucket label (`2026-11-24`, `2026-W48`, `2026-11`), or nil when not grouped by time.
    public var period: String?
    /// `overall`, a RATER dimension's name, or a non-RATER aspect's (`price`, `product`, `location`).
    public var scope: String
    /// Comments in the group and period.
    public var comments: Int
    /// Comments that mention the scope (equal to `comments` for `overall`).
    public var mentions: Int
    public var positive: Int
    public var negative: Int
    public var neutral: Int
    public var sharePositive: Double
    public var shareNegative: Double
    public var shareNeutral: Double
    public var meanScore: Double
    /// Share positive minus share negative, in [-1, 1].
    public var netSentiment: Double
    /// 95% Wilson score intervals of the positive and negative shares.
    public var positiveInterval: ClosedRange<Double>
    public var negativeInterval: ClosedRange<Double>
    /// Net sentiment minus that of the previous period of the same group and scope, when there is one.
    public var netChange: Double?
    /// Signal rates over `mentions`: `expectation.exceeded`, `recovery.unresolved`, `loyalty.at-risk` …
    public var signals: [SignalRate]
    /// Numeric feedback beside the text, when the export has it (only on `overall` rows).
    public var ratings: RatingFigures?

    /// Whether the row's shares, mean, net sentiment, intervals and signal rates say anything: not on a row of a
    /// group or period whose only records are rating-only answers (no comment), which is there for its ratings.
    /// Its figures are 0 here, and every sink writes them as empty (CSV), null (JSON) or NULL (the databases):
    /// written as 0 they read "all neutral" on a dashboard.
    public var hasSentiment: Bool { mentions > 0 }

    public init(groups: [Field], period: String?, scope: String, comments: Int, mentions: Int, positive: Int,
                negative: Int, neutral: Int, sharePositive: Double, shareNegative: Double, shareNeutral: Double,
                meanScore: Double, netSentiment: Double, positiveInterval: ClosedRange<Double>,
                negativeInterval: ClosedRange<Double>, netChange: Double?, signals: [SignalRate],
                ratings: RatingFigures?) {
        self.groups = groups
        self.period = period
        self.scope = scope
        self.comments = comments
        self.mentions = mentions
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.sharePositive = sharePositive
        self.shareNegative = shareNegative
        self.shareNeutral = shareNeutral
        self.meanScore = meanScore
        self.netSentiment = netSentiment
        self.positiveInterval = positiveInterval
        self.negativeInterval = negativeInterval
        self.netChange = netChange
        self.signals = signals
        self.ratings = ratings
    }
}

/// How often a signal value occurs: `count` of the row's `mentions`, and the rate.
public struct SignalRate: Sendable, Equatable {
    /// `signal.value`, e.g. `loyalty.at-risk`.
    public var name: String
    public var count: Int
    public var rate: Double

    public init(name: String, count: Int, rate: Double) {
        self.name = name
        self.count = count
        self.rate = rate
    }
}

/// NPS, CSAT and CES of a group, from rating columns beside the text.
public struct RatingFigures: Sendable, Equatable {
    /// Net Promoter Score from 0–10 answers: % promoters (9–10) − % detractors (0–6), in [-100, 100].
    public var nps: Double?
    public var npsResponses: Int
    /// CSAT from 1–5 answers: the top-two-box share (4 or 5), in [0, 1].
    public var csat: Double?
    public var csatResponses: Int
    /// Customer Effort Score: the mean answer (1–7, higher is easier).
    public var ces: Double?
    public var cesResponses: Int

    /// Whether any answer was given (a group or period without rating answers shows dashes, not a row).
    public var hasResponses: Bool { npsResponses + csatResponses + cesResponses > 0 }

    public init(nps: Double?, npsResponses: Int, csat: Double?, csatResponses: Int, ces: Double?, cesResponses: Int) {
        self.nps = nps
        self.npsResponses = npsResponses
        self.csat = csat
        self.csatResponses = csatResponses
        self.ces = ces
        self.cesResponses = cesResponses
    }
}
