/**
 * The playground page's script: the editor checked as it is typed, the schedule of a clean policy,
 * the data panel scored on its date, and the whole state shareable as a link. All of it is
 * chitieu's own code running in the page; nothing is fetched or sent.
 */
import type { EditorView } from "@codemirror/view";
import { compile } from "../../src/check/compile.js";
import { localize, type Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { Lang } from "../../src/i18n/lang.js";
import type { Policy } from "../../src/model/policy.js";
import { PLAYGROUND_WORDS } from "../../src/playground/words.js";
import { createEditor, positionIn, type Checked } from "./editor.js";
import { evaluate, type DataFile } from "./results.js";
import { scheduleMarkup } from "./schedule.js";
import { fragmentOf, stateOf, type State } from "./share.js";

const lang: Lang = document.documentElement.lang === "en" ? "en" : "vi";
const w = PLAYGROUND_WORDS[lang];
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** A link longer than this may be cut by some mail programs and older browsers. */
const LONG_LINK = 64 * 1024;

interface Start {
  readonly main: string;
  readonly files: Readonly<Record<string, string>>;
}

const start = JSON.parse(byId("playground-start").textContent ?? "{}") as Start;
let main = start.main;
let files: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, start.files);
let policy: Policy | undefined;
let view: EditorView;

const dataFiles: Record<"units" | "data", DataFile> = { units: { name: "units.csv", text: "" }, data: { name: "data.csv", text: "" } };

/** The editor's text is the main file; its imports are read from the files the page was given. */
function check(text: string): Checked {
  const readFile = (path: string): string | undefined => (path === main ? text : files[path]);
  const compiled = compile(text, { file: main, readFile });
  const diagnostics = compiled.diagnostics.map((d) => localize(d, lang));
  const changed = compiled.policy !== policy;
  policy = compiled.policy;
  showProblems(diagnostics);
  showSchedule();
  if (changed) scheduleEvaluation();
  return { diagnostics, main };
}

function showProblems(diagnostics: readonly Diagnostic[]): void {
  const list = byId<HTMLUListElement>("problems");
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  byId("problem-count").textContent = diagnostics.length === 0 ? "" : w.problemCount(errors, diagnostics.length - errors);
  list.replaceChildren(
    ...(diagnostics.length === 0
      ? [Object.assign(document.createElement("li"), { className: "clean", textContent: w.noProblems })]
      : diagnostics.map((d) => {
          const item = document.createElement("li");
          item.className = d.severity;
          item.dataset["line"] = String(d.span.start.line);
          item.dataset["column"] = String(d.span.start.column);
          item.dataset["code"] = d.code;
          const where = Object.assign(document.createElement("span"), { className: "where", textContent: `${d.file === main ? "" : `${d.file}:`}${d.span.start.line}:${d.span.start.column}` });
          const help = d.help ? [Object.assign(document.createElement("span"), { className: "help", textContent: d.help })] : [];
          item.append(where, document.createTextNode(d.message), ...help);
          if (d.file === main) item.addEventListener("click", () => goTo(d));
          return item;
        })),
  );
}

function goTo(d: Diagnostic): void {
  const from = positionIn(view.state.doc, d.span.start);
  view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
  view.focus();
}

function showSchedule(): void {
  const target = byId("schedule");
  if (!policy) {
    if (!target.querySelector("p.meta")) target.innerHTML = `<p class="meta"></p>`;
    target.querySelector("p.meta")!.textContent = w.scheduleNone;
    return;
  }
  // Markup escapes every text it is given (src/report/markup.ts): the policy's names are text, never HTML.
  target.innerHTML = scheduleMarkup(policy, lang, w).text;
}

function showImports(): void {
  byId("file-name").textContent = main;
  const holder = byId("imports");
  holder.replaceChildren(
    ...Object.entries(files).map(([path, text]) => {
      const details = document.createElement("details");
      details.append(Object.assign(document.createElement("summary"), { textContent: w.readOnly(path) }), Object.assign(document.createElement("pre"), { textContent: text }));
      return details;
    }),
  );
}

let pending: ReturnType<typeof setTimeout> | undefined;
let run = 0;

function scheduleEvaluation(): void {
  clearTimeout(pending);
  pending = setTimeout(() => void evaluateNow(), 300);
}

async function evaluateNow(): Promise<void> {
  const mine = ++run;
  const status = byId("data-status");
  const asOf = byId<HTMLInputElement>("as-of-date").value;
  if (dataFiles.units.text === "" && dataFiles.data.text === "" && asOf === "") return;
  const outcome = await evaluate(policy, dataFiles.units, dataFiles.data, asOf, lang, w);
  if (mine !== run) return;
  status.className = outcome.ok ? "" : "problem";
  status.textContent = outcome.ok ? "" : outcome.problem;
  if (outcome.ok) byId("results").innerHTML = outcome.body.text;
}

function wireData(role: "units" | "data"): void {
  const textarea = byId<HTMLTextAreaElement>(`${role}-text`);
  const input = byId<HTMLInputElement>(`${role}-file`);
  const label = byId(`${role}-name`);
  textarea.addEventListener("input", () => {
    dataFiles[role] = { name: dataFiles[role].name, text: textarea.value };
    scheduleEvaluation();
  });
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    // A workbook is bytes, not text: it is named (and refused with advice) but not shown.
    const read = /\.xlsx$/i.test(file.name) ? Promise.resolve("\u0000") : file.text();
    void read.then((text) => {
      dataFiles[role] = { name: file.name, text };
      textarea.value = text === "\u0000" ? "" : text;
      label.textContent = w.opened(file.name, file.size);
      scheduleEvaluation();
    });
  });
}

async function share(): Promise<void> {
  const state: State = { main, policy: view.state.doc.toString(), files, units: dataFiles.units, data: dataFiles.data, asOf: byId<HTMLInputElement>("as-of-date").value };
  const fragment = await fragmentOf(state);
  history.replaceState(null, "", fragment);
  const status = byId("share-status");
  status.textContent = fragment.length > LONG_LINK ? w.shareTooLong : w.shared;
  // A page opened from disk may not be allowed the clipboard; the link is in the address bar anyway.
  await navigator.clipboard?.writeText(location.href).catch(() => undefined);
}

async function open(): Promise<void> {
  const state = await stateOf(location.hash);
  let text = files[main] ?? "";
  if (state) {
    main = state.main;
    files = Object.assign(Object.create(null) as Record<string, string>, state.files);
    text = state.policy;
    dataFiles.units = state.units;
    dataFiles.data = state.data;
    byId<HTMLTextAreaElement>("units-text").value = state.units.text;
    byId<HTMLTextAreaElement>("data-text").value = state.data.text;
    byId<HTMLInputElement>("as-of-date").value = state.asOf;
  }
  // The editor holds the main file; the others are its imports, shown read-only.
  delete files[main];
  showImports();
  view = createEditor(byId("editor"), text, check);
  wireData("units");
  wireData("data");
  byId("as-of-date").addEventListener("input", scheduleEvaluation);
  byId("evaluate").addEventListener("click", () => void evaluateNow());
  byId("share").addEventListener("click", () => void share());
  document.body.dataset["ready"] = "true";
}

void open();
