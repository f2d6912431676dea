import Foundation
import RaterCore
import RaterReport

/// Renders the workspace's pages with the report's escaping HTML builder: every comment, field value, term and
/// analyst name goes through `HTMLEscape`, and the page loads only its own stylesheet and script (the server's
/// Content-Security-Policy forbids inline script and style), so hostile comment text has nothing to run in.
public struct ReviewPageRenderer: Sendable {
    /// Put in every form that changes state; the server rejects posts without it (CSRF).
    public var csrfToken: String
    /// Who corrections are recorded as.
    public var analyst: String

    public init(csrfToken: String, analyst: String) {
        self.csrfToken = csrfToken
        self.analyst = analyst
    }

    /// Keys of the dimension toggles, in RATER order.
    static let dimensionKeys: [(ServiceDimension, String)] = [
        (.reliability, "1"), (.assurance, "2"), (.tangibles, "3"), (.empathy, "4"), (.responsiveness, "5"),
    ]

    // MARK: The list

    /// The list page. `errors` are what the request asked for and did not get (a filter that could not be
    /// applied); `notices` are what the page did instead of what was asked (the last page for one past the end).
    public func list(_ data: ReviewPageData, filter: ReviewFilter, store: ReviewStoreInfo,
                     progress: (comments: Int, reviewed: Int), errors: [String] = [],
                     notices: [String] = []) -> String {
        page(title: "Rater review") { body in
            header(progress: progress, returnPath: filter.path(), into: &body)
            filters(filter, store: store, into: &body)
            for error in errors { body.element("p", [("class", "error"), ("role", "alert")], text: error) }
            for notice in notices { body.element("p", [("class", "notice"), ("role", "status")], text: notice) }
            body.element("p", [("class", "count"), ("id", "count"), ("data-total", String(data.total))],
                         text: Self.count(data))
            body.element("main", [("id", "comments")]) { main in
                for (index, comment) in data.comments.enumerated() {
                    self.comment(comment, index: index, returnPath: filter.path(), into: &main)
                }
                if data.comments.isEmpty { main.element("p", [("class", "empty")], text: "No comment matches these filters.") }
            }
            pager(data, filter: filter, into: &body)
            help(into: &body)
        }
    }

    private func header(progress: (comments: Int, reviewed: Int), returnPath: String, into html: inout HTMLBuilder) {
        html.element("header", [("class", "top")]) { header in
            header.element("h1", text: "Rater review")
            header.element("span", [("class", "progress"), ("id", "progress")],
                           text: "\(progress.reviewed) of \(progress.comments) reviewed")
            header.element("form", [("method", "post"), ("action", "/analyst"), ("class", "analyst")]) { form in
                hidden("csrf", csrfToken, into: &form)
                hidden("return", returnPath, into: &form)
                form.element("label") { label in
                    label.text("Analyst ")
                    label.element("input", [("name", "analyst"), ("value", analyst), ("maxlength", String(ReviewLimits.analystName)),
                                            ("required", "required"), ("autocomplete", "name")])
                }
                form.element("button", [("type", "submit")], text: "Set")
            }
            header.element("nav") { nav in
                nav.element("a", [("href", "/audit")], text: "Audit trail")
                nav.text(" · ")
                nav.element("a", [("href", "/export/gold.csv"), ("download", "rater-gold.csv")], text: "Export gold CSV")
                nav.text(" · ")
                nav.element("a", [("href", "#help"), ("class", "help-link")], text: "Keys (?)")
            }
        }
    }

