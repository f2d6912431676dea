/// With several `--group-by` columns, the rows of each leading run of them: for `region, branch`, a row per region
/// over all its branches beside the (region, branch) cells and all groups, as SQL's `GROUP BY ROLLUP(region, branch)`.
///
/// Why made from the cells and not counted per comment: tallies are counts and integer sums, so a region's tally is
/// exactly the sum of its cells' (the rows equal those of a run grouped by `region` alone, to the last digit), while
/// a dashboard cannot sum them from the cells' rounded shares, NPS, intervals or changes. Made when rows are made,
/// rollups cost nothing per comment, partials keep holding the cells alone (so partials written before rollups merge
/// into exact rollups too), and the extra memory is one tally per rollup key and period while rows are made, at
/// most the cells' own. One column has nothing to roll up: its rows are what they were.
extension Aggregation {
    /// The tallies of every key over the first 1…n−1 group columns, summed from the cells (keys over all n).
    var rollups: [AggregateKey: GroupAggregate] {
        let columns = options.groupBy.count
        guard columns > 1 else { return [:] }
        var rollups = [AggregateKey: GroupAggregate]()
        for (key, aggregate) in groups where key.groups.count == columns {
            for level in 1..<columns {
                rollups[AggregateKey(groups: Array(key.groups.prefix(level)), period: key.period),
                        default: GroupAggregate()].merge(aggregate)
            }
        }
        return rollups
    }
}
