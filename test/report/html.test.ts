/** The HTML report as text: self-contained, escaped, in both languages, its chart drawn from the schedule and the history. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { compile } from "../../src/files/policy.js";
import type { Registry } from "../../src/data/types.js";
import { compileEvaluator } from "../../src/evaluate/evaluate.js";
import type { Policy } from "../../src/model/policy.js";
import { evaluationHistory, historyDates } from "../../src/evaluate/history.js";
import { reportHtml } from "../../src/report/html.js";
import { escapeHtml, html, trusted } from "../../src/report/markup.js";
import type { IsoDate } from "../../src/time/calendar.js";
import { observation, unit } from "../support/evaluation.js";

const POLICY = `
policy demo "Giao chỉ tiêu <thử nghiệm> & kiểm tra"
  decision "12/QĐ-UBND" issued by "UBND tỉnh Thử"
  effective 2022-08-01 until 2022-12-31
tier commune "UBND cấp xã"
field dossiers field online_dossiers
metric online_share "Tỷ lệ hồ sơ trực tuyến" = online_dossiers / dossiers
target ramp "Hồ sơ trực tuyến (cấp xã)" for tier commune:
  from 2022-09-30 online_share >= 20%, monthly +15%, by 2022-11-30 >= 50%
`;

const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

function setup(asOf: string, extra: readonly Record<string, string | number>[] = []) {
  const compiled = compile(POLICY, { file: "demo.ct" });
  const policy = compiled.policy as Policy;
  const units = [unit({ id: "a", name: "Xã An", tier: "commune" }), unit({ id: "evil", name: EVIL, tier: "commune" }), unit({ id: "quiet", name: "Xã Lặng", tier: "commune" })];
  const rows = [
    ...(extra as { unit: string; period: string }[]),
    { unit: "a", period: "2022-09", dossiers: 100, online_dossiers: 25 },
    { unit: "a", period: "2022-10", dossiers: 100, online_dossiers: 35 },
    { unit: "a", period: "2022-11", dossiers: 200, online_dossiers: 90 },
    { unit: "evil", period: "2022-09", dossiers: 10, online_dossiers: 1 },
    { unit: "evil", period: "2022-10", dossiers: 10, online_dossiers: 4 },
    { unit: "evil", period: "2022-11", dossiers: 10, online_dossiers: 6 },
  ];
  const evaluator = compileEvaluator(policy);
  const registry: Registry = { units, merges: [] };
  const prepared = evaluator.prepare({ registry, observations: rows.map((r, i) => observation(r, i + 2)) });
  const history = evaluationHistory(evaluator, prepared, asOf as IsoDate);
  return { policy, units, history, evaluation: history.at(-1)! };
}

describe("markup", () => {
  it("escapes every value it is given and passes through only markup made by html``", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p title="${'"onmouseover="x'}">${inner}${["<", 1, null, undefined, false]}</p>`.text).toBe('<p title="&quot;onmouseover=&quot;x"><b>&lt;i&gt;</b>&lt;1</p>');
    expect(html`${trusted("<style>a{}</style>")}`.text).toBe("<style>a{}</style>");
  });
});

describe("historyDates", () => {
  it("is every month end from the first month of data up to the as-of date, then the as-of date", () => {
    expect(historyDates(2022 * 12 + 7, "2022-11-30" as IsoDate)).toEqual(["2022-08-31", "2022-09-30", "2022-10-31", "2022-11-30"]);
    expect(historyDates(2022 * 12 + 7, "2022-10-15" as IsoDate)).toEqual(["2022-08-31", "2022-09-30", "2022-10-15"]);
    expect(historyDates(2023 * 12 + 1, "2023-02-28" as IsoDate)).toEqual(["2023-02-28"]);
    expect(historyDates(undefined, "2022-10-15" as IsoDate)).toEqual(["2022-10-15"]);
    expect(historyDates(2022 * 12 + 7, "2999-12-31" as IsoDate, 2022 * 12 + 9)).toEqual(["2022-08-31", "2022-09-30", "2022-10-31", "2999-12-31"]);
  });

  it("draws the months with data while the policy is in force, however far the as-of date or a stray row", () => {
    expect(setup("2999-12-31").history.map((e) => e.asOf)).toEqual(["2022-09-30", "2022-10-31", "2022-11-30", "2999-12-31"]);
    const early = setup("2022-11-30", [{ unit: "a", period: "1900-01", dossiers: 1, online_dossiers: 1 }]);
    expect(early.history.map((e) => e.asOf)).toEqual(["2022-08-31", "2022-09-30", "2022-10-31", "2022-11-30"]);
  });
});

describe("reportHtml", () => {
  const { policy, units, history, evaluation } = setup("2022-11-30");
  const page = reportHtml(evaluation, policy, history, { units });

  it("is one file that loads nothing: no URL, no external script, style or font, and a policy that forbids loading", () => {
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(page).not.toMatch(/<script[^>]+src=/i);
    expect(page).not.toMatch(/@import|url\(/);
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? "").replaceAll("&#39;", "'");
    expect(csp).toContain("default-src 'none'");
    // Only the report's own script may run, by its hash: an injected <script> would not.
    const scripts = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(csp).toContain(`script-src 'sha256-${createHash("sha256").update(scripts[0]!).digest("base64")}'`);
  });

  it("escapes a unit name from the registry wherever it is shown: table, chart tooltip, search key", () => {
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</span>");
    expect(page.match(/&lt;script&gt;alert/g)!.length).toBeGreaterThanOrEqual(3);
    // The policy's title is escaped too.
    expect(page).toContain("<h1>Giao chỉ tiêu &lt;thử nghiệm&gt; &amp; kiểm tra</h1>");
  });

  it("is in Vietnamese unless asked: title, basis, as-of date, and the figures written the Vietnamese way", () => {
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain("Căn cứ: 12/QĐ-UBND của UBND tỉnh Thử");
    expect(page).toContain('<span class="v" id="as-of">30/11/2022</span>');
    expect(page).toContain("Không còn mốc nào sau ngày này");
    // Xã An: 90 of 200 = 45.00% against >= 50%: 5 points and 10 dossiers short.
    const row = /<tr data-unit="a"[\s\S]*?<\/tr>/.exec(page)![0];
    expect(row).toContain(">45,00%<");
    expect(row).toContain(">≥ 50,00%<");
    expect(row).toContain(">5,00<");
    expect(row).toContain(">10<");
    expect(row).toContain('data-status="missed"');
    const en = reportHtml(evaluation, policy, history, { units, lang: "en" });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Legal basis: 12/QĐ-UBND, issued by UBND tỉnh Thử");
    expect(/<tr data-unit="a"[\s\S]*?<\/tr>/.exec(en)![0]).toContain(">45.00%<");
  });

  it("summarises the tier from summed counts, not from the mean of unit rates", () => {
    // 90 + 6 of 200 + 10 = 45.71%; the mean of 45% and 60% would be 52.5%.
    const total = /<tr class="" data-group="tier:commune:online_share">[\s\S]*?<\/tr>/.exec(page)![0];
    expect(total).toContain("45,71%");
    expect(total).toContain("96 / 210");
    expect(total).toMatch(/data-col="met">1</);
    expect(total).toMatch(/data-col="missed">1</);
    expect(total).toMatch(/data-col="no-data">1</);
  });

  it("draws the schedule as a step line through its milestones, each unit month by month, and the tier's total", () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(page)![0];
    const ramp = /<path class="ramp" d="([^"]+)"/.exec(svg)![1]!;
    // Three steps up (y falls as the threshold rises): 20%, 35%, 50%.
    const levels = [...ramp.matchAll(/(?:^M[\d.]+,|V)([\d.]+)/g)].map((m) => Number(m[1]));
    expect(levels).toHaveLength(3);
    expect(levels[0]!).toBeGreaterThan(levels[1]!);
    expect(levels[1]!).toBeGreaterThan(levels[2]!);
    // Each unit with results is one line of three monthly points; the unit without data has none.
    const unitA = /<g class="unit-line status-missed" data-unit="a"[\s\S]*?<\/g>/.exec(svg)![0];
    expect(unitA.match(/<circle/g)).toHaveLength(3);
    expect(unitA).toContain("30/09/2022 25,00%; 31/10/2022 35,00%; 30/11/2022 45,00%");
    const aggregate = /<g class="aggregate" data-tier="commune"[\s\S]*?<\/g>/.exec(svg)![0];
    expect(aggregate).toContain("30/11/2022 45,71%");
    expect(aggregate).toContain(">45,71%</text>");
  });

  it("dates a point by the month its counts cover: on 15/10 September's counts are judged, and the next milestone is 31/10", () => {
    const mid = setup("2022-10-15");
    const text = reportHtml(mid.evaluation, mid.policy, mid.history, { units: mid.units, lang: "en" });
    const unitA = /<g class="unit-line[^"]*" data-unit="a"[\s\S]*?<\/g>/.exec(text)![0];
    expect(unitA).toContain("<title>Xã An: 2022-09-30 25.00%</title>");
    expect(text).toContain('<span class="v" id="next-milestone">2022-10-31</span>');
    expect(text).toContain("<li>Hồ sơ trực tuyến (cấp xã): ≥ 35%</li>");
  });

  it("lists the scores of score statements, sortable and filterable with the rest", () => {
    const compiled = compile(`${POLICY}\nscore online "Điểm trực tuyến" for all = 10 * online_share round 2 half-up\n`, { file: "demo.ct" });
    const scored = compiled.policy as Policy;
    const evaluator = compileEvaluator(scored);
    const prepared = evaluator.prepare({
      registry: { units, merges: [] },
      observations: [observation({ unit: "a", period: "2022-11", dossiers: 200, online_dossiers: 90 }), observation({ unit: "evil", period: "2022-11", dossiers: 10, online_dossiers: 6 }, 3)],
    });
    const result = evaluator.evaluate(prepared, { asOf: "2022-11-30" as IsoDate });
    const text = reportHtml(result, scored, [result], { units, lang: "en" });
    const scores = /<section class="card" id="scores">[\s\S]*?<\/section>/.exec(text)![0];
    expect(scores).toContain('<table class="scores sortable">');
    expect(/<tr data-unit="a"[\s\S]*?<\/tr>/.exec(scores)![0]).toContain(">4.50<");
    expect(/<tr data-unit="evil"[\s\S]*?<\/tr>/.exec(scores)![0]).toContain(">6.00<");
    expect(scores).toContain('data-search="xa an a ubnd cap xa commune"');
  });

  it("lists data issues with file and line", () => {
    const withIssue = { ...evaluation, dataIssues: [{ code: "unknown-unit", file: "data<1>.csv", line: 7, column: "unit", message: "`unit` names no known unit: `<b>`", rejected: true }] };
    const text = reportHtml(withIssue, policy, history, { units });
    const issues = /<section class="card" id="data-issues">[\s\S]*?<\/section>/.exec(text)![0];
    expect(issues).toContain("<code>data&lt;1&gt;.csv</code></td><td class=\"num\">7</td><td>unit</td>");
    expect(issues).toContain("names no known unit: `&lt;b&gt;`");
    expect(issues).toContain(">loại<");
  });
});