    private func filters(_ filter: ReviewFilter, store: ReviewStoreInfo, into html: inout HTMLBuilder) {
        html.element("form", [("method", "get"), ("action", "/"), ("class", "filters"), ("id", "filters"),
                              ("role", "search")]) { form in
            form.element("label") { label in
                label.text("Search ")
                label.element("input", [("type", "search"), ("name", "q"), ("id", "search"), ("value", filter.search ?? ""),
                                        ("maxlength", String(ReviewLimits.search)), ("placeholder", "text, 文字")])
            }
            select("dimension", "Dimension", options: ServiceDimension.allCases.map { ($0.rawValue, Self.name($0)) },
                   selected: filter.dimension?.rawValue, into: &form)
            var aspects = [(String, String)]()
            for aspect in Aspect.allCases {
                aspects.append((aspect.rawValue, Self.name(aspect) + ": any"))
                for label in SentimentLabel.allCases {
                    aspects.append((aspect.rawValue + "=" + label.rawValue, Self.name(aspect) + ": " + label.rawValue))
                }
            }
            select("aspect", "Aspect", options: aspects,
                   selected: filter.aspect.map { $0.rawValue + (filter.aspectLabel.map { "=" + $0.rawValue } ?? "") },
                   into: &form)
            select("label", "Label", options: SentimentLabel.allCases.map { ($0.rawValue, $0.rawValue) },
                   selected: filter.label?.rawValue, into: &form)
            var signals = [(String, String)]()
            for kind in SignalKind.allCases {
                signals.append((kind.rawValue, kind.rawValue + ": any"))
                for value in SignalValue.allCases where value.kind == kind {
                    signals.append((kind.rawValue + "=" + value.rawValue, kind.rawValue + ": " + value.rawValue))
                }
            }
            select("signal", "Signal", options: signals,
                   selected: filter.signal.map { $0.rawValue + (filter.signalValue.map { "=" + $0.rawValue } ?? "") },
                   into: &form)
            select("review", "Review", options: ReviewFilter.ReviewState.allCases.map { ($0.rawValue, $0.rawValue) },
                   selected: filter.review?.rawValue, into: &form)
            select("evidence", "Evidence", options: EvidenceKind.allCases.map { ($0.rawValue, Self.name($0)) },
                   selected: filter.evidence?.rawValue, into: &form)
            if store.sources.count > 1 || filter.source != nil {
                let sources = store.sources.contains(filter.source ?? "") || filter.source == nil
                    ? store.sources : store.sources + [filter.source!]
                select("source", "Source", options: sources.map { ($0, $0) }, selected: filter.source, into: &form)
            }
            if !store.runs.isEmpty || filter.run != nil {
                let runs = store.runs.contains { $0.id == filter.run } || filter.run == nil
                    ? store.runs : store.runs + [(filter.run!, filter.run!)]
                select("run", "Run", options: runs.map { ($0.id, $0.label) }, selected: filter.run, into: &form)
            }
            if !store.groupColumns.isEmpty {
                select("column", "Column", options: store.groupColumns.map { ($0, $0) }, selected: filter.groupColumn,
                       into: &form)
                form.element("label") { label in
                    label.text("= ")
                    label.element("input", [("name", "value"), ("value", filter.groupValue ?? ""), ("size", "12")])
                }
            }
            if let dateColumn = store.dateColumn {
                form.element("label", [("title", "date column: " + dateColumn)]) { label in
                    label.text("From ")
                    label.element("input", [("type", "date"), ("name", "from"), ("value", filter.dateFrom ?? "")])
                }
                form.element("label") { label in
                    label.text("To ")
                    label.element("input", [("type", "date"), ("name", "to"), ("value", filter.dateTo ?? "")])
                }
            }
            select("order", "Order", options: [("record", "source order"), ("low-confidence", "low confidence first")],
                   selected: filter.order.rawValue, any: false, into: &form)
            form.element("button", [("type", "submit"), ("id", "apply")], text: "Filter")
            form.element("a", [("href", "/")], text: "Clear")
        }
    }

