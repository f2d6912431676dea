import RaterCore
import RaterAggregate

/// The report's language: every label comes from this table, in Chinese or English.
public enum ReportLocale: String, Sendable, CaseIterable {
    case zh, en

    /// The `lang` attribute of the page.
    public var languageTag: String { self == .zh ? "zh-CN" : "en" }

    public enum Key: Sendable, CaseIterable {
        case title, generated, comments, period, periods, allTime, allGroups, overall, overallSentiment, trend
        case dimensions, dimension, mentions, positive, negative, neutral, net, change, noPrevious
        case drivers, importance, performance, quadrant, ratings, nps, csat, ces, responses, signals, signal, rate
        case terms, positiveTerms, negativeTerms, examples, mostPositive, mostNegative, none, undated, groups
        case oneDay, chartTrendCaption, chartDimensionsCaption, chartDriversCaption, otherGroups, rSquared
        /// A rollup's value of the group columns it is over all values of (`branch: all`).
        case allValues
        case aspects, aspect, aspectsNote
        /// What the change column's `n=12/9` means and why some changes are greyed (`ChangeBasis`).
        case changeNote
        /// Why a driver table on few rated comments shows no quadrants (`DriverTable.isThin`).
        case driversThin
        /// The ratings tables' headings: by group, by period.
        case ratingsByGroup, ratingsByPeriod
        /// Between the two periods a change compares (`2026-11-27 vs 2026-11-26`).
        case versus
        /// The rating the driver analysis regresses on (`AggregationOptions.driverScale`).
        case ratingExplained
    }

    public func callAsFunction(_ key: Key) -> String {
        let (zh, en) = Self.table(key)
        return self == .zh ? zh : en
    }

    private static func table(_ key: Key) -> (String, String) {
        switch key {
        case .title: return ("客户满意度报告", "Customer satisfaction report")
        case .generated: return ("数据范围", "Data")
        case .comments: return ("评论数", "Comments")
        case .period: return ("时段", "Period")
        case .periods: return ("时段数", "Periods")
        case .allTime: return ("全部时间", "All time")
        case .allGroups: return ("全部", "Everyone")
        case .overall: return ("总体", "Overall")
        case .overallSentiment: return ("总体情感", "Overall sentiment")
        case .trend: return ("趋势", "Trend")
        case .dimensions: return ("RATER 五个维度", "The five RATER dimensions")
        case .dimension: return ("维度", "Dimension")
        case .mentions: return ("提及", "Mentions")
        case .positive: return ("正面", "Positive")
        case .negative: return ("负面", "Negative")
        case .neutral: return ("中性", "Neutral")
        case .net: return ("净情感", "Net sentiment")
        case .change: return ("较上期", "Change vs previous")
        case .noPrevious: return ("—", "—")
        case .drivers: return ("重要性–表现分析", "Importance–performance")
        case .importance: return ("重要性", "Importance")
        case .performance: return ("表现", "Performance")
        case .quadrant: return ("象限", "Quadrant")
        case .ratings: return ("评分指标", "Ratings")
        case .nps: return ("净推荐值 NPS", "NPS")
        case .csat: return ("满意度 CSAT", "CSAT")
        case .ces: return ("费力度 CES", "CES")
        case .responses: return ("回答数", "Responses")
        case .signals: return ("信号", "Signals")
        case .signal: return ("信号", "Signal")
        case .rate: return ("比例", "Rate")
        case .terms: return ("高频词", "Top terms")
        case .positiveTerms: return ("正面词", "Positive terms")
        case .negativeTerms: return ("负面词", "Negative terms")
        case .examples: return ("代表性评论", "Representative comments")
        case .mostPositive: return ("最正面", "Most positive")
        case .mostNegative: return ("最负面", "Most negative")
        case .none: return ("无", "None")
        case .undated: return ("无日期评论", "Comments without a date")
        case .groups: return ("分组", "Groups")
        case .oneDay: return ("只有一个时段，暂无趋势。", "Only one period: no trend yet.")
        case .chartTrendCaption: return ("每个时段的净情感（正面占比 − 负面占比）；零线以上为蓝，以下为橙",
                                         "Net sentiment per period (share positive − share negative); blue above zero, orange below")
        case .chartDimensionsCaption: return ("负面占比（橙，左）与正面占比（蓝，右），线段为 95% Wilson 区间",
                                              "Share negative (orange, left) and positive (blue, right); whiskers are 95% Wilson intervals")
        case .chartDriversCaption: return ("横轴：表现（净情感）；纵轴：重要性（R² 的份额）",
                                           "Across: performance (net sentiment); up: importance (share of R²)")
        case .otherGroups: return ("其余分组未显示", "further groups not shown")
        case .rSquared: return ("解释度 R²", "R²")
        case .driversThin: return ("有评分的评论太少：五个维度的拟合约需 \(DriverTable.stableRatedComments) 条（每个维度十条）才稳定，"
                                   + "下表的重要性仅供参考，不划分象限。",
                                   "Too few rated comments: a fit of five dimensions needs about "
                                   + "\(DriverTable.stableRatedComments) (ten each) to be stable, so the importances below are "
                                   + "indicative only and no quadrant is given.")
        case .allValues: return ("全部", "all")
        case .aspects: return ("其他方面：价格、产品、位置", "Other aspects: price, product, location")
        case .aspect: return ("方面", "Aspect")
        case .changeNote:
            return ("较上期：最新时段的净情感减去上一时段的；n=本期/上期的提及数。任一时段少于 \(ChangeBasis.minimumMentions) "
                        + "条提及的变化显示为灰色斜体：评论太少，不宜当作变化解读。",
                    "Change vs previous: net sentiment in the latest period minus the period before; n=latest/previous "
                        + "mentions. A change resting on fewer than \(ChangeBasis.minimumMentions) mentions in either "
                        + "period is greyed (italic): too few comments to read as a change.")
        case .versus: return ("对比", "vs")
        case .ratingExplained: return ("解释的评分", "Rating explained")
        case .ratingsByGroup: return ("按分组", "By group")
        case .ratingsByPeriod: return ("按时段", "By period")
        case .aspectsNote: return ("不属于 RATER 服务维度的话题，与维度并列统计；按提及次数排序",
                                   "Topics outside the RATER service dimensions, counted beside them; most mentioned first")
        }
    }

