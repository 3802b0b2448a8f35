/**
 * The checker's diagnostics as the editor shows them: in the language the file is written in, with
 * the code, the fix on a line of its own, and the related places (the other rule of a conflict,
 * the first of two definitions) as locations an editor links to.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
import { localize, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Lang } from "../i18n/lang.js";
import type { Analysis } from "./analysis.js";
import { SourceMap } from "./source-map.js";
import { uriOfFile } from "./uris.js";
import { editorWords } from "./words.js";

/** The diagnostics in the document itself; those of its imports are shown in theirs. */
export function documentDiagnostics(analysis: Analysis): LspDiagnostic[] {
  const others = new Map<string, SourceMap>();
  const mapOf = (file: string): SourceMap => {
    if (file === analysis.file) return analysis.map;
    const known = others.get(file) ?? new SourceMap(analysis.sources.get(file) ?? "");
    others.set(file, known);
    return known;
  };
  const own = analysis.diagnostics.filter((d) => d.file === analysis.file);
  return own.length === 0 ? [] : own.map((d) => toLsp(d, analysis.map, analysis.lang, mapOf));
}

export function toLsp(d: Diagnostic, map: SourceMap, lang: Lang, mapOf: (file: string) => SourceMap): LspDiagnostic {
  const worded = localize(d, lang);
  const related: DiagnosticRelatedInformation[] = (worded.related ?? []).map((r) => ({
    location: { uri: uriOfFile(r.file), range: mapOf(r.file).range(r.span) },
    message: r.message,
  }));
  return {
    range: map.range(d.span),
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: "chitieu",
    message: `${d.name}: ${worded.message}${worded.help ? `\n${editorWords(lang).help}: ${worded.help}` : ""}`,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}