    private func comment(_ comment: ReviewComment, index: Int, returnPath: String, into html: inout HTMLBuilder) {
        let anchor = "c-\(index)"
        let back = returnPath + "#" + anchor
        html.element("article", [("class", "comment" + (comment.isReviewed ? " reviewed" : "")), ("id", anchor),
                                 ("tabindex", "-1"), ("data-source", comment.source), ("data-key", comment.key),
                                 ("data-label", comment.label.rawValue)]) { article in
            article.element("header") { header in
                header.element("span", [("class", "chip label " + comment.label.rawValue), ("data-role", "label")],
                               text: comment.label.rawValue)
                if comment.label != comment.machineLabel {
                    header.element("span", [("class", "machine")], text: "machine: " + comment.machineLabel.rawValue)
                }
                if comment.isLearnedOnly {
                    // The reading analysts distrust, said where the label is, not only in the folded panel.
                    header.element("span", [("class", "chip learned-only"), ("data-role", "learned-only"),
                                            ("title", Self.learnedOnlyNote)], text: "learned weights only")
                }
                header.element("span", [("class", "meta")]) { meta in
                    meta.text("score " + Self.number(comment.score) + " · confidence " + Self.number(comment.confidence)
                              + (comment.serviceScore.map { " · service score " + Self.number($0) } ?? "") + " · ")
                    meta.element("bdi", text: comment.id)
                    meta.text(" · ")
                    meta.element("bdi", text: comment.source + ":" + String(comment.record))
                }
                if let last = comment.lastCorrection {
                    header.element("span", [("class", "reviewer")]) { span in
                        span.text("reviewed by ")
                        span.element("bdi", text: last.analyst)
                        span.text(" at " + last.createdAt)
                    }
                }
                staleNotice(comment, into: &header)
            }
            let highlight = TextHighlighter.highlight(comment.text, marks: Self.marks(comment))
            article.element("p", [("class", "text"), ("lang", comment.language == "zh" ? "zh-Hans" : "en")]) { p in
                p.element("bdi") { bdi in
                    for run in highlight.runs {
                        if let mark = run.mark {
                            bdi.element("mark", [("class", mark.kind.rawValue), ("title", mark.title)], text: run.text)
                        } else {
                            bdi.text(run.text)
                        }
                    }
                }
            }
            if highlight.isTruncated {
                article.element("p", [("class", "more")],
                                text: "Not every term is highlighted: the comment has more than the page marks.")
            }
            if !comment.fields.isEmpty {
                article.element("dl", [("class", "fields")]) { list in
                    for field in comment.fields.prefix(12) {
                        list.element("dt") { $0.element("bdi", text: field.name) }
                        list.element("dd") { $0.element("bdi", text: field.value) }
                    }
                }
            }
            article.element("ul", [("class", "dims"), ("aria-label", "dimensions")]) { list in
                for dimension in comment.dimensions {
                    let changed = dimension.machineLabel != dimension.label
                    list.element("li", [("class", "chip dim " + dimension.label.rawValue + (changed ? " corrected" : "")),
                                        ("data-dimension", dimension.dimension.rawValue),
                                        ("title", dimension.evidence.isEmpty ? "added by an analyst"
                                            : "cues: " + Self.list(dimension.evidence))],
                                 text: Self.name(dimension.dimension) + " " + Self.sign(dimension.label))
                }
                if comment.dimensions.isEmpty { list.element("li", [("class", "none")], text: "no dimension") }
            }
            if !comment.aspects.isEmpty {
                // The machine's reading only: aspects are shown, not corrected (no form names them).
                article.element("ul", [("class", "aspects"), ("aria-label", "aspects (not corrected)")]) { list in
                    for aspect in comment.aspects {
                        list.element("li", [("class", "chip aspect " + aspect.label.rawValue),
                                            ("data-aspect", aspect.aspect.rawValue),
                                            ("title", "aspect, not corrected; cues: " + Self.list(aspect.evidence.map(\.cue)))],
                                     text: Self.name(aspect.aspect) + " " + Self.sign(aspect.label))
                    }
                }
            }
            let judgedSignals = Set(comment.judgedSignals)
            let signals = comment.reviewedSignals
            if !signals.isEmpty || !judgedSignals.isEmpty {
                article.element("ul", [("class", "signals"), ("aria-label", "signals")]) { list in
                    for signal in signals {
                        let set = judgedSignals.contains(signal.kind)
                        list.element("li", [("class", "chip signal " + signal.value.rawValue + (set ? " corrected" : "")),
                                            ("data-signal", signal.kind.rawValue),
                                            ("title", signal.evidence.isEmpty ? "set by an analyst"
                                                : "cues: " + Self.list(signal.cues))],
                                     text: signal.kind.rawValue + ": " + signal.value.rawValue)
                    }
                    // A signal an analyst judged absent is shown as such, not left to look unread.
                    for kind in SignalKind.allCases where judgedSignals.contains(kind)
                        && !signals.contains(where: { $0.kind == kind }) {
                        list.element("li", [("class", "chip signal none corrected"), ("data-signal", kind.rawValue),
                                            ("title", "judged absent by an analyst")],
                                     text: kind.rawValue + ": none")
                    }
                }
            }
            explanation(comment, into: &article)
            actions(comment, back: back, into: &article)
        }
    }