    public func dimension(_ dimension: ServiceDimension) -> String {
        switch (self, dimension) {
        case (.zh, .reliability): return "可靠性"
        case (.zh, .assurance): return "保证性"
        case (.zh, .tangibles): return "有形性"
        case (.zh, .empathy): return "同理心"
        case (.zh, .responsiveness): return "响应性"
        case (.en, _): return dimension.rawValue.prefix(1).uppercased() + dimension.rawValue.dropFirst()
        }
    }

    public func aspect(_ aspect: Aspect) -> String {
        switch (self, aspect) {
        case (.zh, .price): return "价格"
        case (.zh, .product): return "产品"
        case (.zh, .location): return "位置"
        case (.en, _): return aspect.rawValue.prefix(1).uppercased() + aspect.rawValue.dropFirst()
        }
    }

    /// Why the ratings' n is more than the comments: survey answers with a rating and no comment count in the
    /// ratings only (a user-side review: "Comments 112" beside "NPS n=119", unexplained).
    public func ratingOnlyNote(_ answers: Int) -> String {
        self == .zh
            ? "另有 \(answers) 份问卷只有评分、没有评论：计入评分指标，不计入评论数。"
            : (answers == 1 ? "1 survey answer has" : "\(answers) survey answers have")
                + " a rating and no comment: counted in the ratings, not in the comments."
    }

    /// A signal value such as `loyalty.at_risk`, as a label; unknown values are shown as they are (escaped).
    public func signal(_ name: String) -> String {
        let labels: [String: (String, String)] = [
            "expectation.exceeded": ("预期：超出", "Expectation: exceeded"),
            "expectation.met": ("预期：符合", "Expectation: met"),
            "expectation.fell_short": ("预期：未达到", "Expectation: fell short"),
            "recovery.recovered": ("补救：已解决", "Recovery: recovered"),
            "recovery.unresolved": ("补救：未解决", "Recovery: unresolved"),
            "loyalty.loyal": ("忠诚：会再来", "Loyalty: loyal"),
            "loyalty.at_risk": ("忠诚：流失风险", "Loyalty: at risk"),
        ]
        guard let pair = labels[name] else { return name }
        return self == .zh ? pair.0 : pair.1
    }

    public func quadrant(_ quadrant: String) -> String {
        let labels: [String: (String, String)] = [
            "concentrate here": ("重点改进", "Concentrate here"),
            "keep up the good work": ("继续保持", "Keep up the good work"),
            "low priority": ("低优先级", "Low priority"),
            "possible overkill": ("可能过度", "Possible overkill"),
        ]
        guard let pair = labels[quadrant] else { return quadrant }
        return self == .zh ? pair.0 : pair.1
    }
}
