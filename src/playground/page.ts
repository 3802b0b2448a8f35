/**
 * The playground: one self-contained HTML page that checks a policy as it is typed, draws its
 * schedule and scores data, all in the browser, by chitieu's own code (the script bundled from
 * editors/playground/ by scripts/bundle-playground.mjs). As the report: nothing to fetch, and a
 * Content Security Policy that lets only that script run (by its hash) and nothing load or connect.
 */
import type { Lang } from "../i18n/lang.js";
import { html, pageHead, trusted } from "../report/markup.js";
import { REPORT_CSS } from "../report/report-style.js";
import { PLAYGROUND_STYLE } from "./style.js";
import { PLAYGROUND_WORDS } from "./words.js";

/** What the page opens with: the policy in the editor and the files it imports, by path relative to it. */
export interface PlaygroundStart {
  readonly main: string;
  readonly files: Readonly<Record<string, string>>;
}

export interface PlaygroundOptions {
  /** Vietnamese unless said. */
  readonly lang?: Lang;
}

/** A script element's text may not contain `</script`, nor (in JSON) a `<!--` that changes how it ends. */
const inScript = (json: string): string => json.replace(/</g, "\\u003c");

/**
 * `</script` or `<!--` in the bundle's strings would end or confuse the element they are inlined in;
 * `<\/script` and `<\!--` mean the same in JavaScript strings and regular expressions.
 */
const inlineScript = (script: string): string => script.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");

export function playgroundHtml(bundle: string, start: PlaygroundStart, options: PlaygroundOptions = {}): string {
  const lang = options.lang ?? "vi";
  const script = inlineScript(bundle);
  const w = PLAYGROUND_WORDS[lang];
  const page = html`${pageHead(lang, w.title, REPORT_CSS + PLAYGROUND_STYLE, script)}
<body>
<header class="report"><div class="inner masthead">
<div><h1>${w.title}</h1><p>${w.intro}</p></div>
<div class="share"><button type="button" id="share">${w.share}</button><p id="share-status" role="status"></p></div>
</div></header>
<div class="workspace">
<section class="pane" aria-labelledby="policy-heading">
<h2 id="policy-heading">${w.policy} <span id="file-name" class="meta"></span></h2>
<div id="editor"></div>
<h2>${w.problems} <span id="problem-count" class="meta"></span></h2>
<ul id="problems" aria-live="polite"></ul>
<div id="imports"></div>
</section>
<section class="pane" aria-labelledby="schedule-heading">
<h2 id="schedule-heading">${w.schedule}</h2>
<div id="schedule"><p class="meta">${w.scheduleNone}</p></div>
</section>
</div>
<section class="data card" aria-labelledby="data-heading">
<h2 id="data-heading">${w.data}</h2>
<p class="meta">${w.dataIntro}</p>
<div class="inputs">
<div class="input"><label for="units-text">${w.units}</label>
<input type="file" id="units-file" accept=".csv,.txt,.json,.ndjson,.jsonl,.xlsx" aria-label="${w.units}: ${w.open}">
<textarea id="units-text" spellcheck="false" placeholder="${w.paste}"></textarea><p class="meta" id="units-name"></p></div>
<div class="input"><label for="data-text">${w.counts}</label>
<input type="file" id="data-file" accept=".csv,.txt,.json,.ndjson,.jsonl,.xlsx" aria-label="${w.counts}: ${w.open}">
<textarea id="data-text" spellcheck="false" placeholder="${w.paste}"></textarea><p class="meta" id="data-name"></p></div>
</div>
<p><label for="as-of-date">${w.asOf}</label> <input id="as-of-date" size="12" placeholder="2022-11-30"> <button type="button" id="evaluate">${w.evaluate}</button></p>
<p id="data-status" role="status"></p>
</section>
<section id="results" aria-label="${w.results}"><p class="meta">${w.resultsNone}</p></section>
<script type="application/json" id="playground-start">${trusted(inScript(JSON.stringify(start)))}</script>
<script>${trusted(script)}</script>
</body>
</html>
`;
  return page.text;
}