    /// Corrections made on an earlier text of the comment: named, never shown as its label or dimensions, so an
    /// analyst sees that the judgement is about a text that is no longer there (and can judge the new one).
    private func staleNotice(_ comment: ReviewComment, into html: inout HTMLBuilder) {
        guard let last = comment.staleCorrections.last else { return }
        let judged = last.signal.map { " " + $0.rawValue + ":" + (last.signalValue?.rawValue ?? "none") }
            ?? last.value.map { " " + (last.dimension.map { $0.rawValue + ":" } ?? "") + $0.rawValue }
            ?? (last.dimension.map { " " + $0.rawValue } ?? "")
        let more = comment.staleCorrections.count > 1 ? " (and \(comment.staleCorrections.count - 1) more)" : ""
        html.element("span", [("class", "stale"), ("data-role", "stale"),
                              ("title", "corrections made on an earlier text of this comment are not applied")]) { span in
            span.text("stale: ")
            span.element("bdi", text: last.analyst)
            span.text(" set " + last.action.rawValue + judged + " on an earlier text at " + last.createdAt + more)
        }
    }

    /// The contributing terms to mark in the text, and the dimensions' cue words.
    static func marks(_ comment: ReviewComment) -> [TextHighlighter.Mark] {
        var marks = comment.terms.map { term in
            let kind: TextHighlighter.Kind = term.weight > 0 ? .positive : term.weight < 0 ? .negative : .neutral
            return TextHighlighter.Mark(needle: term.term, kind: kind, title: Self.describe(term))
        }
        for dimension in comment.machineDimensions {
            for evidence in dimension.evidence {
                marks.append(.init(needle: evidence.cue, kind: .cue, title: Self.name(dimension.dimension) + " cue"))
            }
        }
        return marks
    }

    private func explanation(_ comment: ReviewComment, into html: inout HTMLBuilder) {
        html.element("details", [("class", "why")]) { details in
            details.element("summary", text: "Why this score (\(comment.terms.count) terms"
                + (comment.isLearnedOnly ? ", learned weights only)" : ")"))
            if let kind = comment.evidenceKind {
                details.element("p", [("class", "evidence-kind " + kind.rawValue), ("data-evidence", kind.rawValue)],
                                text: Self.note(kind))
            }
            details.element("table") { table in
                table.element("thead") { head in
                    head.element("tr") { row in
                        for heading in ["term", "base", "rules", "weight", "from"] { row.element("th", text: heading) }
                    }
                }
                table.element("tbody") { body in
                    for term in comment.terms.prefix(ReviewLimits.termRows) {
                        body.element("tr") { row in
                            row.element("td") { $0.element("bdi", text: term.term) }
                            row.element("td", [("class", "num")], text: Self.number(term.base))
                            row.element("td", text: term.rules.joined(separator: ", "))
                            row.element("td", [("class", "num " + (term.weight > 0 ? "positive" : term.weight < 0 ? "negative" : ""))],
                                        text: Self.number(term.weight))
                            row.element("td", [("class", "origin" + (term.isLearned ? " learned" : ""))]) { cell in
                                cell.element("bdi", text: Self.origin(term) ?? "—")
                            }
                        }
                    }
                    if comment.terms.count > ReviewLimits.termRows {
                        body.element("tr", [("class", "more")]) { row in
                            row.element("td", [("colspan", "5")],
                                        text: "and \(comment.terms.count - ReviewLimits.termRows) more")
                        }
                    }
                }
            }
            let found = comment.machineDimensions.map { dimension in
                (Self.name(dimension.dimension), dimension.label, dimension.score, dimension.evidence)
            } + comment.aspects.map { aspect in
                (Self.name(aspect.aspect) + " (aspect)", aspect.label, aspect.score,
                 aspect.evidence.map { (cue: $0.cue, clause: $0.clause) })
            }
            for (name, label, score, evidence) in found {
                details.element("p", [("class", "evidence")]) { p in
                    p.text(name + " (" + label.rawValue + ", " + Self.number(score) + "): ")
                    for (index, item) in evidence.prefix(ReviewLimits.termRows).enumerated() {
                        if index > 0 { p.text(" · ") }
                        p.element("b") { $0.element("bdi", text: item.cue) }
                        p.text(" in “")
                        p.element("bdi", text: Self.excerpt(item.clause, around: item.cue))
                        p.text("”")
                    }
                    if evidence.count > ReviewLimits.termRows {
                        p.text(" · and \(evidence.count - ReviewLimits.termRows) more")
                    }
                }
            }
            // The machine's grounds, shown even when an analyst has set the signal otherwise.
            for signal in comment.signals { signalEvidence(signal, into: &details) }
        }
    }

