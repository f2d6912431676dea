/// The report's stylesheet, inline so the file needs nothing else. System fonts only (with CJK fallbacks), no web
/// fonts; `@media print` drops the page background, avoids splitting a chart or table across pages and keeps the
/// colours of the charts. No `>` or `&` appears in it, so the page stays well-formed XML. Only properties the W3C
/// validator's CSS checker knows are used (the light colour scheme is a `<meta>`, printing colours the prefixed form),
/// so the page validates without errors. Comment text and table cells break anywhere when nothing else lets them
/// wrap (`overflow-wrap: anywhere`): one unbroken token of a hostile export widened the whole page. That also lets a
/// browser squeeze a column to fragments of words ("Responsiven/ess" at 980 px; a user-side review), so the first
/// column, which names the row (a dimension, an aspect, a group), keeps room for a name, and headers (Rater's own
/// words) wrap only between words.
enum ReportStyle {
    static let css: StaticString = """
        body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", \
        "Microsoft YaHei", sans-serif; color: #222222; background: #F6F6F4; margin: 0; line-height: 1.45; }
        main { max-width: 980px; margin: 0 auto; padding: 24px; background: #FFFFFF; }
        h1 { font-size: 1.6em; margin: 0 0 4px; }
        h2 { font-size: 1.25em; border-bottom: 2px solid #0072B2; padding-bottom: 4px; margin-top: 32px; }
        h3 { font-size: 1.05em; margin: 20px 0 6px; }
        .meta { color: #555555; margin: 0 0 16px; }
        .tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
        .tile { border: 1px solid #DDDDDD; border-radius: 6px; padding: 10px 14px; min-width: 120px; }
        .tile .value { font-size: 1.6em; font-weight: 600; display: block; }
        .tile .label { color: #555555; font-size: 0.85em; }
        .pos { color: #0060A0; }
        .neg { color: #A35C00; }
        .thin { color: #767676; font-style: italic; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.9em; }
        th, td { border-bottom: 1px solid #E4E4E4; padding: 4px 8px; text-align: left; vertical-align: top; \
        overflow-wrap: anywhere; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        th { overflow-wrap: normal; }
        th:first-child, td:first-child { min-width: 9em; }
        svg.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
        svg.chart text { font-size: 12px; fill: #222222; }
        svg.chart text.tick { fill: #555555; font-size: 11px; }
        figure { margin: 12px 0; }
        figcaption { color: #555555; font-size: 0.85em; }
        .terms { display: flex; flex-wrap: wrap; gap: 24px; }
        .terms ol { margin: 4px 0; padding-left: 20px; }
        blockquote { margin: 6px 0; padding: 6px 10px; border-left: 4px solid #DDDDDD; background: #FAFAFA; \
        overflow-wrap: anywhere; }
        blockquote.pos { border-left-color: #0072B2; color: #222222; }
        blockquote.neg { border-left-color: #E69F00; color: #222222; }
        blockquote .who { display: block; color: #666666; font-size: 0.8em; }
        .note { color: #666666; font-size: 0.85em; }
        @media print {
          body { background: #FFFFFF; }
          main { max-width: none; padding: 0; }
          section, figure, table, blockquote { break-inside: avoid; }
          h2 { break-after: avoid; }
          * { -webkit-print-color-adjust: exact; }
        }
        """
}
