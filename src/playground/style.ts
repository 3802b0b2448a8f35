/** The playground's layout, over the report's style sheet (its results are the report's sections). */
export const PLAYGROUND_STYLE = `
header.report .masthead { display: flex; gap: 24px; justify-content: space-between; align-items: flex-start; }
header.report .masthead h1 { margin: 0 0 4px; }
header.report .masthead { max-width: 1432px; }
header.report .masthead > div:first-child { flex: 1 1 auto; min-width: 0; }
header.report .share { text-align: right; min-width: 220px; }
header.report .share p { font-size: 12.5px; max-width: 320px; }
button { font: inherit; padding: 5px 12px; border-radius: 6px; border: 1px solid var(--line); background: #fff; cursor: pointer; }
header.report button { border-color: #60a5fa; }
.workspace { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); align-items: start; gap: 16px; max-width: 1480px; margin: 0 auto; padding: 16px 24px 0; }
.pane { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; min-width: 0; }
.pane:last-child { max-height: 820px; overflow: auto; }
.pane h2 { margin: 4px 0 8px; font-size: 16px; }
#editor .cm-editor { height: 460px; border: 1px solid var(--line); border-radius: 6px; font-size: 13.5px; }
#editor .cm-editor.cm-focused { outline: 2px solid #60a5fa; }
#editor .cm-scroller { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; }
.tok-keyword { color: #1d4ed8; font-weight: 600; }
.tok-comment { color: #6b7280; }
.tok-string { color: #047857; }
.tok-number { color: #b45309; }
#problems { list-style: none; margin: 0; padding: 0; max-height: 220px; overflow: auto; }
#problems li { border-left: 3px solid var(--missed); background: var(--missed-bg); padding: 4px 8px; margin: 4px 0; border-radius: 4px; cursor: pointer; }
#problems li.warning { border-color: var(--nodata); background: var(--nodata-bg); }
#problems li.clean { border-color: var(--met); background: var(--met-bg); cursor: default; }
#problems .where { font-family: monospace; font-weight: 600; margin-right: 6px; }
#problems .help { display: block; color: var(--muted); font-size: 12.5px; }
#imports pre { max-height: 160px; overflow: auto; background: var(--bg); border: 1px solid var(--line); padding: 6px; font-size: 12px; }
#schedule table { border-collapse: collapse; width: 100%; font-size: 13px; margin-bottom: 12px; }
#schedule th, #schedule td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
#schedule svg { max-width: 100%; height: auto; }
section.data { max-width: 1432px; margin: 16px auto; }
#results { max-width: 1480px; margin: 0 auto; }
#results > p.meta { padding: 0 24px; }
.inputs { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.input label { display: block; font-weight: 600; margin-bottom: 4px; }
.input textarea { width: 100%; height: 120px; font: 12px monospace; margin-top: 6px; }
#data-status.problem { color: var(--missed); font-weight: 600; }
#results > main { padding-top: 0; }
#results .toolbar { display: none; }
@media (max-width: 900px) { .workspace, .inputs { grid-template-columns: 1fr; } }
`;