    /// Why a signal was read, as `rater explain` says it: each cue, the negator that turned it (不会再来 is at risk
    /// because of 不) and the clause. The chip alone gave the analyst a verdict to correct without its grounds.
    private func signalEvidence(_ signal: ReviewComment.SignalReading, into html: inout HTMLBuilder) {
        html.element("p", [("class", "evidence signal"), ("data-signal", signal.kind.rawValue)]) { p in
            p.text(signal.kind.rawValue + " (" + signal.value.rawValue + "): ")
            if signal.evidence.isEmpty { p.text("no cue stored") }
            for (index, item) in signal.evidence.prefix(ReviewLimits.termRows).enumerated() {
                if index > 0 { p.text(" · ") }
                p.element("b") { $0.element("bdi", text: item.cue) }
                if let negator = item.negator {
                    p.text(" negated by ")
                    p.element("b") { $0.element("bdi", text: negator) }
                }
                p.text(" in “")
                p.element("bdi", text: Self.excerpt(item.clause, around: item.cue))
                p.text("”")
            }
            if signal.evidence.count > ReviewLimits.termRows {
                p.text(" · and \(signal.evidence.count - ReviewLimits.termRows) more")
            }
        }
    }

    private func actions(_ comment: ReviewComment, back: String, into html: inout HTMLBuilder) {
        html.element("div", [("class", "actions")]) { div in
            correctionForm(comment, back: back, into: &div) { form in
                // What "accept as shown" judges about the dimensions: refused if they have changed by the click.
                hidden("dimensions_shown", comment.dimensionPairs, into: &form)
                form.element("button", [("type", "submit"), ("name", "op"), ("value", "accept:" + comment.label.rawValue),
                                        ("data-key", "a"), ("class", "accept")], text: "Accept (a)")
                for (label, key) in [(SentimentLabel.positive, "p"), (.negative, "n"), (.neutral, "u")] {
                    form.element("button", [("type", "submit"), ("name", "op"), ("value", "label:" + label.rawValue),
                                            ("data-key", key), ("class", "set " + label.rawValue),
                                            ("aria-pressed", comment.label == label ? "true" : "false")],
                                 text: label.rawValue + " (" + key + ")")
                }
            }
            correctionForm(comment, back: back, into: &div) { form in
                let present = Dictionary(uniqueKeysWithValues: comment.dimensions.map { ($0.dimension, $0) })
                for (dimension, key) in Self.dimensionKeys {
                    let isPresent = present[dimension] != nil
                    // The toggle adds a missing dimension with the comment's label, or removes a present one.
                    let op = isPresent ? "remove_dimension:" + dimension.rawValue
                        : "add_dimension:" + dimension.rawValue + ":" + comment.label.rawValue
                    form.element("button", [("type", "submit"), ("name", "op"), ("value", op), ("data-key", key),
                                            ("class", "toggle"), ("aria-pressed", isPresent ? "true" : "false")],
                                 text: (isPresent ? "− " : "+ ") + Self.name(dimension) + " (" + key + ")")
                }
                for dimension in comment.dimensions {
                    for label in SentimentLabel.allCases where label != dimension.label {
                        form.element("button", [("type", "submit"), ("name", "op"),
                                                ("value", "add_dimension:" + dimension.dimension.rawValue + ":" + label.rawValue),
                                                ("class", "polarity " + label.rawValue),
                                                ("title", "set " + Self.name(dimension.dimension) + " to " + label.rawValue)],
                                     text: Self.name(dimension.dimension) + " " + Self.sign(label))
                    }
                }
            }
            // Folded: ten buttons a comment would crowd the page, and the chips above already show the reading.
            div.element("details", [("class", "signal-actions")]) { details in
                details.element("summary", text: "Set a signal")
                signalForm(comment, back: back, into: &details)
            }
        }
    }

