/** The language a terminal asks for, from the environment (LC_ALL, LC_MESSAGES, LANG), as other tools read it. */
import type { Lang } from "../i18n/lang.js";

export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env["LC_ALL"] || env["LC_MESSAGES"] || env["LANG"] || "";
  return locale.toLowerCase().startsWith("vi") ? "vi" : "en";
}
