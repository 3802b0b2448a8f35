/** A checked policy's schedule: per metric, each tier's (and named unit's) milestones, and a chart of each target's ramp. */
import type { Lang } from "../../src/i18n/lang.js";
import { dateText } from "../../src/i18n/dates.js";
import { shortPercent } from "../../src/i18n/numbers.js";
import type { Policy } from "../../src/model/policy.js";
import { toNumber } from "../../src/number/rational.js";
import { rampChart } from "../../src/report/chart.js";
import { html, type Markup } from "../../src/report/markup.js";
import { REPORT_WORDS } from "../../src/report/report-words.js";
import { schedulesByTier } from "../../src/schedule/by-tier.js";
import { milestonesThrough } from "../../src/schedule/schedule.js";
import type { IsoDate } from "../../src/time/calendar.js";
import type { PlaygroundWords } from "../../src/playground/words.js";

export function scheduleMarkup(policy: Policy, lang: Lang, w: PlaygroundWords): Markup {
  const rows = schedulesByTier(policy);
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const name = (metric: string): string => policy.metrics.get(metric)?.name || metric;
  const r = REPORT_WORDS[lang];
  return html`${metrics.map(
    (metric) => html`<h3>${name(metric)}</h3>
<table class="schedule"><thead><tr><th>${w.subject}</th><th>${w.milestones}</th></tr></thead><tbody>
${rows
  .filter((row) => row.metric === metric)
  .map((row) => {
    const op = row.targets[0]?.comparison;
    const steps =
      row.status === "excluded"
        ? w.excluded
        : row.status === "conflict"
          ? w.conflict
          : `${row.milestones.map((m) => `${dateText(m.date, lang)} ${op ? r.comparison[op] : ""} ${shortPercent(toNumber(m.threshold), lang)}`).join(" · ")}${row.ongoing ? ` · ${w.ongoing}` : ""}`;
    return html`<tr data-subject="${row.subject.id}"><td>${row.subject.name || row.subject.id}</td><td>${steps}</td></tr>`;
  })}
</tbody></table>
${policy.targets
  .filter((target) => target.metric === metric)
  .map((target) => {
    const final = target.schedule.milestones.at(-1)?.date;
    // A repeating target is drawn to where it stops repeating: its own end, else the policy's.
    const last: IsoDate | undefined = target.schedule.repeat ? (target.schedule.repeat.until ?? policy.effective?.until ?? final) : final;
    if (!last) return "";
    const milestones = milestonesThrough(target.schedule, last).map((m) => ({ date: m.date, threshold: toNumber(m.threshold) }));
    return rampChart({
      lang,
      title: `${w.scheduleChart(target.name || target.id)}`,
      op: target.comparison,
      milestones,
      asOf: last,
      units: [],
      aggregates: [],
      labels: { ramp: r.ramp, unitsMet: r.unitsMet, unitsMissed: r.unitsMissed, unitsOther: r.unitsOther },
    });
  })}`,
  )}`;
}