    /// One button per value a signal can take, and none: setting the value it has confirms it.
    private func signalForm(_ comment: ReviewComment, back: String, into html: inout HTMLBuilder) {
        correctionForm(comment, back: back, into: &html) { form in
            let reviewed = comment.reviewedSignals
            for kind in SignalKind.allCases {
                let current = Set(reviewed.filter { $0.kind == kind }.map(\.value))
                let values = SignalValue.allCases.filter { $0.kind == kind }
                for value in values.map(Optional.some) + [nil] {
                    let name = value?.rawValue ?? "none"
                    let isCurrent = value.map { current == [$0] } ?? current.isEmpty
                    form.element("button", [("type", "submit"), ("name", "op"),
                                            ("value", "set_signal:" + kind.rawValue + ":" + name),
                                            ("class", "signal " + name), ("aria-pressed", isCurrent ? "true" : "false"),
                                            ("title", "set " + kind.rawValue + " to " + name)],
                                 text: kind.rawValue + ": " + name)
                }
            }
        }
    }

    private func correctionForm(_ comment: ReviewComment, back: String, into html: inout HTMLBuilder,
                                _ body: (inout HTMLBuilder) -> Void) {
        html.element("form", [("method", "post"), ("action", "/corrections")]) { form in
            hidden("csrf", csrfToken, into: &form)
            // Not the raw source and key: an attribute cannot carry every stored id back unchanged (CommentReference).
            hidden("ref", CommentReference.encode(source: comment.source, key: comment.key), into: &form)
            // The text this page shows, so a correction posted after a run changed it is refused, not misattributed.
            hidden("text_sha256", comment.textSHA256, into: &form)
            hidden("return", back, into: &form)
            body(&form)
        }
    }

    private func pager(_ data: ReviewPageData, filter: ReviewFilter, into html: inout HTMLBuilder) {
        html.element("nav", [("class", "pager"), ("aria-label", "pages")]) { nav in
            if data.page > 1 {
                nav.element("a", [("href", filter.path(page: data.page - 1)), ("rel", "prev"), ("id", "prev-page")],
                            text: "← previous page ([)")
            }
            nav.element("span", text: " page \(data.page) of \(data.pageCount) ")
            if data.page < data.pageCount {
                nav.element("a", [("href", filter.path(page: data.page + 1)), ("rel", "next"), ("id", "next-page")],
                            text: "next page (]) →")
            }
        }
    }

    private func help(into html: inout HTMLBuilder) {
        html.element("section", [("id", "help"), ("class", "help")]) { section in
            section.element("h2", text: "Keys")
            section.element("dl") { list in
                for (key, meaning) in [("j / ↓", "next comment"), ("k / ↑", "previous comment"), ("a", "accept as shown"),
                                       ("p · n · u", "set label positive · negative · neutral"),
                                       ("1–5", "toggle Reliability, Assurance, Tangibles, Empathy, Responsiveness"),
                                       ("/", "search"), ("] · [", "next · previous page"), ("?", "show or hide this help")] {
                    list.element("dt") { $0.element("kbd", text: key) }
                    list.element("dd", text: meaning)
                }
            }
        }
    }

    // MARK: The audit trail

