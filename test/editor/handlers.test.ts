/** The language server's features called directly, as pure functions of an analysis and a position. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CompletionItem, MarkupContent } from "vscode-languageserver";
import { completion } from "../../src/editor/completion.js";
import { documentDiagnostics } from "../../src/editor/diagnostics.js";
import { codeActions } from "../../src/editor/fixes.js";
import { formatDocument } from "../../src/editor/formatting.js";
import { inlayHints } from "../../src/editor/hints.js";
import { hover } from "../../src/editor/hover.js";
import { definition, prepareRename, references, rename } from "../../src/editor/navigation.js";
import { documentSymbols, foldingRanges } from "../../src/editor/outline.js";
import { SEMANTIC_LEGEND, semanticTokens } from "../../src/editor/semantic.js";
import { formatSource } from "../../src/syntax/format.js";
import { analyseFile, analyseText, applyEdits, at, POLICIES, textIn } from "./support.js";

const BRVT = join(POLICIES, "brvt-2139-2022.ct");
const HOABINH = join(POLICIES, "hoabinh-1546-2022.ct");
const SHARED = join(POLICIES, "shared", "vn-tiers.ct");
const brvt = readFileSync(BRVT, "utf8");
const hoabinh = readFileSync(HOABINH, "utf8");
const bad = (name: string) => join("test", "fixtures", "bad", `${name}_bad.ct`);
const hoverText = (h: ReturnType<typeof hover>): string => (h?.contents as MarkupContent).value;
const labels = (items: readonly CompletionItem[]): string[] => items.map((i) => i.label);

describe("diagnostics", () => {
  it("carry the code, the severity, the range of the mistake and the fix on a line of its own", () => {
    const text = readFileSync(bad("ramp_mismatch"), "utf8");
    const [d, ...rest] = documentDiagnostics(analyseFile(bad("ramp_mismatch")));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "CT203", severity: 1, source: "chitieu" });
    expect(textIn(text, d!.range)).toBe("60%");
    expect(d!.message).toBe("ramp-mismatch: the ramp reaches 50% on 2022-11-30 but this milestone says 60%\nhelp: a step of +20% over 2 steps would reach 60%; or make the deadline 50%");
  });

  it("link the other rule of a conflict", () => {
    const [d] = documentDiagnostics(analyseFile(bad("conflicting_rules")));
    const text = readFileSync(bad("conflicting_rules"), "utf8");
    expect(d!.code).toBe("CT300");
    expect(d!.relatedInformation).toHaveLength(1);
    const related = d!.relatedInformation![0]!;
    expect(related.location.uri.endsWith("conflicting_rules_bad.ct")).toBe(true);
    expect(text.split("\n")[related.location.range.start.line]).toBe("target online_share_province");
  });

  it("are worded in Vietnamese in a file written with Vietnamese keywords, as `chitieu check --lang vi` words them", () => {
    const text = hoabinh.replace("năm 2022 ty_le_thanh_toan_truc_tuyen", "năm 2022 ty_le_thanh_toan_truc_tuyn");
    const [d] = documentDiagnostics(analyseFile(HOABINH, text));
    expect(d!.code).toBe("CT105");
    expect(d!.message).toContain("unknown-metric: chỉ số `ty_le_thanh_toan_truc_tuyn` chưa được khai báo");
    expect(d!.message).toContain("\ngợi ý: có phải là `ty_le_thanh_toan_truc_tuyen` không?");
  });

  it("point at the word in a text saved with a byte order mark and decomposed letters", () => {
    const text = `\uFEFFpolicy p "Ti\u0302\u0301u đe\u0300" effective 2022-01-01\ntier t "Ca\u0302\u0301p"\ntarget x "Mu\u0323c tiêu" for tier q:\n  by 2022-12-31 m >= 50%\n`;
    const analysis = analyseText(text);
    const ranges = documentDiagnostics(analysis).map((d) => textIn(text, d.range));
    expect(ranges).toEqual(["q", "m"]);
  });
});

describe("quick fixes", () => {
  const fixes = (path: string, needle: string, delta: number) => {
    const text = readFileSync(path, "utf8");
    const position = at(text, needle, delta);
    return { text, actions: codeActions(analyseFile(path, text), { start: position, end: position }) };
  };
  const applied = (text: string, action: ReturnType<typeof codeActions>[number]) => applyEdits(text, Object.values(action.edit!.changes!)[0]!);

  it("take the did-you-mean of an unknown name, and the policy then checks clean", () => {
    const { text, actions } = fixes(bad("unknown_metric"), "from 2022-09-30 servce_usage", 18);
    expect(actions.map((a) => a.title)).toEqual(["Change to `service_usage`"]);
    expect(actions[0]!.isPreferred).toBe(true);
    expect(documentDiagnostics(analyseFile(bad("unknown_metric"), applied(text, actions[0]!)))).toEqual([]);
  });

  it("offer both fixes of a ramp mismatch, the step or the deadline, each of which checks clean", () => {
    const { text, actions } = fixes(bad("ramp_mismatch"), ">= 20%, monthly +15%, by 2022-11-30 >= 60%", 40);
    const [step, deadline] = actions;
    expect(actions.map((a) => a.title)).toEqual(["Change the step to +20%", "Change the deadline to 50%"]);
    for (const action of [step!, deadline!]) expect(documentDiagnostics(analyseFile(bad("ramp_mismatch"), applied(text, action)))).toEqual([]);
    expect(applied(text, step!)).toContain("from 2022-09-30 online_share >= 20%, monthly +20%, by 2022-11-30 >= 60%");
    expect(applied(text, deadline!)).toContain("from 2022-09-30 online_share >= 20%, monthly +15%, by 2022-11-30 >= 50%");
  });

  it("leave out a step that no decimal reaches, keeping the deadline's fix", () => {
    const text = `policy p "P" effective 2022-01-01\nfield a\nfield b\nmetric m = a / b\ntarget t for all:\n  from 2022-09-30 m >= 20%, monthly +10%, by 2022-12-31 >= 60%\n`;
    const analysis = analyseText(text);
    const position = at(text, "60%");
    expect(codeActions(analysis, { start: position, end: position }).map((a) => a.title)).toEqual(["Change the deadline to 50%"]);
  });

  it("import the file of the policy's folder that defines a missing id, after the last import", () => {
    const text = brvt.replace('import "shared/vn-tiers.ct"\n', 'import "shared/vn-tiers.ct"\n').replace("field services_with_dossiers", "field services_with_dossiers_x");
    const withoutImport = text.replace('import "shared/vn-tiers.ct"\n', "");
    const position = at(withoutImport, "tier province except", 6);
    const actions = codeActions(analyseFile(BRVT, withoutImport), { start: position, end: position }, (kind, id) => (kind === "tier" && id === "province" ? [SHARED] : []));
    expect(actions.map((a) => a.title)).toEqual(['Import "shared/vn-tiers.ct"']);
    const fixed = applied(withoutImport, actions[0]!);
    expect(fixed).toContain('effective 2022-08-03 until 2022-12-31\n\nimport "shared/vn-tiers.ct"\n');
    expect(documentDiagnostics(analyseFile(BRVT, fixed)).filter((d) => d.code === "CT101")).toEqual([]);
  });

  it("spell the import in the file's language", () => {
    const text = hoabinh.replace('nhập "shared/vn-tiers.ct"\n', "");
    const position = at(text, "cho cấp province", 10);
    const actions = codeActions(analyseFile(HOABINH, text), { start: position, end: position }, () => [SHARED]);
    expect(actions.map((a) => a.title)).toEqual(['Nhập "shared/vn-tiers.ct"']);
    expect(applied(text, actions[0]!)).toContain('đến hết 31/12/2022\n\nnhập "shared/vn-tiers.ct"\n');
  });

  it("correct a Vietnamese keyword typed without accents, and a decimal comma two ways", () => {
    const typo = `chinh sach p "P" hiệu lực 2022-01-01\n`;
    const position = at(typo, "chinh", 1);
    expect(codeActions(analyseText(typo), { start: position, end: position }).map((a) => a.title)).toEqual(["Sửa thành `chính sách`", "Sửa thành `policy`"]);
    const comma = `policy p "P" effective 2022-01-01\nfield a\nfield b\nmetric m = a / b\nscore s for all = min(10, 10,5 * m)\n`;
    const at10 = at(comma, "10,5", 1);
    expect(codeActions(analyseText(comma), { start: at10, end: at10 }).map((a) => a.title)).toEqual(["Write `10.5`", "Write `10, 5`"]);
  });
});

describe("hover", () => {
  const brvtAnalysis = analyseFile(BRVT);

  it("shows a target's milestones for each tier it decides, as a table", () => {
    const text = hoverText(hover(brvtAnalysis, at(brvt, "target online_share_local", 8)));
    expect(text).toContain("**target** `online_share_local` — Tỷ lệ hồ sơ xử lý trực tuyến (UBND cấp huyện, xã)");
    expect(text).toContain("| tier or unit | date | comparison | threshold |");
    expect(text).toContain("| tier `district` | 2022-09-30 | >= | 20% |\n|  | 2022-10-31 | >= | 35% (step) |\n|  | 2022-11-30 | >= | 50% |");
    expect(text).toContain("| tier `commune` | 2022-09-30 | >= | 20% |");
    expect(text).not.toContain("tier `province`");
  });

  it("says which units a target leaves to another", () => {
    const text = hoverText(hover(brvtAnalysis, at(brvt, "target usage_all_tiers", 8)));
    expect(text).toContain("| tier `province` | 2022-09-30 | >= | 50% |");
    expect(text).toContain("| unit `thanh-tra-tinh` |  |  | excluded by `usage_all_tiers` |");
  });

  it("shows a metric's formula and window, and where an imported id is defined", () => {
    const metric = hoverText(hover(brvtAnalysis, at(brvt, "online_share >= 30%", 3)));
    expect(metric).toContain("`online_share = online_dossiers / dossiers`");
    expect(metric).toContain("counts summed over the milestone's month");
    const tier = hoverText(hover(brvtAnalysis, at(brvt, "tier province except", 6)));
    expect(tier).toBe("**tier** `province` — Cơ quan hành chính cấp tỉnh (sở, ban, ngành)\n\ndefined at `shared/vn-tiers.ct:18`");
    const unit = hoverText(hover(brvtAnalysis, at(brvt, "unit thanh-tra-tinh:", 8)));
    expect(unit).toBe("**unit** `thanh-tra-tinh` — Thanh tra tỉnh Bà Rịa - Vũng Tàu\n\ntier `province`\n\ndefined at `brvt-2139-2022.ct:29`");
  });

  it("says whether a date is a month end, in the file's language", () => {
    expect(hoverText(hover(brvtAnalysis, at(brvt, "2022-09-30", 2)))).toContain("2022-09-30 is a month end");
    expect(hoverText(hover(brvtAnalysis, at(brvt, "2022-08-03", 2)))).toContain("2022-08-03 is not a month end (that is 2022-08-31)");
    const vi = analyseFile(HOABINH);
    expect(hoverText(hover(vi, at(hoabinh, "30/07/2022", 1)))).toBe("30/07/2022 không phải ngày cuối tháng (ngày cuối tháng là 31/07/2022): lộ trình hằng tháng từ ngày này giữ nguyên ngày, lùi về cuối tháng với tháng ngắn");
    expect(hoverText(hover(vi, at(hoabinh, "31/12/2022", 1)))).toContain("31/12/2022 là ngày cuối tháng");
  });

  it("answers from the last text that parsed while the file does not", () => {
    const broken = brvt.replace("check online_dossiers <= dossiers", "check online_dossiers <=");
    const text = hoverText(hover(analyseFile(BRVT, broken), at(broken, "online_share >= 30%", 3), brvtAnalysis));
    expect(text).toContain("`online_share = online_dossiers / dossiers`");
    expect(hover(analyseFile(BRVT, broken), at(broken, "online_share >= 30%", 3))).toBeNull();
  });
});

describe("completion", () => {
  const complete = (text: string, needle: string, delta: number, file = BRVT) => completion(analyseFile(file, text), at(text, needle, delta), analyseFile(file));

  it("offers tiers after `tier` in a selector, imported ones included, and tags after `tagged`", () => {
    const text = brvt.replace("for tier district, tier commune:", "for tier district, tier :");
    expect(labels(complete(text, "tier :", 5))).toEqual(["province", "district", "commune"]);
    const tagged = `policy p "P" effective 2022-01-01\ntier t\ntag pilot "Thí điểm"\ntag late\nunit u "U" tier t tagged pilot, \n`;
    const items = completion(analyseText(tagged), at(tagged, "pilot, ", 7), analyseText(tagged.replace("pilot, ", "pilot")));
    expect(items.map((i) => [i.label, i.detail])).toEqual([["pilot", "tag — Thí điểm"], ["late", "tag"]]);
  });

  it("offers metrics after a milestone's date, fields in a metric's ratio, windows after `over`", () => {
    const milestone = brvt.replace("by 2022-11-30 >= 50%", "by 2022-11-30 ");
    expect(labels(complete(milestone, "by 2022-11-30 \n", 14))).toEqual(["service_usage", "online_share"]);
    const ratio = brvt.replace("= online_dossiers / dossiers", "= online_dossiers / ");
    expect(labels(complete(ratio, "= online_dossiers / ", 20)).sort()).toEqual(["dossiers", "online_dossiers", "online_services", "services_with_dossiers"]);
    const window = brvt.replace("= online_dossiers / dossiers", "= online_dossiers / dossiers over ");
    expect(labels(complete(window, "dossiers over ", 14))).toEqual(["month", "quarter", "year-to-date", "since-start"]);
  });

  it("offers statement keywords at a line's start and the snippets in a schedule, in the file's language", () => {
    const text = `${hoabinh}\n`;
    const start = completion(analyseFile(HOABINH, text), { line: text.split("\n").length - 1, character: 0 });
    expect(labels(start)).toEqual(expect.arrayContaining(["chính sách", "nhập", "cấp", "chỉ số", "chỉ tiêu", "kiểm tra"]));
    const snippet = start.find((i) => i.kind === 15)!;
    expect(snippet.textEdit!.newText).toContain("chỉ tiêu ${10:id}");
    expect(snippet.textEdit!.newText).toContain("từ ${1:2022-09-30} ${2:ty_le_thanh_toan_truc_tuyen} tối thiểu ${3:30}%, hàng tháng +${4:15}%, đến ${5:2022-11-30} tối thiểu ${6:60}%");
    const schedule = hoabinh.replace("năm 2022 ty_le_thanh_toan_truc_tuyen tối thiểu 30%", "năm 2022 ty_le_thanh_toan_truc_tuyen tối thiểu 30%, ");
    const items = complete(schedule, "tối thiểu 30%, ", 15, HOABINH);
    expect(labels(items)).toEqual(expect.arrayContaining(["từ", "đến", "năm", "hàng tháng"]));
    expect(items.filter((i) => i.kind === 15).map((i) => i.detail)).toEqual(["lộ trình: từ một mốc, mỗi tháng một bước, đến mốc cuối", "các mốc: mỗi năm một ngưỡng"]);
  });

  it("replaces the word being typed", () => {
    const text = brvt.replace("for tier district, tier commune:", "for tier district, tier com:");
    const [item] = complete(text, "tier com:", 8).filter((i) => i.label === "commune");
    expect(textIn(text, (item!.textEdit as { range: Parameters<typeof textIn>[1] }).range)).toBe("com");
  });
});

describe("navigation", () => {
  const analysis = analyseFile(BRVT);

  it("goes to an imported definition, and to the file an import names", () => {
    const [tier] = definition(analysis, at(brvt, "tier province except", 6));
    expect(tier!.uri.endsWith("policies/shared/vn-tiers.ct")).toBe(true);
    expect(tier!.range.start).toEqual({ line: 17, character: 5 });
    const [file] = definition(analysis, at(brvt, '"shared/vn-tiers.ct"', 3));
    expect(file!.uri.endsWith("policies/shared/vn-tiers.ct")).toBe(true);
  });

  it("finds every reference of a metric, with or without its definition", () => {
    const found = references(analysis, at(brvt, "metric online_share", 8), true);
    expect(found.map((l) => `${l.range.start.line + 1}:${textIn(brvt, l.range)}`)).toEqual(["41:online_share", "50:online_share", "54:online_share"]);
    expect(references(analysis, at(brvt, "metric online_share", 8), false)).toHaveLength(2);
  });

  it("finds references of a shared field in every policy of the workspace that imports it", () => {
    const shared = analyseFile(SHARED);
    const workspace = ["brvt-2139-2022.ct", "hoabinh-1546-2022.ct", "thaibinh-2020.ct"].map((f) => analyseFile(join(POLICIES, f)));
    const found = references(shared, at(readFileSync(SHARED, "utf8"), "field dossiers", 7), true, workspace);
    const files = new Set(found.map((l) => l.uri.split("/").pop()));
    expect(files).toEqual(new Set(["vn-tiers.ct", "brvt-2139-2022.ct", "thaibinh-2020.ct"]));
  });

  it("renames a metric everywhere it is written, and the policy still checks clean", () => {
    const position = at(brvt, "online_share >= 30%", 2);
    expect(textIn(brvt, prepareRename(analysis, position)!)).toBe("online_share");
    const answer = rename(analysis, position, "dossier_share");
    if (!("edit" in answer)) throw new Error(answer.refused);
    const edits = Object.values(answer.edit.changes!)[0]!;
    expect(edits).toHaveLength(3);
    const renamed = applyEdits(brvt, edits);
    expect(renamed).not.toContain("online_share ");
    expect(documentDiagnostics(analyseFile(BRVT, renamed))).toEqual([]);
  });

  it("refuses a new name that is a keyword, has accents or is two words", () => {
    const position = at(brvt, "online_share >= 30%", 2);
    for (const name of ["target", "tỷ_lệ", "two words", ""]) expect(rename(analysis, position, name)).toHaveProperty("refused");
    expect(prepareRename(analysis, at(brvt, ">= 30%", 1))).toBeNull();
  });
});

describe("outline, folding, formatting, tokens and hints", () => {
  const analysis = analyseFile(BRVT);

  it("lists the header and every statement by id and title", () => {
    const symbols = documentSymbols(analysis);
    expect(symbols.map((s) => s.name)).toEqual([
      "brvt-2139-2022", "shared/vn-tiers.ct", "thanh-tra-tinh", "services_with_dossiers", "service_usage", "online_share",
      "usage_all_tiers", "online_share_province", "online_share_local", "online_dossiers <= dossiers", "services_with_dossiers <= online_services",
    ]);
    expect(symbols[5]).toMatchObject({ detail: "Tỷ lệ hồ sơ TTHC xử lý trực tuyến", range: { start: { line: 40 }, end: { line: 41 } } });
  });

  it("folds statements written over several lines and runs of comments", () => {
    const ranges = foldingRanges(analysis);
    expect(ranges).toContainEqual({ startLine: 43, endLine: 45 });
    expect(ranges).toContainEqual({ startLine: 0, endLine: 19, kind: "comment" });
    expect(ranges.every((r) => r.endLine > r.startLine)).toBe(true);
  });

  it("formats as `chitieu fmt` does, and leaves a text that does not parse alone", () => {
    const messy = brvt.replace("tier province except", "tier   province except").replace("  = online_dossiers / dossiers", "    = online_dossiers/dossiers");
    const [edit] = formatDocument(analyseFile(BRVT, messy));
    expect(edit!.newText).toBe(formatSource(messy, {}).text);
    expect(formatDocument(analyseFile(BRVT, formatSource(brvt, {}).text))).toEqual([]);
    expect(formatDocument(analyseFile(BRVT, `${brvt}\ntarget`))).toEqual([]);
  });

  it("colours ids by what they name, definitions apart from uses", () => {
    const { data } = semanticTokens(analysis);
    const tokens: { text: string; type: string; declaration: boolean }[] = [];
    let [line, character] = [0, 0];
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
      const text = brvt.split("\n")[line]!.slice(character, character + data[i + 2]!);
      tokens.push({ text, type: SEMANTIC_LEGEND.tokenTypes[data[i + 3]!]!, declaration: data[i + 4] === 1 });
    }
    expect(tokens).toContainEqual({ text: "province", type: "type", declaration: false });
    expect(tokens).toContainEqual({ text: "online_share", type: "function", declaration: true });
    expect(tokens).toContainEqual({ text: "online_share", type: "function", declaration: false });
    expect(tokens).toContainEqual({ text: "target", type: "keyword", declaration: false });
    expect(tokens).toContainEqual({ text: ">=", type: "operator", declaration: false });
    expect(tokens).toContainEqual({ text: "2022-09-30", type: "number", declaration: false });
    expect(tokens.filter((t) => t.type === "comment")).toHaveLength(brvt.split("\n").filter((l) => l.trimStart().startsWith("#")).length);
  });

  it("show after each step of a ramp the milestones it implies, dated as the target writes dates", () => {
    expect(inlayHints(analysis).map((h) => `${h.position.line + 1}: ${h.label as string}`)).toEqual(["46: -> 2022-10-31 65%", "50: -> 2022-10-31 45%", "54: -> 2022-10-31 35%"]);
    const slashes = brvt.replaceAll("from 2022-09-30", "from 30/09/2022");
    expect(inlayHints(analyseFile(BRVT, slashes))[0]!.label).toBe("-> 31/10/2022 65%");
    const weekly = `policy p "P" effective 2022-01-01\nfield a\nfield b\nmetric m = a / b\ntarget t for all:\n  from 2022-01-03 m >= 10%, weekly +1%, by 2022-03-07 >= 19%\n`;
    expect(inlayHints(analyseText(weekly))[0]!.label).toBe("-> 2022-01-10 11%, 2022-01-17 12%, 2022-01-24 13%, 2022-01-31 14%, 2022-02-07 15%, 2022-02-14 16%, … +2");
  });
});
