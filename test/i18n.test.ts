/**
 * Vietnamese output reads as Vietnamese: every text the example run writes with `--lang vi`
 * (the eval table, schedule, explain, the HTML report, data issues) has no English sentence in it
 * once the policy's own ids, file names and quoted values are set aside; and figures are written
 * the Vietnamese way.
 */
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import type { Output } from "../src/cli/output.js";
import { LANGS } from "../src/i18n/lang.js";
import { dateText, monthText } from "../src/i18n/dates.js";
import { countText, percentText, pointsText } from "../src/i18n/numbers.js";

async function run(...argv: string[]): Promise<string> {
  const out: string[] = [];
  const io: Output = { out: (t) => out.push(t), err: (t) => out.push(t), lang: "vi", stdin: () => ["unit,period,dossiers,online_dossiers\nso-y-tee,2022-11,1.373,5\n"] };
  await main(argv, io);
  return out.join("");
}

const EXAMPLE = ["policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "examples/brvt-2022/data.csv", "--as-of", "2022-11-30"];

/** Words that would only be there in an English sentence. */
const ENGLISH = /(?<![\p{L}\p{N}])(the|of|is|are|not|and|by|to|with|from|than|more|no|rows?|read|used|rejected|flagged|excluded|missed|met|due|at least|target|milestone|threshold|counts?)(?![\p{L}\p{N}])/iu;

/** The text without what is the policy's or the data's own: quoted values, ids, file names, numbers. */
function prose(text: string): string {
  return text
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, " ")
    .replace(/`[^`]*`|"[^"]*"/g, " ")
    .replace(/\S*[_\-./:\d]\S*/g, " ")
    .replace(/\b(province|district|commune)\b/g, " ");
}

describe("Vietnamese output of the example run", () => {
  it.each([
    ["the eval table", ["eval", ...EXAMPLE, "--lang", "vi"]],
    ["the schedule", ["--lang", "vi", "schedule", "policies/brvt-2139-2022.ct"]],
    ["explain, for a unit that missed and one that is excluded", ["explain", ...EXAMPLE, "--unit", "thanh-tra-tinh", "--lang", "vi"]],
    ["explain, for a unit that missed", ["explain", ...EXAMPLE, "--unit", "chau-duc", "--lang", "vi"]],
    ["the HTML report", ["report", ...EXAMPLE]],
    ["data issues", ["eval", "policies/brvt-2139-2022.ct", "--units", "examples/brvt-2022/units.csv", "--data", "-", "--as-of", "2022-11-30", "--lang", "vi"]],
  ])("%s has no English sentence", async (_, argv) => {
    const text = await run(...argv);
    expect(text.length).toBeGreaterThan(100);
    const lines = prose(text).split("\n").filter((line) => ENGLISH.test(line));
    expect(lines).toEqual([]);
  });

  it("would catch an English sentence: the same run in English has them", async () => {
    const lines = prose(await run("eval", ...EXAMPLE, "--lang", "en")).split("\n");
    expect(lines.filter((line) => ENGLISH.test(line)).length).toBeGreaterThan(3);
  });

  it("writes dates dd/mm/yyyy and figures with the decimal comma, never the ISO or English forms", async () => {
    const table = await run("eval", ...EXAMPLE, "--lang", "vi");
    expect(table).toContain("tính đến 30/11/2022");
    expect(table).toMatch(/30\/11\/2022 {2}>= 80,00% {2}84,16%/);
    expect(table).toContain("(6.932/12.933)");
    expect(table).not.toMatch(/\d{4}-\d{2}-\d{2}|\d\.\d{2}%/);
    const schedule = await run("--lang", "vi", "schedule", "policies/brvt-2139-2022.ct");
    expect(schedule).toContain("31/10/2022  >= 65%  (bước)");
    expect(schedule).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("the JSON contract keeps ISO dates and plain numbers whatever the language", async () => {
    const json = JSON.parse(await run("eval", ...EXAMPLE, "--lang", "vi", "--format", "json")) as { asOf: string; results: { milestone: string; actual: number }[] };
    expect(json.asOf).toBe("2022-11-30");
    expect(json.results[0]!.milestone).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof json.results[0]!.actual).toBe("number");
  });
});

describe("the formats of each language", () => {
  it.each(LANGS)("%s writes a date, a month, a count, a percent and points its own way", (lang) => {
    const expected = {
      en: ["2022-11-30", "2022-11", "1,014", "84.16%", "-4.16"],
      vi: ["30/11/2022", "11/2022", "1.014", "84,16%", "-4,16"],
    }[lang];
    expect([dateText("2022-11-30", lang), monthText("2022-11", lang), countText(1014, lang), percentText(84.16, lang), pointsText(-4.16, lang)]).toEqual(expected);
  });
});

describe("the glossary", () => {
  it("names a tag and asks \"did you mean\" one way in each language, in every catalogue", async () => {
    const { TERMS, didYouMean } = await import("../src/i18n/glossary.js");
    expect(TERMS.vi.tag).toBe("nhóm");
    expect(didYouMean("so-y-te", "vi")).toBe("có phải là `so-y-te` không?");
    const { readFileSync, readdirSync } = await import("node:fs");
    const sources = readdirSync("src", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith("glossary.ts"));
    const text = sources.map((f) => readFileSync(`src/${f}`, "utf8")).join("\n");
    expect(text).not.toMatch(/nhãn|ý bạn là/);
  });
});