    public func audit(_ corrections: [Correction], page: Int, hasMore: Bool) -> String {
        self.page(title: "Rater review — audit trail") { body in
            body.element("header", [("class", "top")]) { header in
                header.element("h1", text: "Audit trail")
                header.element("nav") { $0.element("a", [("href", "/")], text: "← comments") }
            }
            body.element("p", text: "Every correction, newest first. Rows are only ever added; the machine's results are kept as the run wrote them. "
                + "Status: stale means the comment's text has changed since (not applied, not exported), orphaned that the comment is no longer in the database.")
            body.element("table", [("class", "audit"), ("id", "audit")]) { table in
                table.element("thead") { head in
                    head.element("tr") { row in
                        for heading in ["#", "when", "analyst", "comment", "action", "dimension", "value", "machine label",
                                        "status"] {
                            row.element("th", text: heading)
                        }
                    }
                }
                table.element("tbody") { body in
                    for correction in corrections {
                        body.element("tr") { row in
                            row.element("td", [("class", "num")], text: String(correction.seq))
                            row.element("td", text: correction.createdAt)
                            row.element("td") { $0.element("bdi", text: correction.analyst) }
                            row.element("td") { $0.element("bdi", text: correction.source + " " + correction.commentKey) }
                            row.element("td", text: correction.action.rawValue)
                            // The dimension column names a set signal too; its value is the signal's (or none).
                            row.element("td", text: correction.subject)
                            row.element("td", text: correction.valueName)
                            row.element("td", text: correction.machineLabel.rawValue)
                            row.element("td", [("class", "status " + correction.status.rawValue)],
                                        text: correction.status.rawValue)
                        }
                    }
                }
            }
            body.element("nav", [("class", "pager")]) { nav in
                if page > 1 { nav.element("a", [("href", "/audit?page=\(page - 1)"), ("rel", "prev")], text: "← newer") }
                if hasMore { nav.element("a", [("href", "/audit?page=\(page + 1)"), ("rel", "next")], text: "older →") }
            }
        }
    }

    /// A short page for a refused or failed request; `back` is where its link returns (a path on the server).
    public func error(_ title: String, message: String, back: String = "/") -> String {
        page(title: title) { body in
            body.element("h1", text: title)
            body.element("p", [("class", "error"), ("role", "alert")], text: message)
            body.element("p") { $0.element("a", [("href", back)], text: "Back to the comments") }
        }
    }

    // MARK: Pieces

    private func page(title: String, _ body: (inout HTMLBuilder) -> Void) -> String {
        var html = HTMLBuilder()
        html.doctype()
        html.element("html", [("lang", "en")]) { page in
            page.element("head") { head in
                head.element("meta", [("charset", "utf-8")])
                head.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                head.element("title", text: title)
                head.element("link", [("rel", "stylesheet"), ("href", "/static/review.css")])
            }
            page.element("body") { content in
                body(&content)
                content.element("script", [("src", "/static/review.js")])
            }
        }
        html.newline()
        return html.output
    }

