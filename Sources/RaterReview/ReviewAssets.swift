/// The workspace's stylesheet and script, compiled into the binary so `rater serve` needs no files beside it.
///
/// They are served from `/static/` so the Content-Security-Policy can forbid inline script and style outright.
/// The script only adds keyboard shortcuts and focus: every action is a plain form post that works without it.
public enum ReviewAssets {
    public static let css: StaticString = """
    :root { --pos: #0072B2; --neg: #D55E00; --neu: #6b6b6b; --cue: #009E73; --bg: #fff; --fg: #1d1d1d; --line: #ddd; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.5 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
      "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: var(--fg); background: var(--bg); }
    header.top { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; padding: .6rem 1rem;
      border-bottom: 1px solid var(--line); background: #f7f7f7; }
    header.top h1 { font-size: 1.2rem; margin: 0; }
    form.filters { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; padding: .6rem 1rem;
      border-bottom: 1px solid var(--line); }
    form.filters input[type=search] { width: 16rem; }
    .count, .pager, .empty { padding: 0 1rem; color: #444; }
    .error { margin: .6rem 1rem; padding: .5rem .8rem; border-left: 4px solid var(--neg); background: #fdf0e8; }
    .notice { margin: .6rem 1rem; padding: .5rem .8rem; border-left: 4px solid var(--pos); background: #eef5fb; }
    main#comments { padding: 0 1rem; }
    article.comment { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: .7rem 0; }
    article.comment:focus { outline: 3px solid var(--pos); outline-offset: 2px; }
    article.comment.reviewed { border-left: 5px solid var(--cue); }
    article.comment header { display: flex; flex-wrap: wrap; gap: .3rem .8rem; align-items: baseline; font-size: .85rem; }
    .meta, .machine, .reviewer { color: #555; }
    .stale, td.status.stale, td.status.orphaned { color: #7a2e00; }
    .stale { border: 1px dashed var(--neg); border-radius: 3px; padding: 0 .3em; }
    p.text { font-size: 1.05rem; margin: .4rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    mark { border-radius: 3px; padding: 0 .1em; }
    mark.positive { background: #d5e8f6; color: #003f63; }
    mark.negative { background: #fadfcc; color: #7a2e00; }
    mark.neutral { background: #eee; }
    mark.cue { background: none; border-bottom: 2px solid var(--cue); }
    .chip { display: inline-block; border-radius: 999px; padding: 0 .6em; border: 1px solid currentColor; font-size: .85rem; }
    .chip.positive { color: var(--pos); } .chip.negative { color: var(--neg); } .chip.neutral { color: var(--neu); }
    .chip.corrected { border-style: dashed; }
    .chip.aspect { border-style: dotted; }
    .chip.learned-only { color: #7a2e00; background: #fff3e0; font-weight: 600; }
    td.origin { color: #555; font-size: .85rem; } td.origin.learned { color: #7a2e00; }
    p.evidence-kind.learned_only { color: #7a2e00; }
    ul.dims, ul.aspects, ul.signals { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem; padding: 0; margin: .3rem 0; }
    li.none { color: #888; font-size: .85rem; }
    dl.fields { display: flex; flex-wrap: wrap; gap: 0 .8rem; margin: .2rem 0; font-size: .8rem; color: #555; }
    dl.fields dt::after { content: ":"; } dl.fields dd { margin: 0; }
    details.why table { border-collapse: collapse; font-size: .85rem; margin: .3rem 0; }
    details.why td, details.why th { border-bottom: 1px solid var(--line); padding: .1rem .5rem; text-align: left; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.positive { color: var(--pos); } td.negative { color: var(--neg); }
    p.evidence { font-size: .85rem; margin: .2rem 0; }
    .actions { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin-top: .4rem; }
    .actions form { display: flex; flex-wrap: wrap; gap: .3rem; }
    .actions button { font-size: .8rem; padding: .15rem .5rem; cursor: pointer; }
    button[aria-pressed=true] { background: #e6f0f8; border-color: var(--pos); }
    button.polarity { font-size: .75rem; }
    details.signal-actions summary { font-size: .8rem; color: #555; cursor: pointer; }
    details.signal-actions form { margin-top: .3rem; }
    section.help { margin: 1rem; padding: .5rem 1rem; border: 1px solid var(--line); border-radius: 6px; }
    section.help dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    kbd { border: 1px solid #bbb; border-radius: 3px; padding: 0 .3em; background: #f4f4f4; }
    table.audit { border-collapse: collapse; margin: 1rem; font-size: .85rem; }
    table.audit td, table.audit th { border-bottom: 1px solid var(--line); padding: .2rem .6rem; text-align: left; }
    """

    public static let script: StaticString = """
    // Rater review: keyboard shortcuts over the server-rendered page. No comment text is read or written here;
    // actions click the page's own form buttons, so the server decides everything.
    (function () {
      "use strict";
      var comments = Array.prototype.slice.call(document.querySelectorAll("article.comment"));
      function current() {
        var active = document.activeElement;
        while (active && active !== document.body) {
          if (active.classList && active.classList.contains("comment")) { return active; }
          active = active.parentElement;
        }
        return null;
      }
      function focusAt(index, quietly) {
        if (comments.length === 0) { return; }
        var target = comments[Math.max(0, Math.min(comments.length - 1, index))];
        // On a fresh page the first comment takes the focus without scrolling the filters away.
        target.focus({ preventScroll: !!quietly });
        if (!quietly) { target.scrollIntoView({ block: "nearest" }); }
        if (!quietly && history.replaceState) { history.replaceState(null, "", "#" + target.id); }
      }
      function move(step) {
        var at = comments.indexOf(current());
        focusAt(at < 0 ? 0 : at + step);
      }
      function press(key) {
        var comment = current();
        if (!comment) { return false; }
        var button = comment.querySelector('button[data-key="' + key + '"]');
        if (!button) { return false; }
        button.click();
        return true;
      }
      document.addEventListener("keydown", function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey) { return; }
        var tag = event.target && event.target.tagName;
        if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
          if (event.key === "Escape") { event.target.blur(); focusAt(0); }
          return;
        }
        var key = event.key;
        var handled = true;
        if (key === "j" || key === "ArrowDown") { move(1); }
        else if (key === "k" || key === "ArrowUp") { move(-1); }
        else if (key === "/") { var search = document.getElementById("search"); if (search) { search.focus(); } }
        else if (key === "]") { var next = document.getElementById("next-page"); if (next) { next.click(); } }
        else if (key === "[") { var prev = document.getElementById("prev-page"); if (prev) { prev.click(); } }
        else if (key === "?") { var help = document.getElementById("help"); if (help) { help.hidden = !help.hidden; } }
        else if ("apnu12345".indexOf(key) >= 0 && key.length === 1) { handled = press(key); }
        else { handled = false; }
        if (handled) { event.preventDefault(); }
      });
      var help = document.getElementById("help");
      if (help) { help.hidden = true; }
      var start = location.hash ? document.getElementById(location.hash.slice(1)) : null;
      if (start && comments.indexOf(start) >= 0) { focusAt(comments.indexOf(start)); }
      else if (comments.length > 0 && document.activeElement === document.body) { focusAt(0, true); }
    })();
    """
}