    private func hidden(_ name: String, _ value: String, into html: inout HTMLBuilder) {
        html.element("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    private func select(_ name: String, _ title: String, options: [(String, String)], selected: String?,
                        any: Bool = true, into html: inout HTMLBuilder) {
        html.element("label") { label in
            label.text(title + " ")
            label.element("select", [("name", name)]) { select in
                if any { select.element("option", [("value", "")], text: "any") }
                for (value, text) in options {
                    select.element("option", [("value", value), ("selected", value == selected ? "selected" : nil)],
                                   text: text)
                }
            }
        }
    }

    static func name(_ dimension: ServiceDimension) -> String {
        switch dimension {
        case .reliability: return "Reliability"
        case .assurance: return "Assurance"
        case .tangibles: return "Tangibles"
        case .empathy: return "Empathy"
        case .responsiveness: return "Responsiveness"
        }
    }

    static func name(_ aspect: Aspect) -> String {
        switch aspect {
        case .price: return "Price"
        case .product: return "Product"
        case .location: return "Location"
        }
    }

    static func sign(_ label: SentimentLabel) -> String {
        switch label {
        case .positive: return "+"
        case .negative: return "−"
        case .neutral: return "0"
        }
    }

    static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    /// "51–100 of 120 comments · page 2 of 3": the range is that of the comments on the page, so it never starts
    /// past its end; a page without comments shows no range ("0 comments · page 1 of 1").
    static func count(_ data: ReviewPageData) -> String {
        let pages = " · page \(data.page) of \(data.pageCount)"
        guard !data.comments.isEmpty else { return "\(data.total) comments" + pages }
        let first = (data.page - 1) * data.pageSize + 1
        return "\(first)–\(first + data.comments.count - 1) of \(data.total) comments" + pages
    }

    /// Why the list shows another page than the one asked for (`ReviewStore.page` clamps past the end).
    static func clampNotice(asked: Int, _ data: ReviewPageData) -> String {
        let filled = data.total == 0 ? "no comment matches these filters"
            : "\(data.total) comments fill \(data.pageCount) page" + (data.pageCount == 1 ? "" : "s")
        return "There is no page \(asked): \(filled). Showing page \(data.page)."
    }

    /// The clause as it is, or for a long one (a comment without punctuation is one clause) the part around the
    /// cue: the page shows each dimension's clauses, and a 1 MB clause repeated per cue made a 20 MB page.
    static func excerpt(_ clause: String, around cue: String, radius: Int = 100) -> String {
        // UTF-8 length first: counting the characters of a 1 MB clause for every cue cost what the excerpt saves.
        guard clause.utf8.count > 2 * radius + cue.utf8.count, clause.count > 2 * radius + cue.count else {
            return clause
        }
        let found = cue.isEmpty ? nil : clause.range(of: cue, options: .caseInsensitive)
        let start = clause.index(found?.lowerBound ?? clause.startIndex, offsetBy: -radius, limitedBy: clause.startIndex)
            ?? clause.startIndex
        let end = clause.index(found?.upperBound ?? start, offsetBy: found == nil ? 2 * radius : radius,
                               limitedBy: clause.endIndex) ?? clause.endIndex
        return (start > clause.startIndex ? "…" : "") + clause[start..<end] + (end < clause.endIndex ? "…" : "")
    }

    /// `a, b, c`, or the first `limit` items and `and N more` (a hover title need not list thousands of cues).
    static func list(_ items: [String], limit: Int = 20) -> String {
        let shown = items.prefix(limit).joined(separator: ", ")
        return items.count > limit ? shown + " and \(items.count - limit) more" : shown
    }

    static func describe(_ term: TermExplanation) -> String {
        "base " + number(term.base) + (term.rules.isEmpty ? "" : " · " + term.rules.joined(separator: ", "))
            + " → " + number(term.weight) + (origin(term).map { " (" + $0 + ")" } ?? "")
    }

    /// Where a term's weight came from, as `rater explain` says it: `learned · zh/learned-reviews.tsv` for corpus
    /// statistics, the file alone for a hand-written weight, nil when the result names neither (stored before they
    /// were recorded, or a weight no file gave).
    static func origin(_ term: TermExplanation) -> String? {
        if term.isLearned { return "learned" + (term.source.map { " · " + $0 } ?? "") }
        return term.source
    }

    /// What the badge's title and the panel say about a score resting on learned weights only.
    static let learnedOnlyNote = "learned weights only, no opinion word: the score says how these words lean in the "
        + "reviews the weights were learned from (a factual sentence leans too)"

    /// The panel's line on what the score rests on.
    static func note(_ kind: EvidenceKind) -> String {
        switch kind {
        case .opinion: return "Evidence: at least one opinion word (a hand-written weight) moved the score."
        case .learnedOnly: return "Evidence: " + learnedOnlyNote + "."
        case .none: return "Evidence: no term moved the score."
        }
    }

    /// The evidence filter's option names.
    static func name(_ kind: EvidenceKind) -> String {
        switch kind {
        case .opinion: return "opinion words"
        case .learnedOnly: return "learned weights only"
        case .none: return "no term"
        }
    }
}

/// What the filters need to know about the database.
public struct ReviewStoreInfo: Sendable {
    public var groupColumns: [String]
    public var dateColumn: String?
    /// The sources stored when the server started, for the source filter's choices.
    public var sources: [String]
    /// The latest runs (id and what to call it), for the run filter's choices.
    public var runs: [(id: String, label: String)]

    public init(groupColumns: [String], dateColumn: String?, sources: [String] = [],
                runs: [(id: String, label: String)] = []) {
        self.groupColumns = groupColumns
        self.dateColumn = dateColumn
        self.sources = sources
        self.runs = runs
    }
}
